import { setTimeout as sleep } from 'node:timers/promises';
import { APICallError } from 'ai';
import {
  AllProvidersFailedError,
  StreamInterruptedError,
  type GenerateRequest,
  type LlmProvider,
  type LlmRouter,
} from './types';
import type { BreakerPass, ProviderBreakers } from './circuit-breaker';

export interface RouterOptions {
  /** Longest wait for the first token of an attempt (and between later tokens). */
  timeoutMs: number;
  /** Retries per provider after its first failure, before moving to the next provider. */
  maxRetries: number;
  /** First backoff delay; doubled each retry, with jitter, capped at 8×. */
  backoffMs?: number;
  /** Skip a provider whose breaker is open; none: every provider is always tried. */
  breakers?: ProviderBreakers;
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

/** A provider skipped because its circuit breaker is open (no request was sent). */
export class ProviderSkippedError extends Error {
  constructor(readonly providerId: string) {
    super(`${providerId} skipped: its circuit breaker is open`);
    this.name = 'ProviderSkippedError';
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

const DEFAULT_BACKOFF_MS = 250;

/**
 * Providers in order, each retried with backoff on retryable failures before its first token, then
 * the next one. Once a token has been delivered the answer belongs to that provider: a later
 * failure throws StreamInterruptedError and nothing else is tried. An aborted request ends quietly.
 */
export function createLlmRouter(providers: LlmProvider[], options: RouterOptions): LlmRouter {
  if (providers.length === 0) throw new Error('createLlmRouter needs at least one provider');
  const first = providers[0] as LlmProvider;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;

  return {
    primaryLabel: first.label,
    offline: first.offline,
    stream(request) {
      return streamWithFallback(providers, request, options, backoffMs);
    },
    complete(request) {
      return completeWithProviders(providers, request, options);
    },
  };
}

/**
 * One attempt on one provider: its pieces, each within the timeout. Throws EmptyAnswerError when it
 * ends without text, and StreamInterruptedError when it fails after the first piece.
 */
async function* streamFrom(
  provider: LlmProvider,
  request: GenerateRequest,
  timeoutMs: number,
): AsyncGenerator<string, void, undefined> {
  const attempt = new AbortController();
  const onAbort = () => attempt.abort(request.signal.reason);
  request.signal.addEventListener('abort', onAbort, { once: true });
  const iterator = provider.stream({ ...request, signal: attempt.signal })[Symbol.asyncIterator]();
  let delivered = 0;
  try {
    for (;;) {
      const outcome = await nextWithTimeout(iterator, timeoutMs, attempt.signal);
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
          ? new FirstTokenTimeoutError(provider.id, timeoutMs)
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

/** The router's `stream`: providers in order, with retries, until one delivers a token. */
async function* streamWithFallback(
  providers: LlmProvider[],
  request: GenerateRequest,
  options: RouterOptions,
  backoffMs: number,
): AsyncGenerator<string, void, undefined> {
  const causes: unknown[] = [];
  for (const provider of providers) {
    if (request.signal.aborted) return;
    const pass = await admit(provider, options.breakers);
    if (pass === null) {
      // Open breaker: skipped at once, no request, no wait.
      causes.push(new ProviderSkippedError(provider.id));
      continue;
    }
    const policy: RetryPolicy = {
      maxRetries: pass.probe ? 0 : options.maxRetries,
      backoffMs,
      log: options.log,
    };
    const outcome = yield* attemptsOn(provider, request, options.timeoutMs, pass, policy, causes);
    if (outcome !== 'next-provider') return;
  }
  throw new AllProvidersFailedError(causes);
}

/**
 * One provider's attempts in a turn (a half-open probe gets one). Tells the breaker the verdict:
 * answered at the first token (or on a refusal of the request itself, a 4xx: the provider is up),
 * failed when it gives up on retryable failures, abandoned when the student stops.
 */
async function* attemptsOn(
  provider: LlmProvider,
  request: GenerateRequest,
  timeoutMs: number,
  pass: BreakerPass,
  policy: RetryPolicy,
  causes: unknown[],
): AsyncGenerator<string, 'answered' | 'next-provider' | 'aborted', undefined> {
  for (let attempt = 0; ; attempt++) {
    let started = false;
    try {
      for await (const piece of streamFrom(provider, request, timeoutMs)) {
        if (!started) {
          started = true;
          await pass.answered();
          request.onProvider?.({
            id: provider.id,
            label: provider.label,
            offline: provider.offline,
          });
        }
        yield piece;
      }
      if (started) return 'answered';
      await pass.abandoned(); // ended quietly without a token: the student stopped
      return 'aborted';
    } catch (error) {
      if (started || error instanceof StreamInterruptedError) throw error;
      if (request.signal.aborted) {
        await pass.abandoned();
        return 'aborted';
      }
      causes.push(error);
      const next = await afterFailedAttempt(error, provider, attempt, request.signal, pass, policy);
      if (next !== 'retry') return next;
    }
  }
}

interface RetryPolicy {
  maxRetries: number;
  backoffMs: number;
  log: RouterOptions['log'];
}

/** Every turn may try a provider without a breaker. */
const ALWAYS: BreakerPass = {
  probe: false,
  answered: async () => {},
  failed: async () => {},
  abandoned: async () => {},
  stillClosed: async () => true,
};

function admit(provider: LlmProvider, breakers: ProviderBreakers | undefined) {
  const breaker = breakers?.forProvider(provider.id);
  return breaker ? breaker.admit() : Promise.resolve(ALWAYS);
}

/**
 * After a failure before the first token: logs it and, if another try of the same provider is
 * worth it (retryable, retries left, its breaker still closed), waits out the backoff first.
 */
async function afterFailedAttempt(
  error: unknown,
  provider: LlmProvider,
  attempt: number,
  signal: AbortSignal,
  pass: BreakerPass,
  policy: RetryPolicy,
): Promise<'retry' | 'next-provider' | 'aborted'> {
  const retryable = isRetryable(error);
  const retry = retryable && attempt < policy.maxRetries && (await pass.stillClosed());
  policy.log?.warn(
    { provider: provider.id, attempt: attempt + 1, retry, err: describe(error) },
    'LLM provider failed before its first token',
  );
  if (!retry) {
    await (retryable ? pass.failed() : pass.answered());
    return 'next-provider';
  }
  try {
    await sleep(backoffDelay(policy.backoffMs, attempt), undefined, { signal });
  } catch {
    await pass.abandoned();
    return 'aborted'; // aborted while waiting
  }
  return 'retry';
}

/** Doubles per attempt, capped at 8×, with ±25 % jitter. */
function backoffDelay(backoffMs: number, attempt: number): number {
  return Math.min(backoffMs * 2 ** attempt, backoffMs * 8) * (0.75 + Math.random() * 0.5);
}

/** The router's `complete`: the first online provider that answers with text in time. */
async function completeWithProviders(
  providers: LlmProvider[],
  { system, prompt, timeoutMs, signal }: Parameters<LlmRouter['complete']>[0],
  options: RouterOptions,
): Promise<string | null> {
  const deadline = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const request: GenerateRequest = {
    system,
    messages: [{ role: 'user', content: prompt }],
    hintLevel: 1,
    material: { question: prompt, programmingLevel: 3, mathsLevel: 3 },
    signal: combined,
  };
  for (const provider of providers) {
    if (provider.offline) continue;
    if (combined.aborted) return null;
    const pass = await admit(provider, options.breakers);
    if (pass === null) continue;
    try {
      let text = '';
      for await (const piece of streamFrom(provider, request, options.timeoutMs)) text += piece;
      if (combined.aborted) {
        await pass.abandoned();
        return null;
      }
      await pass.answered();
      if (text.trim() !== '') return text.trim();
    } catch (error) {
      await (isRetryable(error) ? pass.failed() : pass.answered());
      options.log?.warn({ provider: provider.id, err: describe(error) }, 'LLM completion failed');
    }
  }
  return null;
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
