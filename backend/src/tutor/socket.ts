// WebSocket /ws/tutor?token=<access token>&module_id=<uuid> (workspace spec §8): the conversation
// with the module, the exercise and the student's notebook cell as context.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import {
  SocketCloseCodes,
  type TutorMessageFrame,
  TutorMessageFrameSchema,
} from '@tutor/shared/chat';
import {
  type ConversationConnection,
  type PreparedTurn,
  registerConversation,
  type TurnGate,
  TurnRefused,
} from '../conversation';
import { errorTypeOf, recordErrorContext } from '../courses/error-contexts';
import { type ClassPolicyRow, classPoliciesValue, effectivePolicy } from '../courses/policy';
import {
  type ExerciseCatalog,
  exercisesForNotebook,
  findExercise,
} from '../learning-modules/exercises';
import { getModule, type LearningModule } from '../learning-modules/service';
import type { ExerciseChecks, HintLevel } from '../pedagogy/types';
import {
  exerciseStateOf,
  getExerciseProgress,
  ranSinceLastHint,
  recordTutorAnswer,
} from '../progress/exercises/service';
import { incrementAttempt } from '../progress/service';
import { buildTutorContext } from './context';

const ModuleIdSchema = z.uuid();

/** The module of `?module_id=`, or null after closing the socket with 4400 / 4404. */
async function moduleOf(
  app: FastifyInstance,
  socket: WebSocket,
  request: FastifyRequest,
): Promise<LearningModule | null> {
  const raw = (request.query as Record<string, unknown> | undefined)?.module_id;
  if (typeof raw !== 'string' || raw === '') {
    socket.close(SocketCloseCodes.invalidModuleId, 'module_id is required');
    return null;
  }
  if (!ModuleIdSchema.safeParse(raw).success) {
    socket.close(SocketCloseCodes.invalidModuleId, 'module_id must be a UUID');
    return null;
  }
  const module = await getModule(app.database.db, raw);
  if (!module) socket.close(SocketCloseCodes.moduleNotFound, 'Module not found');
  return module ?? null;
}

/** An exercise of this module's notebook; ids of other modules' exercises are ignored. */
function exerciseOf(
  catalog: ExerciseCatalog,
  module: LearningModule,
  exerciseId: string | null | undefined,
) {
  if (!exerciseId) return undefined;
  const exercise = findExercise(catalog, exerciseId);
  if (!exercise || !exercisesForNotebook(catalog, module.notebookFilename).includes(exercise))
    return undefined;
  return exercise;
}

/** The exercise's check state for the tutor, from the user's per-exercise progress. */
async function checksOf(
  app: FastifyInstance,
  userId: string,
  exerciseId: string,
): Promise<ExerciseChecks> {
  const progress = await getExerciseProgress(app.database.db, userId, exerciseId);
  return {
    state: exerciseStateOf(progress),
    lastMessage: progress?.lastMessage ?? null,
    runs: progress?.runs ?? 0,
    ranSinceLastHint: ranSinceLastHint(progress),
  };
}

/** The error type of a question's error output on an exercise, for the class dashboard. */
async function keepErrorType(
  app: FastifyInstance,
  userId: string,
  moduleId: string,
  exerciseId: string,
  errorOutput: string | null | undefined,
): Promise<void> {
  const error = errorTypeOf(errorOutput);
  if (error) await recordErrorContext(app.database.db, { userId, moduleId, exerciseId, error });
}

/**
 * One tutor turn: the module, exercise (with its check state) and notebook cell as context; a
 * complete answer counts an attempt on the module and on the exercise. The student's classes'
 * policy is read on every turn (an exam window can start mid-session), by the turn's gate: tutor
 * off refuses the turn before anything is stored; the hint level is capped.
 */
async function prepareTutorTurn(
  { app, request, userId }: ConversationConnection,
  module: LearningModule,
  frame: TutorMessageFrame,
): Promise<PreparedTurn> {
  const exercise = exerciseOf(app.exercises, module, frame.exercise_id);
  const checks = exercise ? await checksOf(app, userId, exercise.id) : undefined;
  const built = buildTutorContext(module, {
    cellCode: frame.cell_code,
    errorOutput: frame.error_output,
    exercise,
    checks,
    pythonReady: frame.python_ready ?? undefined,
  });
  // The checklist verifies the context through this line; the code itself stays out of info logs.
  request.log.info(
    {
      module_id: module.id,
      session_id: frame.session_id ?? null,
      cell_code_chars: built.cellCode.chars,
      error_output_chars: built.errorOutput.chars,
      truncated: built.cellCode.truncated || built.errorOutput.truncated,
      exercise_id: exercise?.id ?? null,
      check_state: checks?.state ?? null,
    },
    'tutor turn',
  );
  request.log.debug(
    { cell_code: built.cellCode.text, error_output: built.errorOutput.text },
    'tutor turn context',
  );
  return {
    content: frame.content.trim(),
    sessionId: frame.session_id,
    fromFirstHint: frame.from_first_hint === true,
    sessionType: 'tutor',
    moduleId: module.id,
    continueLatest: !frame.new_session,
    gate: {
      read: classPoliciesValue(userId, module.id),
      async admit(rows: ClassPolicyRow[]) {
        const policy = effectivePolicy(rows);
        if (!policy.tutor_enabled) throw new TurnRefused(policy.notice ?? 'The tutor is off.');
        if (exercise) await keepErrorType(app, userId, module.id, exercise.id, frame.error_output);
        return { maxHintLevel: policy.max_hint_level as HintLevel };
      },
    } satisfies TurnGate<ClassPolicyRow[]>,
    context: {
      ...built.context,
      onAnswered: async ({ hintLevel }) => {
        await incrementAttempt(app.database.db, userId, module.id);
        if (exercise) {
          await recordTutorAnswer(app.database.db, userId, module.id, {
            exerciseId: exercise.id,
            hintLevel,
          });
        }
      },
    },
  };
}

export async function tutorSocket(app: FastifyInstance): Promise<void> {
  registerConversation(app, {
    name: 'tutor',
    path: '/ws/tutor',
    frameSchema: TutorMessageFrameSchema,
    prepare: async (connection) => {
      const module = await moduleOf(app, connection.socket, connection.request);
      if (!module) return null;
      return (frame) => prepareTutorTurn(connection, module, frame);
    },
  });
}
