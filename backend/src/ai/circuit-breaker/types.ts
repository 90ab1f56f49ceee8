// The circuit breaker's contract: what the router asks of a provider's breaker, and where the
// breaker keeps its state (in this process, or in Redis shared by every instance).

export interface BreakerLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface BreakerSettings {
  /** Consecutive failed turns (retryable failures only) that open the breaker. */
  failures: number;
  /** How long an open breaker skips its provider before one probe request may try it. */
  cooldownMs: number;
  /** Longest a probe holds its lease: past it another instance may probe (the prober died). */
  probeLeaseMs: number;
}

export type BreakerStateName = 'closed' | 'open' | 'half_open';

export interface BreakerSnapshot {
  providerId: string;
  state: BreakerStateName;
  failures: number;
  /** Epoch ms at which an open breaker lets a probe through, or null when closed. */
  openUntil: number | null;
}

/**
 * Permission for one turn's request(s) to a provider. Settle it once: `answered` when the provider
 * sent a token or answered the request itself (a 4xx), `failed` after its last retryable failure
 * of the turn, `abandoned` when the turn ended without a verdict (the student stopped).
 */
export interface BreakerPass {
  /** The half-open trial: exactly one request, no retries. */
  readonly probe: boolean;
  answered(): Promise<void>;
  failed(): Promise<void>;
  abandoned(): Promise<void>;
  /** False once the breaker has opened meanwhile (another turn, another instance): stop retrying. */
  stillClosed(): Promise<boolean>;
}

export interface ProviderBreaker {
  readonly providerId: string;
  /** A pass for this turn, or null when the provider is to be skipped (open, or another probes). */
  admit(): Promise<BreakerPass | null>;
  snapshot(): Promise<BreakerSnapshot>;
}

/** Every online provider's breaker, by provider id (the offline tutor has none). */
export interface ProviderBreakers {
  forProvider(providerId: string): ProviderBreaker | undefined;
  snapshots(): Promise<BreakerSnapshot[]>;
}

export interface BreakerRecord {
  failures: number;
  openUntil: number | null;
}

/**
 * Where a breaker's state lives. Each method is one atomic step, so instances sharing a store never
 * lose a failure or grant two probes. Times are epoch ms; TTLs make forgotten state expire.
 */
export interface BreakerStore {
  read(providerId: string): Promise<BreakerRecord>;
  /** Counts one more consecutive failure; the count is forgotten `ttlMs` after the last one. */
  addFailure(providerId: string, ttlMs: number): Promise<number>;
  clearFailures(providerId: string): Promise<void>;
  /**
   * Opens until `openUntil` (kept `ttlMs`). Without `replace`, only if not open already: true when
   * this call opened it, so exactly one instance logs the change.
   */
  open(providerId: string, openUntil: number, ttlMs: number, replace: boolean): Promise<boolean>;
  /** Closed again: failures and the open time cleared. */
  close(providerId: string): Promise<void>;
  /** Takes the probe lease for `owner` if nobody holds it (SET NX PX). */
  acquireProbe(providerId: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease back, only if `owner` still holds it. */
  releaseProbe(providerId: string, owner: string): Promise<void>;
}
