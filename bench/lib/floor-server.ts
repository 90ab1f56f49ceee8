// The floor of bench/progress: a bare node:http server that does only the database work of a
// save and of the module list, with no framework, authentication, validation or serialisation
// library. Measured with the same client and load as the app, it shows what this machine allows
// at all, so the app's figures can be read against it ("the app costs X over the floor").
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Pool } from 'pg';
import { withNotebookJsonb } from '../../backend/src/progress/jsonb';

/** PUT /floor/save/{user_id}: the body's notebook_state stored as a save stores it. */
const saveSql = `update user_module_progress
  set notebook_state = convert_from($1::bytea, 'UTF8')::jsonb -> 'notebook_state',
      version = version + 1, updated_at = now()
  where user_id = $2 and module_id = $3
  returning version`;

/**
 * The same save as the app's statement for a body that begins with its notebook (the app's
 * progress service): the notebook's own text as a binary jsonb parameter (a version byte, then the
 * text), in a statement prepared once per connection. `--floor-save=jsonb` in bench/progress.
 */
const saveJsonbStatement = {
  name: 'floor_save_jsonb',
  text: `update user_module_progress
  set notebook_state = $1::jsonb, version = version + 1, updated_at = now()
  where user_id = $2 and module_id = $3
  returning version`,
};

/** The save statement of the floor: the original one, or the app's way (see saveJsonbStatement). */
export type FloorSave = 'body' | 'jsonb';

/** GET /floor/modules/{user_id}: the modules in order with the user's status, one query. */
const listSql = `select m.id, m.title, m.description, m.notebook_filename, m."order",
    coalesce(p.status, 'not_started') as status
  from learning_modules m
  left join user_module_progress p on p.module_id = m.id and p.user_id = $1
  order by m."order"`;

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

/** Listens on a free loopback port; `moduleId` is the module every floor save writes. */
export async function startFloorServer(
  pool: Pool,
  moduleId: string,
  save: FloorSave = 'body',
): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const [, , kind, userId] = (request.url ?? '').split('/');
    const answer = async () => {
      if (kind === 'save') {
        const body = await readBody(request);
        const { rows } =
          save === 'jsonb'
            ? await withNotebookJsonb(body, (notebook) =>
                pool.query({ ...saveJsonbStatement, values: [notebook, userId, moduleId] }),
              )
            : await pool.query(saveSql, [body, userId, moduleId]);
        return JSON.stringify({ version: (rows[0] as { version: number } | undefined)?.version });
      }
      request.resume();
      const { rows } = await pool.query(listSql, [userId]);
      return JSON.stringify(rows);
    };
    answer().then(
      (json) => response.writeHead(200, { 'content-type': 'application/json' }).end(json),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
