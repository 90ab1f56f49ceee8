// The floor of bench/auth: a bare node:http server in the app's process doing only the work of
// GET /api/auth/me (the app's own cached token check, then the profile read on the same database
// handle), with no framework, hooks, schemas or logging. Measured with the same client and rate,
// it shows what this machine allows at all, so the app's p99 can be read against it.
import { createServer, type Server } from 'node:http';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';

/** Listens on a free loopback port and answers every request as GET /me would. */
export async function startMeFloorServer(
  app: FastifyInstance,
): Promise<{ origin: string; close(): Promise<void> }> {
  const { db } = app.database;
  const server: Server = createServer((request, response) => {
    request.resume();
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    const answer = async () => {
      const check = await app.tokens.checkAccessToken(token);
      if (!check.ok) return null;
      const result = await db.execute(
        sql`select id, email, username, programming_level, maths_level, created_at from users where id = ${check.claims.userId}`,
      );
      return JSON.stringify((result as unknown as { rows: unknown[] }).rows[0] ?? null);
    };
    answer().then(
      (json) =>
        json === null
          ? response.writeHead(401).end()
          : response.writeHead(200, { 'content-type': 'application/json' }).end(json),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
