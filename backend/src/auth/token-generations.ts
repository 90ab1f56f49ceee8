import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { DatabaseHandle } from '../db/client';
import { users } from './schema';

/**
 * Each user's token generation (users.token_generation), which every access token carries and
 * every use of one is checked against. Raising it ends all of the user's access tokens at once.
 *
 * Generations are kept in memory, so the hot path costs no query, and that memory is trusted only
 * while revocations by other instances are known to reach this one:
 * - PostgreSQL: a revocation sends NOTIFY on GENERATION_CHANNEL in its transaction; each instance
 *   LISTENs on a session of its own and forgets that user. The memory is trusted only once a
 *   heartbeat sent after LISTEN has come back, and stops being trusted (and is emptied) the moment
 *   the session fails or a heartbeat goes missing: until the next heartbeat gets through, every
 *   check reads the database. Behind a pooler in transaction mode, which cannot carry LISTEN, the
 *   heartbeats go missing and checks read the database (give the server a direct or session-mode
 *   connection to keep the memory); should one get through by chance, a revocation missed after
 *   it is still noticed within a heartbeat period (15 s).
 * - PGlite: one process owns the database, so the memory is always trusted; instances sharing one
 *   handle in this process (tests) tell each other directly.
 * Entries also expire after CACHE_TTL_MS, a bound on staleness should all of the above fail.
 */

export const GENERATION_CHANNEL = 'auth_token_generation';

const CACHE_MAX_USERS = 50_000;
const CACHE_TTL_MS = 30_000;
const HEARTBEAT_INTERVAL_MS = 10_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 10_000;
/** The instances on each database handle of this process, so a revocation reaches all at once. */
const instancesByHandle = new WeakMap<DatabaseHandle, Set<TokenGenerations>>();

export class TokenGenerations {
  private readonly cache = new Map<string, { generation: number; expiresAt: number }>();
  /** Raised whenever anything is forgotten: a lookup that overlapped it does not fill the cache. */
  private version = 0;
  /** Whether remembered generations may be used (see above). */
  private trusted: boolean;
  private onTrusted: (() => void)[] = [];
  private readonly byId;

  private client: pg.Client | undefined;
  private closing = false;
  private reconnectDelayMs = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private heartbeatDeadline: NodeJS.Timeout | undefined;
  private awaitedPing: string | undefined;
  private pingCount = 0;
  private readonly instanceId = randomUUID();
  private outageLogged = false;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly log: FastifyBaseLogger,
  ) {
    this.byId = handle.db
      .select({ generation: users.tokenGeneration })
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare('auth_token_generation_by_id');
    this.trusted = !handle.newSessionClient;
    let siblings = instancesByHandle.get(handle);
    if (!siblings) instancesByHandle.set(handle, (siblings = new Set()));
    siblings.add(this);
  }

  /** Starts listening for other instances' revocations (PostgreSQL). */
  start(): void {
    if (this.handle.newSessionClient) void this.connect();
  }

  async close(): Promise<void> {
    this.closing = true;
    instancesByHandle.get(this.handle)?.delete(this);
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.distrust();
    await client?.end().catch(() => {});
  }

  /** Resolves once revocations by other instances reach this one (at once on PGlite). */
  whenShared(): Promise<void> {
    if (this.trusted) return Promise.resolve();
    return new Promise((resolve) => this.onTrusted.push(resolve));
  }

  /** The user's current generation, or undefined when there is no such user. */
  async current(userId: string): Promise<number | undefined> {
    const now = Date.now();
    const known = this.cache.get(userId);
    if (known && known.expiresAt > now) return known.generation;
    const version = this.version;
    const [row] = await this.byId.execute({ id: userId });
    if (!row) return undefined;
    if (this.trusted && version === this.version) {
      if (known) this.cache.delete(userId);
      else if (this.cache.size >= CACHE_MAX_USERS)
        this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(userId, { generation: row.generation, expiresAt: now + CACHE_TTL_MS });
    }
    return row.generation;
  }

  /**
   * Raises the user's generation, which ends every access token issued before, on every instance:
   * this process forgets it before returning, the others when PostgreSQL delivers the notification
   * it sends as the transaction commits (within milliseconds). Returns the new generation
   * (undefined: no such user).
   */
  async revoke(userId: string): Promise<number | undefined> {
    const generation = await this.handle.db.transaction(async (tx) => {
      const [bumped] = await tx
        .update(users)
        .set({ tokenGeneration: sql`${users.tokenGeneration} + 1` })
        .where(eq(users.id, userId))
        .returning({ generation: users.tokenGeneration });
      if (bumped) {
        await tx.execute(
          sql`select pg_notify(${GENERATION_CHANNEL}, ${`${userId}:${bumped.generation}`})`,
        );
      }
      return bumped?.generation;
    });
    for (const instance of instancesByHandle.get(this.handle) ?? [this]) instance.forget(userId);
    return generation;
  }

  private forget(userId: string): void {
    this.version += 1;
    this.cache.delete(userId);
  }

  private distrust(): void {
    this.trusted = false;
    this.version += 1;
    this.cache.clear();
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.heartbeatDeadline);
    this.awaitedPing = undefined;
    this.client = undefined;
  }

  private async connect(): Promise<void> {
    if (this.closing) return;
    const client = this.handle.newSessionClient!();
    this.client = client;
    client.on('notification', (message) => this.notified(client, message.payload ?? ''));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${GENERATION_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.client !== client) return;
    // Trusted once a heartbeat sent after LISTEN comes back (see notified).
    this.ping(client);
    this.heartbeatTimer = setInterval(() => this.ping(client), HEARTBEAT_INTERVAL_MS).unref();
  }

  private ping(client: pg.Client): void {
    if (this.client !== client || this.awaitedPing) return;
    const payload = `ping:${this.instanceId}:${(this.pingCount += 1)}`;
    this.awaitedPing = payload;
    this.heartbeatDeadline = setTimeout(
      () => this.lost(client, new Error('a heartbeat notification did not come back')),
      HEARTBEAT_TIMEOUT_MS,
    ).unref();
    client
      .query('select pg_notify($1, $2)', [GENERATION_CHANNEL, payload])
      .catch((error: Error) => this.lost(client, error));
  }

  private notified(client: pg.Client, payload: string): void {
    if (this.client !== client) return;
    if (payload.startsWith('ping:')) {
      if (payload !== this.awaitedPing) return; // another instance's heartbeat
      this.awaitedPing = undefined;
      clearTimeout(this.heartbeatDeadline);
      if (!this.trusted) this.becomeTrusted();
      return;
    }
    this.forget(payload.slice(0, payload.indexOf(':')));
  }

  private becomeTrusted(): void {
    this.version += 1;
    this.cache.clear();
    this.trusted = true;
    this.reconnectDelayMs = RECONNECT_MIN_MS;
    if (this.outageLogged) this.log.info('token revocations are shared again; caching generations');
    this.outageLogged = false;
    for (const resolve of this.onTrusted.splice(0)) resolve();
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.client !== client) return;
    this.distrust();
    void client.end().catch(() => {});
    if (this.closing) return;
    if (!this.outageLogged) {
      this.log.warn(
        { err: error },
        'listening for token revocations failed; checking each token against the database until it works again',
      );
      this.outageLogged = true;
    }
    this.reconnectTimer = setTimeout(() => void this.connect(), this.reconnectDelayMs).unref();
    this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, RECONNECT_MAX_MS);
  }
}
