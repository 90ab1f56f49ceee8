import { createHash, randomBytes } from 'node:crypto';
import { PASSWORD_RESET_TTL_MINUTES } from '@tutor/shared/account';
import { personalWords } from '@tutor/shared/password-policy';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client';
import { badRequest } from '../errors/app-error';
import type { AccessTokens } from './authenticate';
import { hashPassword } from './passwords';
import type { ResetMailer } from './password-reset-mail';
import { passwordResetTokens, refreshTokens, users } from './schema';
import { requireStrongPassword } from './service';

/** Requests waiting for their mail; beyond this a request is dropped (and logged). */
const MAX_QUEUED_REQUESTS = 1000;

export const INVALID_RESET_LINK =
  'This reset link is invalid, has expired or was already used. Ask for a new one.';

const invalidLink = () => badRequest(INVALID_RESET_LINK, { fields: ['token'] });

const hashResetToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Forgotten passwords. A request mails a link holding a random 32-byte token; only its SHA-256 is
 * stored, with an expiry (PASSWORD_RESET_TTL_MINUTES) and a used_at. A new request does not end
 * earlier links (mails can arrive out of order; whichever the student opens works), but using any
 * link ends all of the account's links, sets the password and signs the account out everywhere.
 *
 * Requests are answered at once, identically for every email, and handled afterwards in one queue
 * (lookup, token, mail), so neither the answer nor its timing says whether an account exists, and
 * mail goes out one at a time.
 */
export class PasswordResets {
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor(
    private readonly db: Database,
    private readonly tokens: AccessTokens,
    private readonly mailer: ResetMailer,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Queues the mail for `email` (nothing happens for an unknown one); links start `linkBase`. */
  request(email: string, linkBase: string): void {
    if (this.queued >= MAX_QUEUED_REQUESTS) {
      this.log.warn('password reset queue is full; a request was dropped');
      return;
    }
    this.queued += 1;
    this.queue = this.queue
      .then(() => this.handle(email, linkBase))
      .catch((error: unknown) => {
        // Not the error itself: an SMTP error message can quote the recipient's address.
        const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
        this.log.error({ code, responseCode }, 'sending a password reset link failed');
      })
      .finally(() => {
        this.queued -= 1;
      });
  }

  /** Resolves once every queued request has been handled (shutdown, tests). */
  idle(): Promise<void> {
    return this.queue;
  }

  private async handle(email: string, linkBase: string): Promise<void> {
    const [user] = await this.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) return;
    const token = randomBytes(32).toString('base64url');
    await this.db.insert(passwordResetTokens).values({
      userId: user.id,
      tokenHash: hashResetToken(token),
      // The database's clock, which also decides expiry on use.
      expiresAt: sql`now() + make_interval(mins => ${PASSWORD_RESET_TTL_MINUTES})`,
    });
    await this.mailer.send(email, `${linkBase}/reset-password?token=${token}`);
  }

  /**
   * Sets the password if the token is live, then ends every session of the account. An unknown,
   * expired or used token, or a weak password, changes nothing (the token stays usable after a
   * weak password).
   */
  async confirm(token: string, newPassword: string): Promise<void> {
    const tokenHash = hashResetToken(token);
    const live = and(
      eq(passwordResetTokens.tokenHash, tokenHash),
      isNull(passwordResetTokens.usedAt),
      gt(passwordResetTokens.expiresAt, sql`now()`),
    );
    const [account] = await this.db
      .select({ email: users.email, username: users.username })
      .from(passwordResetTokens)
      .innerJoin(users, eq(users.id, passwordResetTokens.userId))
      .where(live);
    if (!account) throw invalidLink();
    const personal = personalWords(account.email, account.username);
    await requireStrongPassword('new_password', 'New password', newPassword, personal);
    const passwordHash = await hashPassword(newPassword);

    const userId = await this.db.transaction(async (tx) => {
      // Claimed atomically: of two uses racing, one wins and the other finds it used.
      const [claimed] = await tx
        .update(passwordResetTokens)
        .set({ usedAt: sql`now()` })
        .where(live)
        .returning({ userId: passwordResetTokens.userId });
      if (!claimed) return undefined;
      await tx.update(users).set({ passwordHash }).where(eq(users.id, claimed.userId));
      await tx
        .update(passwordResetTokens)
        .set({ usedAt: sql`now()` })
        .where(
          and(eq(passwordResetTokens.userId, claimed.userId), isNull(passwordResetTokens.usedAt)),
        );
      await tx
        .update(refreshTokens)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(refreshTokens.userId, claimed.userId), isNull(refreshTokens.revokedAt)));
      return claimed.userId;
    });
    if (!userId) throw invalidLink();
    await this.tokens.revokeAccessTokens(userId);
  }

  /** Deletes tokens expired more than a day ago (used or not: either way they are refused). */
  async deleteExpired(): Promise<number> {
    const deleted = await this.db
      .delete(passwordResetTokens)
      .where(lt(passwordResetTokens.expiresAt, sql`now() - interval '1 day'`))
      .returning({ id: passwordResetTokens.id });
    return deleted.length;
  }
}
