import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, lt, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client';
import { refreshTokens } from './schema';
import { generateRefreshToken, hashRefreshToken } from './tokens';

/**
 * Refresh tokens, stored as SHA-256 hashes. A login starts a family; each refresh rotates the
 * presented token (marks it rotated) and adds its successor to the same family. Presenting a
 * token that was already rotated or revoked means it leaked: the whole family is revoked, so the
 * thief's and the owner's copies both stop working. One exception, REUSE_GRACE_SECONDS: a token
 * rotated moments ago whose successor was never used is accepted again, because a browser that
 * navigates away mid-refresh drops the reply (and its new cookie) after the server rotated.
 */
export interface IssuedRefreshToken {
  token: string;
  familyId: string;
}

/** How long a rotated token whose successor is still unused may be presented again. */
export const REUSE_GRACE_SECONDS = 30;

export type RotationResult =
  | { ok: true; userId: string; familyId: string }
  | { ok: false; reason: 'unknown' | 'expired' }
  /** The family was revoked; the caller ends the user's access tokens too. */
  | { ok: false; reason: 'reused'; userId: string };

export class RefreshSessions {
  constructor(
    private readonly db: Database,
    private readonly ttlDays: number,
  ) {}

  /** Adds a token to `familyId` (a new family when omitted) and returns the plain token. */
  async issue(userId: string, familyId: string = randomUUID()): Promise<IssuedRefreshToken> {
    const token = generateRefreshToken();
    await this.db.insert(refreshTokens).values({
      userId,
      familyId,
      tokenHash: hashRefreshToken(token),
      expiresAt: new Date(Date.now() + this.ttlDays * 24 * 60 * 60 * 1000),
    });
    return { token, familyId };
  }

  /**
   * Marks the token rotated if and only if it is still live (a conditional UPDATE, atomic). A
   * token already rotated is accepted again only within the reuse grace; otherwise it is reuse.
   */
  async rotate(token: string): Promise<RotationResult> {
    const tokenHash = hashRefreshToken(token);
    const [claimed] = await this.db
      .update(refreshTokens)
      .set({ rotatedAt: sql`now()` })
      .where(
        and(
          eq(refreshTokens.tokenHash, tokenHash),
          isNull(refreshTokens.rotatedAt),
          isNull(refreshTokens.revokedAt),
          gt(refreshTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: refreshTokens.userId, familyId: refreshTokens.familyId });
    if (claimed) return { ok: true, ...claimed };

    const [known] = await this.db
      .select({
        userId: refreshTokens.userId,
        familyId: refreshTokens.familyId,
        rotatedAt: refreshTokens.rotatedAt,
        revokedAt: refreshTokens.revokedAt,
      })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash));
    if (!known) return { ok: false, reason: 'unknown' };
    if (known.rotatedAt && !known.revokedAt && (await this.inReuseGrace(tokenHash))) {
      return { ok: true, userId: known.userId, familyId: known.familyId };
    }
    if (known.rotatedAt || known.revokedAt) {
      await this.revokeFamily(known.familyId);
      return { ok: false, reason: 'reused', userId: known.userId };
    }
    return { ok: false, reason: 'expired' };
  }

  /**
   * Whether a rotated token may be used again: rotated within REUSE_GRACE_SECONDS, unexpired, and
   * no token of its family rotated since (its successor was never used, so the reply was lost).
   */
  private async inReuseGrace(tokenHash: string): Promise<boolean> {
    const later = alias(refreshTokens, 'later');
    const successorUsed = this.db
      .select({ id: later.id })
      .from(later)
      .where(
        and(
          eq(later.familyId, refreshTokens.familyId),
          gt(later.rotatedAt, refreshTokens.rotatedAt),
        ),
      );
    const [graced] = await this.db
      .select({ id: refreshTokens.id })
      .from(refreshTokens)
      .where(
        and(
          eq(refreshTokens.tokenHash, tokenHash),
          isNull(refreshTokens.revokedAt),
          gt(refreshTokens.expiresAt, sql`now()`),
          gt(refreshTokens.rotatedAt, sql`now() - make_interval(secs => ${REUSE_GRACE_SECONDS})`),
          notExists(successorUsed),
        ),
      );
    return graced !== undefined;
  }

  /** Revokes the family of `token` (logout) and returns its user; unknown tokens are ignored. */
  async revokeFamilyOf(token: string): Promise<string | undefined> {
    const [known] = await this.db
      .select({ userId: refreshTokens.userId, familyId: refreshTokens.familyId })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(token)));
    if (!known) return undefined;
    await this.revokeFamily(known.familyId);
    return known.userId;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db
      .update(refreshTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
  }

  /** Signs the user out everywhere (after a password change). */
  async revokeAllForUser(userId: string): Promise<void> {
    await this.db
      .update(refreshTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
  }

  /**
   * Deletes tokens that expired more than a day ago (every refresh adds a row, so the table would
   * otherwise only grow). An expired token is refused anyway, so nothing is lost but the record.
   */
  async deleteExpired(): Promise<number> {
    const deleted = await this.db
      .delete(refreshTokens)
      .where(lt(refreshTokens.expiresAt, sql`now() - interval '1 day'`))
      .returning({ id: refreshTokens.id });
    return deleted.length;
  }
}
