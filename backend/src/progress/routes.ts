import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { type ModuleIdParams, ModuleIdParamsSchema } from '@tutor/shared/learning-modules';
import type { z } from 'zod';
import {
  NOTEBOOK_STATE_MAX_BYTES,
  ProgressBeaconSchema,
  type ProgressUpdate,
  ProgressUpdateSchema,
  SAVE_TOKEN_TTL_SECONDS,
  type SaveTokenOut,
} from '@tutor/shared/progress';
import type { DatabaseHandle } from '../db/client';
import { notFound, payloadTooLarge, unauthorized, unprocessable } from '../errors/app-error';
import { zodSchema } from '../errors/route-schemas';
import { invalidInput } from '../errors/validation';
import { getModule } from '../learning-modules/service';
import { savedProgressOrThrow, toProgressOut } from './responses';
import { beaconBodyParser } from './beacon-body';
import { jsonBodyOf, keepJsonBody } from './json-body';
import { type NbformatValidator, nbformatValidator } from './nbformat/validator';
import { notebookPayloadOf } from './notebook-payload';
import { notebookOverLimit } from './notebook-size';
import { createSaveTokenSigner } from './save-token';
import { getModuleProgress, type ProgressChanges, updateProgress } from './service';

/**
 * Bodies read at most: room for the other fields and the save token around a notebook of the
 * largest allowed size. The notebook's own limit is checked exactly (`checkNotebookSize`).
 */
const SAVE_BODY_LIMIT = NOTEBOOK_STATE_MAX_BYTES + 64 * 1024;

export interface ProgressRoutesOptions {
  /** Signs the save tokens of the beacon route (with a key derived for that use only). */
  jwtSecret: string;
}

/** `/api/progress/{module_id}`: read and save the user's progress on one module. */
export const progressRoutes: FastifyPluginAsync<ProgressRoutesOptions> = async (app, options) => {
  const saveTokens = createSaveTokenSigner(options.jwtSecret, SAVE_TOKEN_TTL_SECONDS);
  const db = () => app.database.db;
  const validNotebook = nbformatValidator();

  const save = async (userId: string, moduleId: string, changes: ProgressChanges) =>
    savedProgressOrThrow(moduleId, await updateProgress(db(), userId, moduleId, changes));

  keepJsonBody(app);
  const authenticated = { onRequest: app.authenticate, schema: moduleParams };

  app.get<ModuleRoute>('/api/progress/:module_id', authenticated, async (request) => {
    const { module_id } = request.params;
    const found = await getModuleProgress(db(), request.user.id, module_id);
    if (!found) throw notFound('Module not found');
    return toProgressOut(module_id, found.progress, true);
  });

  app.put<ModuleRoute>(
    '/api/progress/:module_id',
    // Large notebooks may come gzip-encoded (Content-Encoding: gzip).
    { ...authenticated, bodyLimit: SAVE_BODY_LIMIT, decompress: {} },
    async (request) => {
      const { module_id } = request.params;
      checkNotebookSize(request);
      const update = parseSaveBody(ProgressUpdateSchema, request.body);
      checkNotebook(validNotebook, update);
      return save(request.user.id, module_id, saveChanges(request, update, app.database.kind));
    },
  );

  app.post<ModuleRoute>('/api/progress/:module_id/save-token', authenticated, async (request) => {
    const { module_id } = request.params;
    if (!(await getModule(db(), module_id))) throw notFound('Module not found');
    const out: SaveTokenOut = {
      save_token: await saveTokens.create(request.user.id, module_id),
      expires_in: saveTokens.ttlSeconds,
    };
    return out;
  });

  // The final save while the page closes. `navigator.sendBeacon` cannot set headers, so the body
  // carries a save token (never the URL); it is sent as text/plain, which this scope parses as JSON
  // (optionally gzip-compressed, to fit the browsers' 64 KiB beacon limit).
  // A cross-site page cannot forge it: it has no save token.
  await app.register(async (beacon) => {
    beacon.removeContentTypeParser('text/plain');
    beacon.addContentTypeParser(
      'text/plain',
      { parseAs: 'buffer' },
      beaconBodyParser(SAVE_BODY_LIMIT),
    );
    beacon.post<ModuleRoute>(
      '/api/progress/:module_id/beacon',
      { bodyLimit: SAVE_BODY_LIMIT, schema: moduleParams },
      async (request) => {
        const { module_id } = request.params;
        const body = request.body as { save_token?: unknown } | undefined;
        const claims =
          typeof body?.save_token === 'string'
            ? await saveTokens.verify(body.save_token, module_id)
            : null;
        if (!claims) throw unauthorized('A valid save token for this module is required');
        checkNotebookSize(request);
        const { save_token: _token, ...update } = parseSaveBody(ProgressBeaconSchema, request.body);
        checkNotebook(validNotebook, update);
        return save(claims.userId, module_id, saveChanges(request, update, app.database.kind));
      },
    );
  });
};

const moduleParams = { params: zodSchema(ModuleIdParamsSchema, 422) };
type ModuleRoute = { Params: ModuleIdParams };

/**
 * A save body, parsed in the handler rather than by a route schema: its notebook's size is checked
 * on the bytes as sent first (413), and the beacon's save token before that (401).
 */
function parseSaveBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidInput(parsed.error, 422);
  return parsed.data;
}

/**
 * 413 for a `notebook_state` over NOTEBOOK_STATE_MAX_BYTES: its JSON text as sent, in UTF-8 bytes
 * (after any gzip Content-Encoding is undone). Checked before anything else reads the notebook.
 */
function checkNotebookSize(request: FastifyRequest): void {
  const notebook = (request.body as { notebook_state?: unknown } | undefined)?.notebook_state;
  if (notebook === undefined) return;
  const bytes = notebookOverLimit(jsonBodyOf(request), notebook, NOTEBOOK_STATE_MAX_BYTES);
  if (bytes !== null) {
    const size = (n: number) => n.toLocaleString('en');
    throw payloadTooLarge(
      `notebook_state is ${size(bytes)} bytes of JSON; the largest accepted is ` +
        `${size(NOTEBOOK_STATE_MAX_BYTES)} bytes (5 MiB)`,
    );
  }
}

/** 422 for a notebook that is not valid nbformat (the official schemas, as nbformat checks them). */
function checkNotebook(validate: NbformatValidator, update: ProgressUpdate): void {
  if (update.notebook_state === undefined) return;
  const problem = validate(update.notebook_state);
  if (problem) {
    throw unprocessable(`${problem.path}: ${problem.message}`, { fields: [problem.path] });
  }
}

/** The changes a validated save body asks for (the notebook as a payload: notebook-payload.ts). */
function saveChanges(
  request: FastifyRequest,
  update: ProgressUpdate,
  database: DatabaseHandle['kind'],
): ProgressChanges {
  const { status, notebook_state: notebookState, base_version: baseVersion } = update;
  return { status, baseVersion, notebook: notebookPayloadOf(request, notebookState, database) };
}
