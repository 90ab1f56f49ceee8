import { createReadStream, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Python packages served by the app itself (PYODIDE_MIRROR_DIR, filled by `npm run
 * pyodide:mirror`): the lab then loads numpy and the kernel's packages from its own origin, for
 * classrooms whose networks filter CDNs.
 */
export const PYODIDE_MIRROR_PREFIX = '/pyodide/';
export const LOCK_FILE = 'pyodide-lock.json';
const PYODIDE_PLUGIN = '@jupyterlite/pyodide-kernel-extension:kernel';

/** One file name of the folder: no slash, no leading dot, so nothing outside it and no listing. */
const fileName = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,199}$/;
const contentTypes: Record<string, string> = {
  '.whl': 'application/zip',
  '.zip': 'application/zip',
  '.json': 'application/json; charset=utf-8',
  '.tar': 'application/x-tar',
};
/** A host header as a browser sends it: a name or an IP address, and a port. */
const hostHeader = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Fails at start-up, not in every student's browser, when the folder is not a mirror. */
export function checkMirrorDir(dir: string): void {
  if (!existsSync(join(dir, LOCK_FILE))) {
    throw new Error(
      `PYODIDE_MIRROR_DIR is set to ${dir}, which has no ${LOCK_FILE}: fill it with ` +
        '`npm run pyodide:mirror -- <dir>`, or unset PYODIDE_MIRROR_DIR to use the package URL ' +
        'the lab was built with.',
    );
  }
}

function notFound(reply: FastifyReply, path: string) {
  return reply
    .status(404)
    .send({ error: { code: 'not_found', message: `No Python package file at ${path}` } });
}

/** The files of the folder, one level, by exact name. Wheel names carry their version. */
export function registerMirrorFiles(app: FastifyInstance, dir: string): void {
  app.get<{ Params: { file: string } }>(`${PYODIDE_MIRROR_PREFIX}:file`, async (request, reply) => {
    const name = request.params.file;
    const path = `${PYODIDE_MIRROR_PREFIX}${name}`;
    if (!fileName.test(name)) return notFound(reply, path);
    const file = join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return notFound(reply, path);
    return reply
      .header('content-type', contentTypes[extname(name)] ?? 'application/octet-stream')
      .header('content-length', info.size)
      .header(
        'cache-control',
        // The lock changes when the mirror is refilled; a wheel's name changes with its content.
        name === LOCK_FILE ? 'no-cache' : 'public, max-age=31536000, immutable',
      )
      .send(createReadStream(file));
  });
}

/** The origin the browser used, from the Host header (or X-Forwarded-* behind TRUST_PROXY). */
export function requestOrigin(request: FastifyRequest): string | null {
  if (!hostHeader.test(request.host)) return null;
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return null;
  }
}

/**
 * The lab's `jupyter-lite.json` pointing the kernel at the mirror: Pyodide fetches its packages
 * and its lock from `<origin>/pyodide/` (absolute URLs: the kernel's worker resolves nothing).
 */
export function withMirrorUrls(configText: string, origin: string): string {
  const config = JSON.parse(configText) as {
    'jupyter-config-data'?: { litePluginSettings?: Record<string, Record<string, unknown>> };
  };
  const data = (config['jupyter-config-data'] ??= {});
  const plugins = (data.litePluginSettings ??= {});
  const kernel = (plugins[PYODIDE_PLUGIN] ??= {});
  kernel['loadPyodideOptions'] = {
    ...(kernel['loadPyodideOptions'] as Record<string, unknown> | undefined),
    packageBaseUrl: `${origin}${PYODIDE_MIRROR_PREFIX}`,
    lockFileURL: `${origin}${PYODIDE_MIRROR_PREFIX}${LOCK_FILE}`,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Serves the site's root `jupyter-lite.json` with the mirror's URLs (read on each request). */
export function registerMirrorSiteConfig(app: FastifyInstance, jupyterLiteDir: string): void {
  app.get('/jupyterlite/jupyter-lite.json', async (request, reply) => {
    const text = await readFile(join(jupyterLiteDir, 'jupyter-lite.json'), 'utf8').catch(
      () => null,
    );
    if (text === null) return notFound(reply, request.url);
    const origin = requestOrigin(request);
    if (origin === null) {
      return reply.status(400).send({
        error: { code: 'bad_request', message: 'The Host header is not a host name.' },
      });
    }
    return reply
      .header('cache-control', 'no-cache')
      .type('application/json; charset=utf-8')
      .send(withMirrorUrls(text, origin));
  });
}
