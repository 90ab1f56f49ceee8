import type { ModuleOut } from '@tutor/shared/learning-modules';
import type { ProgressOut, ProgressStatus } from '@tutor/shared/progress';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import { getModule } from '../api/modules/get-module';
import { getProgress } from '../api/progress/get-progress';
import { reopenProgress } from '../api/progress/reopen-progress';
import { updateProgress } from '../api/progress/update-progress';
import { forgetModule, rememberedModule, rememberModules } from '../modules/module-cache';
import { moduleListKey } from '../modules/use-module-list';

export interface WorkspaceData {
  /** The module (the remembered one until the server answers); null while it loads. */
  module: ModuleOut | null;
  /** The progress as read when the workspace opened; null while it loads. */
  progress: ProgressOut | null;
  loadError: string | null;
  status: ProgressStatus;
  /** "Mark as completed" or "Reopen" is under way. */
  changingStatus: boolean;
  statusError: string | null;
  complete: () => void;
  /** A completed module is in progress again. */
  reopen: () => void;
}

function loadErrorMessage(error: unknown): string {
  if (error instanceof ApiError && (error.status === 404 || error.status === 422))
    return 'This module does not exist.';
  return error instanceof Error ? error.message : 'The module could not be loaded.';
}

/** A module seen before opens its notebook frame at once; the server's answer replaces it. */
function useModule(moduleId: string) {
  const [remembered] = useState(() => rememberedModule(moduleId));
  return useQuery({
    queryKey: ['module', moduleId],
    queryFn: async ({ signal }) => {
      const loaded = await getModule(moduleId, signal);
      rememberModules([loaded]);
      return loaded;
    },
    placeholderData: remembered ?? undefined,
  });
}

/**
 * The progress, read once per opening of the workspace: the notebook panel restores its
 * notebook_state, so it must not be read again while the workspace is open (nor kept for the
 * next opening, when the notebook has been saved since).
 */
function useOpenedProgress(moduleId: string) {
  return useQuery({
    queryKey: ['workspace', moduleId, 'progress'],
    queryFn: ({ signal }) => getProgress(moduleId, signal),
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** Starts the module (its first open); the module list shows the status, so it is read again. */
function useStart(moduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => updateProgress(moduleId, { status: 'in_progress' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: moduleListKey }),
  });
}

type StatusChange = 'complete' | 'reopen';

/**
 * "Mark as completed" and "Reopen": the status they leave is kept until the next change succeeds
 * (a change that fails leaves it as it was).
 */
function useStatusChange(moduleId: string) {
  const queryClient = useQueryClient();
  const [changed, setChanged] = useState<ProgressStatus | null>(null);
  const mutation = useMutation({
    mutationFn: (change: StatusChange) =>
      change === 'complete'
        ? updateProgress(moduleId, { status: 'completed' })
        : reopenProgress(moduleId),
    onSuccess: (saved) => {
      setChanged(saved.status);
      void queryClient.invalidateQueries({ queryKey: moduleListKey });
    },
  });
  return { changed, mutation };
}

function errorText(error: unknown): string | null {
  if (!error) return null;
  return error instanceof Error ? error.message : 'That did not work.';
}

/**
 * What the workspace loads: the module and the progress (the first open of a module starts it),
 * and "Mark as completed" / "Reopen".
 */
export function useWorkspaceData(moduleId: string): WorkspaceData {
  const moduleQuery = useModule(moduleId);
  const progressQuery = useOpenedProgress(moduleId);
  const start = useStart(moduleId);
  const { changed, mutation: statusChange } = useStatusChange(moduleId);
  const progress = progressQuery.data ?? null;

  const { mutate: startModule } = start;
  useEffect(() => {
    // The first open of a module starts it.
    if (progress?.status === 'not_started') startModule();
  }, [progress, startModule]);

  const error = moduleQuery.error ?? progressQuery.error ?? start.error;
  useEffect(() => {
    if (error instanceof ApiError && error.status === 404) forgetModule(moduleId);
  }, [error, moduleId]);

  return {
    module: moduleQuery.data ?? null,
    progress,
    loadError: error ? loadErrorMessage(error) : null,
    status: changed ?? start.data?.status ?? progress?.status ?? 'not_started',
    changingStatus: statusChange.isPending,
    statusError: errorText(statusChange.error),
    complete: () => statusChange.mutate('complete'),
    reopen: () => statusChange.mutate('reopen'),
  };
}
