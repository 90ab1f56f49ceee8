import type { ChatSession } from '../schema';
import { summarise } from './context';
import * as store from './session-store';
import type { TurnDeps } from './types';

/** After an answer, in the background: extends the stored summary with old turns it does not cover yet. */
export function refreshSummary(
  deps: TurnDeps,
  session: Pick<ChatSession, 'id' | 'historySummary' | 'historySummaryUntil'>,
  older: store.HistoryMessage[],
): void {
  const covered = session.historySummaryUntil;
  const uncovered = covered ? older.filter((m) => m.createdAt > covered) : older;
  const last = uncovered.at(-1);
  if (!last) return;
  const task = summarise(
    deps.router,
    uncovered,
    session.historySummary,
    deps.config.summaryTimeoutMs,
  )
    .then(async (summary) => {
      if (summary) await store.saveSummary(deps.db, session.id, summary, last.createdAt);
    })
    .catch((error: unknown) => deps.log.warn({ err: error }, 'history summary failed'));
  if (deps.background) deps.background(task);
}
