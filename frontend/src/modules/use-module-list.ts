import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from '../api/api-error';
import { listModules, type ModuleListItem } from '../api/modules/list-modules';
import { useAuth } from '../auth/auth-context';
import { rememberModules } from './module-cache';

export type ModuleListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'loaded'; modules: ModuleListItem[] };

/**
 * The module lists: each shows the user's status per module, so a status change makes them
 * stale (the workspace invalidates this key), and each user's list is cached apart.
 */
export const moduleListKey = ['modules'] as const;

/** One user's module list (null: not known here, as in tests without a user). */
const userModuleListKey = (userId: string | null) => ['modules', userId] as const;

function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : 'The modules could not be loaded.';
}

/** Loads the module list (and remembers it for the workspace); `handleRetry` loads it again. */
export function useModuleList() {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const userId = user?.id ?? null;
  const query = useQuery({
    queryKey: userModuleListKey(userId),
    queryFn: async ({ signal }) => {
      const modules = await listModules(signal);
      rememberModules(modules);
      return modules;
    },
    // The page says at once that the list could not be loaded, and offers "Try again".
    retry: false,
  });

  const handleRetry = useCallback(
    // Back to the loading state, then loaded again.
    () => void queryClient.resetQueries({ queryKey: userModuleListKey(userId), exact: true }),
    [queryClient, userId],
  );

  let state: ModuleListState;
  if (query.isPending) state = { status: 'loading' };
  else if (query.isError) state = { status: 'error', message: errorMessage(query.error) };
  else state = { status: 'loaded', modules: query.data };
  return { state, handleRetry };
}
