import { describe, expect, it, vi } from 'vitest';
import { solutionJudge } from '../../pedagogy/solution-leak';
import { guardCodeBlocks, type LeakGuard } from './leak-guard';

const SOLUTION = 'D = np.abs(x[:, None] - x[None, :])\nnearest = np.sort(D, axis=1)[:, 1]\n';
const LEAK = '```python\nD = np.abs(x[:, None] - x[None, :])\n```\n';
const SAFE = '```python\nD = np.abs(...)\n```\n';

async function* pieces(...parts: string[]) {
  for (const part of parts) yield part;
}

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const piece of stream) out.push(piece);
  return out;
}

const guard = (over: Partial<LeakGuard> = {}): LeakGuard => ({
  judge: solutionJudge(SOLUTION),
  hintLevel: 3,
  rewrite: vi.fn(async () => 'Take the absolute value of the pairwise differences.'),
  fallback: 'AUTHORED HINT 3',
  ...over,
});

describe('guardCodeBlocks', () => {
  it('passes prose on at once, before the rest of the answer exists', async () => {
    let release!: () => void;
    const later = new Promise<void>((resolve) => (release = resolve));
    async function* slow() {
      yield 'First words. ';
      await later;
      yield 'More.';
    }
    const iterator = guardCodeBlocks(slow(), guard())[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe('First words. ');
    release();
    expect((await iterator.next()).value).toBe('More.');
  });

  it('passes a block that gives nothing away, even with its fences split across pieces', async () => {
    const g = guard();
    const out = await collect(
      guardCodeBlocks(pieces('Sketch: `', '``python\nD = np.a', 'bs(...)\n`', '``\nDone.'), g),
    );
    expect(out.join('')).toBe(`Sketch: ${SAFE}Done.`);
    expect(g.rewrite).not.toHaveBeenCalled();
  });

  it("replaces a leaking block by the model's rewrite when that one passes", async () => {
    const g = guard();
    const out = await collect(
      guardCodeBlocks(pieces('Here:\n', LEAK.slice(0, 20), LEAK.slice(20), 'Try it.'), g),
    );
    expect(out.join('')).toBe(
      'Here:\nTake the absolute value of the pairwise differences.\nTry it.',
    );
    expect(g.rewrite).toHaveBeenCalledWith(LEAK);
  });

  it('falls back to the authored hint when the rewrite leaks too or fails', async () => {
    const leaky = guard({ rewrite: async () => LEAK });
    expect((await collect(guardCodeBlocks(pieces(LEAK), leaky))).join('')).toBe(
      'AUTHORED HINT 3\n',
    );
    const failing = guard({ rewrite: async () => null });
    expect((await collect(guardCodeBlocks(pieces('A\n', LEAK), failing))).join('')).toBe(
      'A\nAUTHORED HINT 3\n',
    );
  });

  it('judges a block the stream never closed', async () => {
    const out = await collect(
      guardCodeBlocks(pieces('```python\nD = np.abs(x[:, None] - x[None, :])'), guard()),
    );
    expect(out.join('')).toBe('Take the absolute value of the pairwise differences.\n');
  });
});
