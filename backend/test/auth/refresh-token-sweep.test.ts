import type { FastifyInstance } from 'fastify';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefreshSessions } from '../../src/auth/refresh-sessions';
import { refreshTokens } from '../../src/auth/schema';
import { buildUser } from '../helpers/factories';
import { createAuthTestApp, refresh } from './helpers';

describe('expired refresh tokens', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createAuthTestApp();
  });
  afterAll(() => app.close());

  it('are refused, and deleted once they are more than a day past expiry', async () => {
    const { user } = await buildUser(app);
    const sessions = new RefreshSessions(app.database.db, 7);
    const hour = 60 * 60 * 1000;
    const tokens = await Promise.all([
      sessions.issue(user.id),
      sessions.issue(user.id),
      sessions.issue(user.id),
    ]);
    const [longExpired, justExpired, live] = tokens;
    const ids = async () =>
      (
        await app.database.db
          .select()
          .from(refreshTokens)
          .where(
            inArray(
              refreshTokens.familyId,
              tokens.map((t) => t.familyId),
            ),
          )
      )
        .map((row) => row.familyId)
        .sort();
    await app.database.db
      .update(refreshTokens)
      .set({ expiresAt: new Date(Date.now() - 48 * hour) })
      .where(inArray(refreshTokens.familyId, [longExpired!.familyId]));
    await app.database.db
      .update(refreshTokens)
      .set({ expiresAt: new Date(Date.now() - hour) })
      .where(inArray(refreshTokens.familyId, [justExpired!.familyId]));

    const expired = await refresh(app, justExpired!.token);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toBe('Session expired, please sign in again');

    // (Another app starting on this database may sweep first; the outcome is the same.)
    await sessions.deleteExpired();
    expect(await ids()).toEqual([justExpired!.familyId, live!.familyId].sort());
    expect((await refresh(app, live!.token)).statusCode).toBe(200);
  });
});
