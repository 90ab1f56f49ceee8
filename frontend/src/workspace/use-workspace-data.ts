import type { ModuleOut } from '@tutor/shared/learning-modules';
import type { ProgressOut, ProgressStatus } from '@tutor/shared/progress';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import { getModule } from '../api/modules/get-module';
import { getProgress } from '../api/progress/get-progress';
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
  completing: boolean;
  statusError: string | null;
  complete: () => void;
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

/** Sets the module's status; the module list shows it, so it is read again afterwards. */
function useStatusUpdate(moduleId: string, status: ProgressStatus) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => updateProgress(moduleId, { status }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: moduleListKey }),
  });
}

/**
 * What the workspace loads: the module and the progress (the first open of a module starts it),
 * and "Mark as completed".
 */
export function useWorkspaceData(moduleId: string): WorkspaceData {
  const moduleQuery = useModule(moduleId);
  const progressQuery = useOpenedProgress(moduleId);
  const start = useStatusUpdate(moduleId, 'in_progress');
  const completion = useStatusUpdate(moduleId, 'completed');
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

  const statusError = completion.error;
  return {
    module: moduleQuery.data ?? null,
    progress,
    loadError: error ? loadErrorMessage(error) : null,
    status: completion.data?.status ?? start.data?.status ?? progress?.status ?? 'not_started',
    completing: completion.isPending,
    statusError: statusError
      ? statusError instanceof Error
        ? statusError.message
        : 'That did not work.'
      : null,
    complete: () => completion.mutate(),
  };
}
