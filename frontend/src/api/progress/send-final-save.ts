import type { NotebookState } from '@tutor/shared/progress';

/** What browsers let a page-close request carry (sendBeacon and fetch keepalive share it). */
export const KEEPALIVE_MAX_BYTES = 64 * 1024;

export interface FinalSave {
  notebook_state: NotebookState;
  base_version: number;
  save_token: string;
}

/** Whether a final save is small enough for sendBeacon / fetch keepalive. */
export function fitsFinalSave(save: FinalSave): boolean {
  return new TextEncoder().encode(JSON.stringify(save)).length <= KEEPALIVE_MAX_BYTES;
}

/**
 * POST /api/progress/{module_id}/beacon while the page closes: `navigator.sendBeacon` (text/plain,
 * the save token in the body), else `fetch` with `keepalive`. Returns false without sending when
 * the body exceeds the 64 KB browsers allow; the earlier saves cover larger notebooks.
 */
export function sendFinalSave(moduleId: string, save: FinalSave): boolean {
  if (!fitsFinalSave(save)) return false;
  const body = JSON.stringify(save);
  const url = `/api/progress/${encodeURIComponent(moduleId)}/beacon`;
  if (typeof navigator.sendBeacon === 'function') {
    const blob = new Blob([body], { type: 'text/plain;charset=UTF-8' });
    if (navigator.sendBeacon(url, blob)) return true;
  }
  void fetch(url, {
    method: 'POST',
    body,
    keepalive: true,
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
  }).catch(() => undefined);
  return true;
}
