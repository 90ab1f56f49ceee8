import { z } from 'zod';
import { NotebookStateSchema } from './notebook-state';

/**
 * Module progress: the REST shapes of `/api/progress/{module_id}` shared by server and browser.
 *
 * Versioning: `version` counts the saves of `notebook_state` (0 = no notebook saved yet). A save may
 * send the `base_version` it started from; if the stored notebook is newer the server answers 409
 * (`ProgressConflictBody`) and writes nothing. Status changes and tutor attempts do not change the
 * version, so marking a module completed in one tab never makes another tab's save stale.
 *
 * Status only moves forward: not_started → in_progress → completed. A notebook save moves a
 * not_started module to in_progress and never moves a completed one back (a lower status sent with
 * a notebook is ignored); a status-only request that would move backward gets 422.
 *
 * Large saves may be sent compressed: a PUT with `Content-Encoding: gzip` is accepted (the size
 * limit applies to the inflated body).
 *
 * Saving while the page closes: `navigator.sendBeacon` cannot send an Authorization header, so
 * 1. fetch `POST /api/progress/{id}/save-token` (authenticated, no body) when the workspace opens
 *    and again every few minutes (it lives SAVE_TOKEN_TTL_SECONDS);
 * 2. on `pagehide`, `navigator.sendBeacon('/api/progress/{id}/beacon', body)` where body is the
 *    JSON of ProgressBeacon {save_token, notebook_state, base_version} as a string (sent as
 *    text/plain) or, better, a Blob of its gzip bytes (`CompressionStream('gzip')`, type
 *    'text/plain'), prepared ahead of time since compression is asynchronous.
 * Browsers refuse beacons above 64 KiB (sendBeacon returns false), so do the real last save with an
 * ordinary PUT on `visibilitychange` to hidden and keep the beacon as the fallback.
 */

export const PROGRESS_STATUSES = ['not_started', 'in_progress', 'completed'] as const;

export const ProgressStatusSchema = z.enum(PROGRESS_STATUSES, {
  error: 'must be one of "not_started", "in_progress", "completed"',
});
export type ProgressStatus = z.infer<typeof ProgressStatusSchema>;

/**
 * Largest accepted `notebook_state`: 5 MiB (5,242,880 bytes) of JSON text, counted in UTF-8 bytes as
 * the notebook appears in the request body (after a gzip Content-Encoding is undone). A notebook of
 * exactly this size is stored; one byte more is refused with 413 `payload_too_large` and nothing
 * stored changes. (The frontend sends `JSON.stringify` output, so that is the size it can check.)
 */
export const NOTEBOOK_STATE_MAX_BYTES = 5 * 1024 * 1024;

/** Lifetime of a save token (`POST /api/progress/{id}/save-token`); refresh it well before. */
export const SAVE_TOKEN_TTL_SECONDS = 10 * 60;

export { NOTEBOOK_MAX_DEPTH, NotebookStateSchema, type NotebookState } from './notebook-state';

const progressUpdateFields = {
  status: ProgressStatusSchema.optional(),
  notebook_state: NotebookStateSchema.optional(),
  base_version: z.number({ error: 'must be a number' }).int().nonnegative().optional(),
};

const hasStatusOrNotebook = (body: { status?: unknown; notebook_state?: unknown }) =>
  body.status !== undefined || body.notebook_state !== undefined;
const needsAField = { error: 'the body must contain status or notebook_state (or both)' };
const bodyObject = {
  error: (issue: { code?: string }) =>
    issue.code === 'invalid_type' ? 'the body must be a JSON object' : undefined,
};

/** `PUT /api/progress/{module_id}` body. Unknown keys are refused (a typo must not pass silently). */
export const ProgressUpdateSchema = z
  .strictObject(progressUpdateFields, bodyObject)
  .refine(hasStatusOrNotebook, needsAField);
export type ProgressUpdate = z.infer<typeof ProgressUpdateSchema>;

/**
 * `POST /api/progress/{module_id}/beacon` body, sent by `navigator.sendBeacon` as text/plain (or
 * application/json): the same fields as a PUT plus the save token that authenticates it.
 */
export const ProgressBeaconSchema = z
  .strictObject(
    { ...progressUpdateFields, save_token: z.string({ error: 'is required' }).min(1) },
    bodyObject,
  )
  .refine(hasStatusOrNotebook, needsAField);
export type ProgressBeacon = z.infer<typeof ProgressBeaconSchema>;

/**
 * The user's progress on one module. Without a record: id null, status not_started, version 0,
 * updated_at null. `notebook_state` is present (object or null) on GET only; PUT omits it.
 */
export const ProgressOutSchema = z.object({
  id: z.string().nullable(),
  module_id: z.string(),
  status: ProgressStatusSchema,
  attempt_count: z.number().int(),
  updated_at: z.string().nullable(),
  version: z.number().int(),
  notebook_state: NotebookStateSchema.nullable().optional(),
});
export type ProgressOut = z.infer<typeof ProgressOutSchema>;

/** 409 body of a stale save: the stored notebook's version, to reload or overwrite knowingly. */
export const ProgressConflictBodySchema = z.object({
  error: z.looseObject({
    code: z.literal('conflict'),
    message: z.string(),
    current_version: z.number().int(),
    updated_at: z.string().nullable(),
  }),
});
export type ProgressConflictBody = z.infer<typeof ProgressConflictBodySchema>;

/** `POST /api/progress/{module_id}/save-token`: a token for this user and module only. */
export const SaveTokenOutSchema = z.object({
  save_token: z.string(),
  expires_in: z.number().int(),
});
export type SaveTokenOut = z.infer<typeof SaveTokenOutSchema>;
