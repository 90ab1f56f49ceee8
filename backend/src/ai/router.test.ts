import { describe, expect, it } from 'vitest';
import { createProviderBreakers } from './circuit-breaker';
import { createLlmRouter, FirstTokenTimeoutError, ProviderSkippedError } from './router';
import {
  AllProvidersFailedError,
  StreamInterruptedError,
  type GenerateRequest,
  type LlmProvider,
} from './types';

const request = (signal = new AbortController().signal): GenerateRequest => ({
  system: '',
  messages: [{ role: 'user', content: 'q' }],
  hintLevel: 1,
  material: { question: 'q', programmingLevel: 3, mathsLevel: 3 },
  signal,
});

function fake(
  id: string,
  behaviour: (signal: AbortSignal) => AsyncGenerator<string>,
): LlmProvider & { calls: number } {
  const provider = {
    id,
    label: id,
    offline: false,
    calls: 0,
    stream(req: GenerateRequest) {
      provider.calls++;
      return behaviour(req.signal);
    },
  };
  return provider;
}

/** A provider stream that fails before its first token (or, with no error, yields nothing). */
function failing(error?: unknown): () => AsyncGenerator<string> {
  return async function* () {
    if (error !== undefined) throw error;
    yield* [];
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const retryable = Object.assign(new Error('fetch failed'), { code: 'ECONNREFUSED' });

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const pieces: string[] = [];
  for await (const piece of stream) pieces.push(piece);
  return pieces;
}

describe('LLM router', () => {
  it('labels itself after the first provider', () => {
    const router = createLlmRouter([fake('a', failing())], {
      timeoutMs: 100,
      maxRetries: 0,
    });
    expect(router).toMatchObject({ primaryLabel: 'a', offline: false });
  });

  it('retries a retryable failure with backoff, then moves on', async () => {
    const a = fake('a', failing(retryable));
    const b = fake('b', async function* () {
      yield 'ok';
    });
    const started = Date.now();
    expect(
      await collect(
        createLlmRouter([a, b], { timeoutMs: 100, maxRetries: 2, backoffMs: 20 }).stream(request()),
      ),
    ).toEqual(['ok']);
    expect(a.calls).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40); // 20 + 40 ms, with jitter ≥ 0.75×
  });

  it('tells the caller which provider answered after a failover', async () => {
    const a = fake('a', failing(retryable));
    const b = fake('b', async function* () {
      yield 'x';
      yield 'y';
    });
    const answered: string[] = [];
    const req = {
      ...request(),
      onProvider: (provider: { label: string }) => answered.push(provider.label),
    };
    await collect(createLlmRouter([a, b], { timeoutMs: 100, maxRetries: 0 }).stream(req));
    expect(answered).toEqual(['b']);
  });

  it('treats an answer with no text as a failure before the first token', async () => {
    const empty = fake('empty', failing());
    const b = fake('b', async function* () {
      yield 'ok';
    });
    expect(
      await collect(
        createLlmRouter([empty, b], { timeoutMs: 100, maxRetries: 0 }).stream(request()),
      ),
    ).toEqual(['ok']);
  });

  it('interrupts an answer that stalls after its first token, without failing over', async () => {
    const stalls = fake('stalls', async function* (signal) {
      yield 'part';
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
    });
    const b = fake('b', async function* () {
      yield 'never';
    });
    const pieces: string[] = [];
    const error = await (async () => {
      try {
        for await (const piece of createLlmRouter([stalls, b], {
          timeoutMs: 50,
          maxRetries: 1,
        }).stream(request()))
          pieces.push(piece);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(StreamInterruptedError);
    expect((error as StreamInterruptedError).cause).toBeInstanceOf(FirstTokenTimeoutError);
    expect(pieces).toEqual(['part']);
    expect(b.calls).toBe(0);
  });

  it('ends quietly when aborted during the backoff, without trying further providers', async () => {
    const controller = new AbortController();
    const a = fake('a', failing(retryable));
    const b = fake('b', async function* () {
      yield 'never';
    });
    setTimeout(() => controller.abort(), 30);
    const pieces = await collect(
      createLlmRouter([a, b], { timeoutMs: 100, maxRetries: 3, backoffMs: 1000 }).stream(
        request(controller.signal),
      ),
    );
    expect(pieces).toEqual([]);
    expect(b.calls).toBe(0);
  });

  it('passes an aborted signal to the provider when the student stops', async () => {
    const controller = new AbortController();
    let sawAbort = false;
    const slow = fake('slow', async function* (signal) {
      signal.addEventListener('abort', () => (sawAbort = true));
      for (let i = 0; i < 100; i++) {
        await wait(5);
        yield `t${i}`;
      }
    });
    const pieces: string[] = [];
    for await (const piece of createLlmRouter([slow], { timeoutMs: 100, maxRetries: 0 }).stream(
      request(controller.signal),
    )) {
      pieces.push(piece);
      if (pieces.length === 3) controller.abort();
    }
    expect(pieces).toHaveLength(3);
    expect(sawAbort).toBe(true);
  });

  it('collects every cause when all fail', async () => {
    const a = fake('a', failing(new Error('bad request')));
    const b = fake('b', failing(retryable));
    await expect(
      collect(
        createLlmRouter([a, b], { timeoutMs: 100, maxRetries: 1, backoffMs: 1 }).stream(request()),
      ),
    ).rejects.toSatisfy(
      (error) => error instanceof AllProvidersFailedError && error.causes.length === 3,
    );
    expect(a.calls).toBe(1); // not retryable
  });

  describe('with circuit breakers', () => {
    const settings = { failures: 2, cooldownMs: 1000, probeLeaseMs: 1000 };
    const silent = { info() {}, warn() {} };

    it('skips an open provider without a request or a wait, then probes it once', async () => {
      const clock = { now: 0 };
      const a = fake('a', failing(retryable));
      const b = fake('b', async function* () {
        yield 'ok';
      });
      const breakers = createProviderBreakers([a, b], {
        settings,
        log: silent,
        now: () => clock.now,
      });
      const router = createLlmRouter([a, b], {
        timeoutMs: 100,
        maxRetries: 2,
        backoffMs: 1,
        breakers,
      });
      await collect(router.stream(request()));
      await collect(router.stream(request()));
      expect(a.calls).toBe(6); // two turns of three tries: open now
      const started = Date.now();
      expect(await collect(router.stream(request()))).toEqual(['ok']);
      expect(Date.now() - started).toBeLessThan(50);
      expect(a.calls).toBe(6);
      clock.now += 1000;
      expect(await collect(router.stream(request()))).toEqual(['ok']);
      expect(a.calls).toBe(7); // the probe: one request, no retries
      expect(await router.complete({ system: '', prompt: 'q', timeoutMs: 100 })).toBe('ok');
      expect(a.calls).toBe(7); // complete() skips an open provider too
    });

    it('fails at once with the skipped provider as the cause when every provider is open', async () => {
      const a = fake('a', failing(retryable));
      const breakers = createProviderBreakers([a], { settings, log: silent });
      const router = createLlmRouter([a], { timeoutMs: 100, maxRetries: 0, breakers });
      for (let turn = 0; turn < 2; turn++) await collect(router.stream(request())).catch(() => {});
      await expect(collect(router.stream(request()))).rejects.toSatisfy(
        (error) =>
          error instanceof AllProvidersFailedError &&
          error.causes.length === 1 &&
          error.causes[0] instanceof ProviderSkippedError,
      );
      expect(a.calls).toBe(2);
    });

    it('does not count a refused request (4xx) as a failure of the provider', async () => {
      const a = fake('a', failing(new Error('bad request')));
      const b = fake('b', async function* () {
        yield 'ok';
      });
      const breakers = createProviderBreakers([a, b], { settings, log: silent });
      const router = createLlmRouter([a, b], { timeoutMs: 100, maxRetries: 0, breakers });
      for (let turn = 0; turn < 3; turn++) await collect(router.stream(request()));
      expect(a.calls).toBe(3);
      expect(await breakers.snapshots()).toContainEqual(
        expect.objectContaining({ providerId: 'a', state: 'closed', failures: 0 }),
      );
    });
  });
});
