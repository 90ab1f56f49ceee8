// How many messages one user may send per minute, over all their chat and tutor sockets together.
// Each message costs an embedding and usually a paid model call; without a budget one account
// could open many sockets and send as fast as its network allows. In memory: with several server
// instances, each one counts its own sockets.
import type { FastifyInstance } from 'fastify';
import type { SendEvent } from './conversation-socket';

const WINDOW_MS = 60_000;

export type BudgetDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export class MessageBudget {
  /** Send times within the last minute, oldest first, per user. */
  private readonly sent = new Map<string, number[]>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    // Users who stopped sending are forgotten, so the map holds only the last minute's senders.
    this.sweeper = setInterval(() => this.forgetIdle(), WINDOW_MS);
    this.sweeper.unref();
  }

  /** Counts one message of `userId` if the budget allows it; otherwise says how long to wait. */
  take(userId: string): BudgetDecision {
    const now = this.now();
    const times = (this.sent.get(userId) ?? []).filter((time) => now - time < WINDOW_MS);
    if (times.length >= this.perMinute) {
      this.sent.set(userId, times);
      return { ok: false, retryAfterSeconds: Math.ceil((times[0]! + WINDOW_MS - now) / 1000) };
    }
    times.push(now);
    this.sent.set(userId, times);
    return { ok: true };
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private forgetIdle(): void {
    const now = this.now();
    for (const [userId, times] of this.sent) {
      if (now - times[times.length - 1]! >= WINDOW_MS) this.sent.delete(userId);
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    messageBudget: MessageBudget;
  }
}

/** The app's budget for chat and tutor messages (one for both sockets). */
export function registerMessageBudget(app: FastifyInstance, perMinute: number): void {
  const budget = new MessageBudget(perMinute);
  app.decorate('messageBudget', budget);
  app.addHook('onClose', async () => budget.close());
}

/** Takes a message from the user's budget, or tells the client to wait and returns false. */
export function withinMessageBudget(
  app: FastifyInstance,
  userId: string,
  send: SendEvent,
): boolean {
  const decision = app.messageBudget.take(userId);
  if (decision.ok) return true;
  send({
    type: 'error',
    message: `You have sent ${app.messageBudget.perMinute} messages in the last minute. Wait ${decision.retryAfterSeconds} s, then send it again.`,
  });
  return false;
}
