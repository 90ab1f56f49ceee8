import {
  ExerciseProgressOutSchema,
  type CheckResultIn,
  type ExerciseProgressOut,
} from '@tutor/shared/exercise-progress';
import { apiFetch } from '../client';

export type { CheckResultIn, ExerciseProgressOut };

/**
 * POST /api/progress/{module_id}/check-results: one run of an exercise's check, as the notebook saw
 * it; answers the exercise's new state. 422 for an exercise the module does not have, 429 above
 * CHECK_RESULTS_PER_SECOND.
 */
export function postCheckResult(
  moduleId: string,
  result: CheckResultIn,
  signal?: AbortSignal,
): Promise<ExerciseProgressOut> {
  return apiFetch(`/api/progress/${encodeURIComponent(moduleId)}/check-results`, {
    method: 'POST',
    body: result,
    schema: ExerciseProgressOutSchema,
    signal,
  });
}
