import type { FastifyPluginAsync } from 'fastify';
import { ModuleIdParamsSchema } from '@tutor/shared/learning-modules';
import {
  NOTEBOOK_STATE_MAX_BYTES,
  ProgressBeaconSchema,
  type ProgressUpdate,
  ProgressUpdateSchema,
  SAVE_TOKEN_TTL_SECONDS,
  type SaveTokenOut,
} from '@tutor/shared/progress';
import { notFound, unauthorized } from '../errors/app-error';
import { parseInput } from '../errors/validation';
import { getModule } from '../learning-modules/service';
import { savedProgressOrThrow, toProgressOut } from './responses';
import { beaconBodyParser } from './beacon-body';
import { jsonBodyOf, keepJsonBody } from './json-body';
import { utf8Jsonb } from './jsonb';
import { createSaveTokenSigner } from './save-token';
import { getModuleProgress, updateProgress } from './service';

/** Room for the other fields and the save token around a notebook of the largest allowed size. */
const SAVE_BODY_LIMIT = NOTEBOOK_STATE_MAX_BYTES + 64 * 1024;

export interface ProgressRoutesOptions {
  /** Signs the save tokens of the beacon route (with a key derived for that use only). */
  jwtSecret: string;
}

/** `/api/progress/{module_id}`: read and save the user's progress on one module. */
export const progressRoutes: FastifyPluginAsync<ProgressRoutesOptions> = async (app, options) => {
  const saveTokens = createSaveTokenSigner(options.jwtSecret, SAVE_TOKEN_TTL_SECONDS);
  const db = () => app.database.db;

  const save = async (
    userId: string,
    moduleId: string,
    body: ProgressUpdate,
    bodyUtf8: Buffer | undefined,
  ) =>
    savedProgressOrThrow(
      moduleId,
      await updateProgress(db(), userId, moduleId, {
        status: body.status,
        notebookState: body.notebook_state,
        bodyJsonb: bodyUtf8 && utf8Jsonb(app.database.kind, bodyUtf8),
        baseVersion: body.base_version,
      }),
    );

  keepJsonBody(app);

  app.get('/api/progress/:module_id', { preHandler: app.authenticate }, async (request) => {
    const { module_id } = parseInput(ModuleIdParamsSchema, request.params, 422);
    const found = await getModuleProgress(db(), request.user.id, module_id);
    if (!found) throw notFound('Module not found');
    return toProgressOut(module_id, found.progress, true);
  });

  app.put(
    '/api/progress/:module_id',
    { preHandler: app.authenticate, bodyLimit: SAVE_BODY_LIMIT },
    async (request) => {
      const { module_id } = parseInput(ModuleIdParamsSchema, request.params, 422);
      const body = parseInput(ProgressUpdateSchema, request.body, 422);
      return save(request.user.id, module_id, body, jsonBodyOf(request));
    },
  );

  app.post(
    '/api/progress/:module_id/save-token',
    { preHandler: app.authenticate },
    async (request) => {
      const { module_id } = parseInput(ModuleIdParamsSchema, request.params, 422);
      if (!(await getModule(db(), module_id))) throw notFound('Module not found');
      const out: SaveTokenOut = {
        save_token: await saveTokens.create(request.user.id, module_id),
        expires_in: saveTokens.ttlSeconds,
      };
      return out;
    },
  );

  // The final save while the page closes. `navigator.sendBeacon` cannot set headers, so the body
  // carries a save token (never the URL); it is sent as text/plain, which this scope parses as JSON
  // (optionally gzip-compressed, to fit the browsers' 64 KiB beacon limit).
  // A cross-site page cannot forge it: it has no save token.
  await app.register(async (beacon) => {
    beacon.removeContentTypeParser('text/plain');
    beacon.addContentTypeParser(
      'text/plain',
      { parseAs: 'buffer' },
      beaconBodyParser(beacon, SAVE_BODY_LIMIT),
    );
    beacon.post(
      '/api/progress/:module_id/beacon',
      { bodyLimit: SAVE_BODY_LIMIT },
      async (request) => {
        const { module_id } = parseInput(ModuleIdParamsSchema, request.params, 422);
        const body = request.body as { save_token?: unknown } | undefined;
        const claims =
          typeof body?.save_token === 'string'
            ? await saveTokens.verify(body.save_token, module_id)
            : null;
        if (!claims) throw unauthorized('A valid save token for this module is required');
        const { save_token: _token, ...update } = parseInput(
          ProgressBeaconSchema,
          request.body,
          422,
        );
        return save(claims.userId, module_id, update, jsonBodyOf(request));
      },
    );
  });
};
