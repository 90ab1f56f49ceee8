// The leak guard on answers below hint 5 on an exercise: prose streams through at once, a fenced
// code block is held until it closes and judged against the exercise's solution. A block that gives
// the solution away is replaced: by the model's rewrite under a stricter instruction (one try,
// judged again), else by the authored hint of that level. Answers without a leaking block never
// wait for an extra model call.
import type { SolutionJudge } from '../../pedagogy/solution-leak';

const FENCE = '```';

export interface LeakGuard {
  judge: SolutionJudge;
  hintLevel: number;
  /** One rewrite of a leaking block by the model (null when it fails). */
  rewrite(block: string): Promise<string | null>;
  /** The authored hint of this level: used when the rewrite fails or still leaks. */
  fallback: string;
  /** Told about each replaced block (for the log; never the block itself). */
  onReplaced?(how: 'rewrite' | 'fallback'): void;
}

/** The closing fence of the block opened at 0: its end index, or -1 while it is still open. */
function blockEnd(text: string): number {
  const lineEnd = text.indexOf('\n');
  if (lineEnd < 0) return -1;
  const close = text.indexOf(FENCE, lineEnd + 1);
  if (close < 0) return -1;
  const after = text.indexOf('\n', close + FENCE.length);
  return after < 0 ? -1 : after + 1;
}

/** Backticks at the end of `text` that may start a fence once the next piece arrives. */
function heldTail(text: string): number {
  const match = /`{1,2}$/.exec(text);
  return match ? match[0].length : 0;
}

async function checked(block: string, guard: LeakGuard): Promise<string> {
  if (guard.judge.leaks(block, guard.hintLevel).length === 0) return block;
  const rewritten = await guard.rewrite(block).catch(() => null);
  if (rewritten && guard.judge.leaks(rewritten, guard.hintLevel).length === 0) {
    guard.onReplaced?.('rewrite');
    return rewritten.endsWith('\n') ? rewritten : `${rewritten}\n`;
  }
  guard.onReplaced?.('fallback');
  return `${guard.fallback}\n`;
}

/** `pieces` with every fenced code block checked before it is passed on. */
export async function* guardCodeBlocks(
  pieces: AsyncIterable<string>,
  guard: LeakGuard,
): AsyncIterable<string> {
  let buffer = '';
  let inBlock = false;
  for await (const piece of pieces) {
    buffer += piece;
    for (;;) {
      if (!inBlock) {
        const open = buffer.indexOf(FENCE);
        if (open < 0) {
          const keep = heldTail(buffer);
          const out = buffer.slice(0, buffer.length - keep);
          buffer = buffer.slice(buffer.length - keep);
          if (out) yield out;
          break;
        }
        if (open > 0) yield buffer.slice(0, open);
        buffer = buffer.slice(open);
        inBlock = true;
      }
      const end = blockEnd(buffer);
      if (end < 0) break;
      yield await checked(buffer.slice(0, end), guard);
      buffer = buffer.slice(end);
      inBlock = false;
    }
  }
  if (buffer) yield inBlock ? await checked(buffer, guard) : buffer;
}

/** The instruction of the one rewrite of a leaking block. */
export function rewriteInstruction(hintLevel: number): string {
  return (
    `You are rewriting one part of a tutor's answer at hint level ${hintLevel} of 5. The part below ` +
    'gives the exercise solution away. Rewrite it so that it does not contain any line or ' +
    'expression of the solution: ' +
    (hintLevel >= 4
      ? 'keep a partial code sketch with real gaps written as `...` that the student must fill in.'
      : 'describe the steps and name the functions in words, with no code at all.') +
    ' Answer with the replacement text only.'
  );
}
