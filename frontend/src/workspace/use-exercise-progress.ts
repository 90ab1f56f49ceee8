import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getModuleExercises } from '../api/progress/get-module-exercises';
import { postCheckResult } from '../api/progress/post-check-result';
import { useAuth } from '../auth/auth-context';
import { moduleListKey } from '../modules/use-module-list';
import { CheckResultSender } from './check-result-sender';
import {
  exerciseStates,
  moduleExercisesKey,
  withExercise,
  type ExerciseProgressOut,
  type ModuleExercisesOut,
} from './exercise-states';
import type { NotebookBridge } from './notebook-bridge';

/** The exercise as the server recorded it, in the cache (the module list's counts changed too). */
function recordSaved(
  queryClient: QueryClient,
  key: ReturnType<typeof moduleExercisesKey>,
  item: ExerciseProgressOut,
): void {
  const cached = queryClient.getQueryData<ModuleExercisesOut>(key);
  const updated = cached ? withExercise(cached, item) : null;
  if (updated) queryClient.setQueryData(key, updated);
  else void queryClient.invalidateQueries({ queryKey: key, exact: true });
  void queryClient.invalidateQueries({ queryKey: moduleListKey });
}

/** Posts each `check-result` the notebook reports, within the server's rate limit. */
function useCheckResults(
  moduleId: string,
  userId: string | null,
  bridge: NotebookBridge | null,
): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!bridge) return;
    const key = moduleExercisesKey(userId, moduleId);
    const sender = new CheckResultSender({
      post: (result) => postCheckResult(moduleId, result),
      onSaved: (item) => recordSaved(queryClient, key, item),
      // The notebook goes on; the next run of that check will be posted again.
      onFailed: (result, error) =>
        console.warn(`The check result of ${result.exercise_id} was not recorded.`, error),
    });
    const off = bridge.on('check-result', ({ exercise_id, passed, message }) =>
      sender.report({ exercise_id, passed, message }),
    );
    return () => {
      off();
      sender.dispose();
    };
  }, [bridge, moduleId, userId, queryClient]);
}

/**
 * The module's exercises with the student's check states (null until loaded, or when they could
 * not be: the workspace works without them). Check results from the notebook are posted and the
 * answers kept in the cache; the notebook is told the states whenever they change and whenever
 * its bridge is new (a notebook (re)loaded).
 */
export function useExerciseProgress(
  moduleId: string,
  bridge: NotebookBridge | null,
): ModuleExercisesOut | null {
  const { user } = useAuth();
  const userId = user?.id ?? null;
  const query = useQuery({
    queryKey: moduleExercisesKey(userId, moduleId),
    queryFn: ({ signal }) => getModuleExercises(moduleId, signal),
  });
  useCheckResults(moduleId, userId, bridge);

  const data = query.data ?? null;
  useEffect(() => {
    if (!bridge || !data) return;
    bridge.setExerciseStates(exerciseStates(data)).catch(() => undefined);
  }, [bridge, data]);
  return data;
}
