// The conversation sent to the model: in full while short; near the budget, recent turns are kept
// and older ones replaced by the session's stored summary. The summary is refreshed after an answer
// (in the background), so it never delays a first token; until it exists, old turns are dropped.
import type { LlmRouter, ModelMessage } from '../../ai/types';

export interface HistoryPlan<M extends ModelMessage = ModelMessage> {
  /** Recent messages sent in full. */
  recent: M[];
  /** Older messages that do not fit: to summarise (or drop). */
  older: M[];
}

const size = (messages: ModelMessage[]) => messages.reduce((sum, m) => sum + m.content.length, 0);

/**
 * Splits history at the budget. Everything fits → all recent. Otherwise recent turns are kept up
 * to half the budget (leaving room for the summary and the answer), at least the last two.
 */
export function planHistory<M extends ModelMessage>(
  history: M[],
  budgetChars: number,
): HistoryPlan<M> {
  if (size(history) <= budgetChars) return { recent: history, older: [] };
  let kept = 0;
  let start = history.length;
  while (start > 0) {
    const next = history[start - 1]!.content.length;
    const mustKeep = history.length - start < 2;
    if (!mustKeep && kept + next > budgetChars / 2) break;
    kept += next;
    start -= 1;
  }
  return { recent: history.slice(start), older: history.slice(0, start) };
}

const SUMMARY_SYSTEM =
  'Summarise this tutoring conversation for the tutor who continues it: the problems the student worked on, what was explained, what the student understood or struggled with, and any code they wrote. At most 150 words. Plain text.';

/** Transcript cap for the summary call itself. */
const MAX_TRANSCRIPT_CHARS = 20_000;

/**
 * A summary of `older` turns, extending `previous` (the summary of the turns before them), or null
 * when the model fails or is too slow. Runs after an answer, never before the first token.
 */
export async function summarise(
  router: LlmRouter,
  older: ModelMessage[],
  previous: string | null,
  timeoutMs: number,
): Promise<string | null> {
  const transcript = older
    .map((m) => `${m.role === 'user' ? 'Student' : 'Tutor'}: ${m.content}`)
    .join('\n\n')
    .slice(-MAX_TRANSCRIPT_CHARS);
  const prompt = previous
    ? `Summary so far:\n${previous}\n\nLater turns:\n${transcript}`
    : transcript;
  try {
    const summary = await router.complete({ system: SUMMARY_SYSTEM, prompt, timeoutMs });
    return summary?.trim() ? summary.trim() : null;
  } catch {
    return null;
  }
}
