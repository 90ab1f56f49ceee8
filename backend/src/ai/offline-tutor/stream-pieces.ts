import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/**
 * Splits text into pieces of a few words (keeping whitespace and newlines) and yields them one at
 * a time with a tick between, so the offline tutor streams like a language model. Stops quietly
 * when the signal aborts.
 */
export async function* streamPieces(
  text: string,
  signal: AbortSignal,
  wordsPerPiece = 2,
): AsyncGenerator<string> {
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  for (let i = 0; i < words.length; i += wordsPerPiece) {
    if (signal.aborted) return;
    await yieldToEventLoop();
    if (signal.aborted) return;
    yield words.slice(i, i + wordsPerPiece).join('');
  }
}
