import { withoutTrustMarkers } from '@tutor/shared/notebook-trust';
import type { ProgressOut } from '@tutor/shared/progress';
import { conflict, notFound, unauthorized, unprocessable } from '../errors/app-error';
import type { UserModuleProgress } from './schema';
import type { ProgressSummary, UpdateProgressResult } from './service';

/** The REST shape of a record; without one, the default not_started object (version 0). */
export function toProgressOut(
  moduleId: string,
  record: ProgressSummary | UserModuleProgress | null,
  withNotebook: boolean,
): ProgressOut {
  const out: ProgressOut = {
    id: record?.id ?? null,
    module_id: moduleId,
    status: record?.status ?? 'not_started',
    attempt_count: record?.attemptCount ?? 0,
    updated_at: record?.updatedAt.toISOString() ?? null,
    version: record?.version ?? 0,
  };
  if (withNotebook) {
    // Never trusted when it comes back, whenever it was stored (see @tutor/shared/notebook-trust).
    out.notebook_state = withoutTrustMarkers(
      record && 'notebookState' in record ? record.notebookState : null,
    ) as ProgressOut['notebook_state'];
  }
  return out;
}

/** A successful save as ProgressOut (without the notebook); a refused one as its HTTP error. */
export function savedProgressOrThrow(moduleId: string, result: UpdateProgressResult): ProgressOut {
  if (result.ok) return toProgressOut(moduleId, result.progress, false);
  switch (result.reason) {
    case 'stale':
      throw conflict(
        `The notebook was saved elsewhere since this save's base_version (it is now at version ` +
          `${result.currentVersion}); reload it, or send base_version ${result.currentVersion} to overwrite it.`,
        { current_version: result.currentVersion, updated_at: result.updatedAt.toISOString() },
      );
    case 'backward_status':
      throw unprocessable(
        `status: the module is ${result.currentStatus}; status only moves forward ` +
          '(not_started → in_progress → completed)',
        { fields: ['status'] },
      );
    case 'unknown_module':
      throw notFound('Module not found');
    case 'unknown_user':
      throw unauthorized('This account no longer exists');
  }
}
