import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { TurnAi, TurnDeps } from './types';

/**
 * The pipeline's dependencies from the app: the database, `app.ai` (router and classifier, from
 * the AI plugin) and the chat config. Read per turn, so a test can swap `app.ai` for fakes.
 */
export function turnDeps(app: FastifyInstance, log: FastifyBaseLogger): TurnDeps | undefined {
  const ai: Partial<TurnAi> | undefined = app.ai;
  if (!ai?.router || !ai.classifier) return undefined;
  return {
    db: app.database.db,
    router: ai.router,
    classifier: ai.classifier,
    log,
    background: (task) => app.liveSockets.trackTurn(task),
    config: {
      historyBudgetChars: app.config.CHAT_HISTORY_BUDGET_CHARS,
      summaryTimeoutMs: app.config.CHAT_SUMMARY_TIMEOUT_MS,
      historyMaxMessages: 200,
    },
  };
}
