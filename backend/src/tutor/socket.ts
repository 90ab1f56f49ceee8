// WebSocket /ws/tutor?token=<access token>&module_id=<uuid> (workspace spec §8): the chat pipeline
// with the module, the exercise and the student's notebook cell as context.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { describeZodError } from '../errors/validation';
import { SocketCloseCodes, TutorMessageFrameSchema } from '@tutor/shared/chat';
import { turnDeps } from '../chat/deps';
import { UNAVAILABLE_MESSAGE } from '../chat/pipeline/canned';
import { runTurn } from '../chat/pipeline/run-turn';
import { authenticateSocket } from '../chat/socket/authenticate-socket';
import { openConversation } from '../chat/socket/conversation';
import { settlePendingTurns } from '../chat/socket/live-sockets';
import { withinMessageBudget } from '../chat/socket/message-budget';
import {
  type ExerciseCatalog,
  exercisesForNotebook,
  findExercise,
} from '../learning-modules/exercises';
import type { LearningModule } from '../learning-modules/schema';
import { getModule } from '../learning-modules/service';
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

export async function tutorSocket(app: FastifyInstance): Promise<void> {
  app.addHook('onClose', () => settlePendingTurns());

  app.get('/ws/tutor', { websocket: true }, (socket, request) => {
    const conversation = openConversation(socket, request.log, app.config.CHAT_SOCKET_PING_MS);
    void (async () => {
      const userId = await authenticateSocket(app, socket, request);
      if (!userId) return;
      const module = await moduleOf(app, socket, request);
      if (!module) return;
      conversation.start(async (raw, signal, send) => {
        const frame = TutorMessageFrameSchema.safeParse(raw);
        if (!frame.success) return send({ type: 'error', message: describeZodError(frame.error) });
        if (!withinMessageBudget(app, userId, send)) return;
        const deps = turnDeps(app, request.log);
        if (!deps) return send({ type: 'error', message: UNAVAILABLE_MESSAGE });
        const { data } = frame;
        const exercise = exerciseOf(app.exercises, module, data.exercise_id);
        const built = buildTutorContext(module, {
          cellCode: data.cell_code,
          errorOutput: data.error_output,
          exercise,
        });
        // The checklist verifies the context through this line; the code itself stays out of info logs.
        request.log.info(
          {
            module_id: module.id,
            session_id: data.session_id ?? null,
            cell_code_chars: built.cellCode.chars,
            error_output_chars: built.errorOutput.chars,
            truncated: built.cellCode.truncated || built.errorOutput.truncated,
            exercise_id: exercise?.id ?? null,
          },
          'tutor turn',
        );
        request.log.debug(
          { cell_code: built.cellCode.text, error_output: built.errorOutput.text },
          'tutor turn context',
        );
        await runTurn(
          deps,
          {
            userId,
            content: data.content.trim(),
            sessionId: data.session_id,
            sessionType: 'tutor',
            moduleId: module.id,
            continueLatest: !data.new_session,
            context: {
              ...built.context,
              onAnswered: () =>
                incrementAttempt(app.database.db, userId, module.id).then(() => undefined),
            },
            signal,
          },
          send,
        );
      });
    })().catch((error: unknown) => {
      request.log.error({ err: error }, 'tutor socket failed to open');
      socket.close(1011, 'Server error');
    });
  });
}
