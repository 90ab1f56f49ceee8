import { setTimeout as sleep } from 'node:timers/promises';
import { APICallError } from 'ai';
import {
  AllProvidersFailedError,
  StreamInterruptedError,
  type GenerateRequest,
  type LlmProvider,
  type LlmRouter,
} from './types';

export interface RouterOptions {
  /** Longest wait for the first token of an attempt (and between later tokens). */
  timeoutMs: number;
  /** Retries per provider after its first failure, before moving to the next provider. */
  maxRetries: number;
  /** First backoff delay; doubled each retry, with jitter, capped at 8×. */
  backoffMs?: number;
  log?: { warn(object: object, message: string): void };
}

export class FirstTokenTimeoutError extends Error {
  constructor(
    readonly providerId: string,
    readonly timeoutMs: number,
  ) {
    super(`${providerId} sent nothing within ${timeoutMs} ms`);
    this.name = 'FirstTokenTimeoutError';
  }
}

export class EmptyAnswerError extends Error {
  constructor(readonly providerId: string) {
    super(`${providerId} finished without any text`);
    this.name = 'EmptyAnswerError';
  }
}

/** 429, 5xx, 408/409, refused or reset connections and timeouts are worth another try. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof FirstTokenTimeoutError || error instanceof EmptyAnswerError) return true;
  if (APICallError.isInstance(error)) return error.isRetryable;
  if (error instanceof Error) {
    const text = `${error.name} ${error.message} ${String((error as { code?: unknown }).code ?? '')}`;
    return /fetch failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|socket hang up|terminated|network/i.test(
      text,
    );
  }
  return false;
}

type Outcome =
  | { kind: 'piece'; value: string }
  | { kind: 'end' }
  | { kind: 'timeout' }
  | { kind: 'error'; error: unknown };

/**
 * Providers in order, each retried with backoff on retryable failures before its first token, then
 * the next one. Once a token has been delivered the answer belongs to that provider: a later
 * failure throws StreamInterruptedError and nothing else is tried. An aborted request ends quietly.
 */
export function createLlmRouter(providers: LlmProvider[], options: RouterOptions): LlmRouter {
  if (providers.length === 0) throw new Error('createLlmRouter needs at least one provider');
  const first = providers[0] as LlmProvider;
  const backoffMs = options.backoffMs ?? 250;

  async function* streamFrom(
    provider: LlmProvider,
    request: GenerateRequest,
  ): AsyncGenerator<string, void, undefined> {
    const attempt = new AbortController();
    const onAbort = () => attempt.abort(request.signal.reason);
    request.signal.addEventListener('abort', onAbort, { once: true });
    const iterator = provider
      .stream({ ...request, signal: attempt.signal })
      [Symbol.asyncIterator]();
    let delivered = 0;
    try {
      for (;;) {
        const outcome = await nextWithTimeout(iterator, options.timeoutMs, attempt.signal);
        if (outcome.kind === 'piece') {
          delivered++;
          yield outcome.value;
          continue;
        }
        if (outcome.kind === 'end') {
          if (delivered === 0 && !request.signal.aborted) throw new EmptyAnswerError(provider.id);
          return;
        }
        if (request.signal.aborted) return;
        const error =
          outcome.kind === 'timeout'
            ? new FirstTokenTimeoutError(provider.id, options.timeoutMs)
            : outcome.error;
        if (delivered > 0) throw new StreamInterruptedError(provider.id, error);
        throw error;
      }
    } finally {
      request.signal.removeEventListener('abort', onAbort);
      if (!attempt.signal.aborted) attempt.abort();
      // Let the provider release its connection; never wait on a provider that hangs.
      void iterator.return?.().catch(() => {});
    }
  }

  return {
    primaryLabel: first.label,
    offline: first.offline,
    async *stream(request) {
      const causes: unknown[] = [];
      for (const provider of providers) {
        for (let attempt = 0; attempt <= options.maxRetries; attempt++) {
          if (request.signal.aborted) return;
          let started = false;
          try {
            for await (const piece of streamFrom(provider, request)) {
              if (!started) {
                started = true;
                request.onProvider?.({
                  id: provider.id,
                  label: provider.label,
                  offline: provider.offline,
                });
              }
              yield piece;
            }
            return;
          } catch (error) {
            if (started || error instanceof StreamInterruptedError) throw error;
            if (request.signal.aborted) return;
            causes.push(error);
            const retry = isRetryable(error) && attempt < options.maxRetries;
            options.log?.warn(
              { provider: provider.id, attempt: attempt + 1, retry, err: describe(error) },
              'LLM provider failed before its first token',
            );
            if (!retry) break;
            const delay =
              Math.min(backoffMs * 2 ** attempt, backoffMs * 8) * (0.75 + Math.random() * 0.5);
            try {
              await sleep(delay, undefined, { signal: request.signal });
            } catch {
              return; // aborted while waiting
            }
          }
        }
      }
      throw new AllProvidersFailedError(causes);
    },
    async complete({ system, prompt, timeoutMs, signal }) {
      const deadline = AbortSignal.timeout(timeoutMs);
      const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
      for (const provider of providers) {
        if (provider.offline) continue;
        if (combined.aborted) return null;
        try {
          let text = '';
          const request: GenerateRequest = {
            system,
            messages: [{ role: 'user', content: prompt }],
            hintLevel: 1,
            material: { question: prompt, programmingLevel: 3, mathsLevel: 3 },
            signal: combined,
          };
          for await (const piece of streamFrom(provider, request)) text += piece;
          if (combined.aborted) return null;
          if (text.trim() !== '') return text.trim();
        } catch (error) {
          options.log?.warn(
            { provider: provider.id, err: describe(error) },
            'LLM completion failed',
          );
        }
      }
      return null;
    },
  };
}

async function nextWithTimeout(
  iterator: AsyncIterator<string>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
  });
  const aborted = new Promise<Outcome>((resolve) => {
    onAbort = () => resolve({ kind: 'error', error: signal.reason });
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  const next = iterator.next().then(
    (result): Outcome => (result.done ? { kind: 'end' } : { kind: 'piece', value: result.value }),
    (error: unknown): Outcome => ({ kind: 'error', error }),
  );
  try {
    return await Promise.race([next, timeout, aborted]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

function describe(error: unknown): string {
  if (APICallError.isInstance(error)) return `${error.statusCode ?? 'no status'} ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
