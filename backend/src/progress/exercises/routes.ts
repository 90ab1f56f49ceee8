import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  CHECK_RESULTS_PER_SECOND,
  type CheckResultIn,
  CheckResultInSchema,
  type ExerciseProgressOut,
  type ModuleExercisesOut,
} from '@tutor/shared/exercise-progress';
import { type ModuleIdParams, ModuleIdParamsSchema } from '@tutor/shared/learning-modules';
import { storableText } from '../../db/text';
import { notFound, unauthorized, unprocessable } from '../../errors/app-error';
import { zodSchema } from '../../errors/route-schemas';
import { exercisesForNotebook } from '../../learning-modules/exercises';
import { getModule } from '../../learning-modules/service';
import type { ExerciseMaterial } from '../../pedagogy/types';
import { createKeyedLimit } from '../../rate-limit/limits';
import type { ExerciseProgress } from './schema';
import { exerciseStateOf, listExerciseProgress, recordCheckResult } from './service';

type ModuleRoute = { Params: ModuleIdParams };
type CheckResultRoute = ModuleRoute & { Body: CheckResultIn };

export function toExerciseProgressOut(
  exercise: Pick<ExerciseMaterial, 'id' | 'title'>,
  progress: ExerciseProgress | undefined,
): ExerciseProgressOut {
  const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
  return {
    exercise_id: exercise.id,
    title: exercise.title,
    state: exerciseStateOf(progress),
    last_passed: progress?.lastPassed ?? null,
    last_message: progress?.lastMessage ?? null,
    runs: progress?.runs ?? 0,
    first_run_at: iso(progress?.firstRunAt),
    last_run_at: iso(progress?.lastRunAt),
    passed_at: iso(progress?.passedAt),
    highest_hint_level: progress?.highestHintLevel ?? 0,
    tutor_answers: progress?.tutorAnswers ?? 0,
  };
}

/** The module's exercises (authored order), or 404 when the module does not exist. */
async function exercisesOf(app: FastifyInstance, moduleId: string) {
  const module = await getModule(app.database.db, moduleId);
  if (!module) throw notFound('Module not found');
  return exercisesForNotebook(app.exercises, module.notebookFilename);
}

async function moduleExercises(
  app: FastifyInstance,
  userId: string,
  moduleId: string,
): Promise<ModuleExercisesOut> {
  const exercises = await exercisesOf(app, moduleId);
  const rows = await listExerciseProgress(app.database.db, userId, moduleId);
  const byId = new Map(rows.map((row) => [row.exerciseId, row]));
  const out = exercises.map((exercise) => toExerciseProgressOut(exercise, byId.get(exercise.id)));
  return {
    module_id: moduleId,
    exercises: out,
    passed: out.filter((exercise) => exercise.state === 'passed').length,
    total: out.length,
    self_reported: true,
  };
}

async function addCheckResult(
  app: FastifyInstance,
  userId: string,
  moduleId: string,
  result: CheckResultIn,
): Promise<ExerciseProgressOut> {
  const exercise = (await exercisesOf(app, moduleId)).find((e) => e.id === result.exercise_id);
  if (!exercise) {
    throw unprocessable(`exercise_id: "${result.exercise_id}" is not an exercise of this module`, {
      fields: ['exercise_id'],
    });
  }
  const saved = await recordCheckResult(app.database.db, userId, moduleId, {
    exerciseId: exercise.id,
    passed: result.passed,
    message: storableText(result.message),
  });
  if (!saved) throw unauthorized('This account no longer exists');
  return toExerciseProgressOut(exercise, saved);
}

/**
 * `/api/progress/{module_id}/exercises` and `/check-results`: the module's exercises with the
 * user's check results, and one more result as the notebook's check reported it.
 */
export const exerciseProgressRoutes: FastifyPluginAsync = async (app) => {
  const perUser = createKeyedLimit(app, {
    name: 'check-results-user',
    max: CHECK_RESULTS_PER_SECOND,
    windowMs: 1000,
    key: (request) => request.user.id,
  });
  const params = zodSchema(ModuleIdParamsSchema, 422);

  app.get<ModuleRoute>(
    '/api/progress/:module_id/exercises',
    { onRequest: app.authenticate, schema: { params } },
    (request) => moduleExercises(app, request.user.id, request.params.module_id),
  );

  // Every post counts against the limit, valid or not (preValidation runs before the schemas).
  app.post<CheckResultRoute>(
    '/api/progress/:module_id/check-results',
    {
      onRequest: app.authenticate,
      preValidation: (request: FastifyRequest) => perUser(request),
      schema: { params, body: zodSchema(CheckResultInSchema, 422) },
    },
    (request) => addCheckResult(app, request.user.id, request.params.module_id, request.body),
  );
};
