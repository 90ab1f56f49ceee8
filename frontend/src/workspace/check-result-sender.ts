import {
  CHECK_RESULTS_PER_SECOND,
  type CheckResultIn,
  type ExerciseProgressOut,
} from '@tutor/shared/exercise-progress';
import { ApiError } from '../api/api-error';

/** Posts per second this page allows itself: under the server's limit, with room for another tab. */
export const CHECK_POSTS_PER_SECOND = CHECK_RESULTS_PER_SECOND - 2;
const WINDOW_MS = 1_000;
/** Wait before the one retry of a post the server did not answer (or answered with a 5xx). */
export const RETRY_DELAY_MS = 2_000;

export interface CheckResultSenderOptions {
  post: (result: CheckResultIn) => Promise<ExerciseProgressOut>;
  /** The exercise's state as the server recorded it. */
  onSaved: (item: ExerciseProgressOut) => void;
  /** A result that could not be recorded (after its one retry); nothing to show the student. */
  onFailed?: (result: CheckResultIn, error: unknown) => void;
  perSecond?: number;
}

interface Queued {
  result: CheckResultIn;
  retried: boolean;
  /** Not sent before this time (a retry waits). */
  notBefore: number;
}

/** How long to wait before retrying after `error`; null when a retry cannot help (a 4xx). */
function retryDelayMs(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 429) return Math.max(1, error.retryAfterSeconds ?? 1) * 1_000;
  if (error.status === 0 || error.status >= 500) return RETRY_DELAY_MS;
  return null;
}

/**
 * Sends the notebook's check results to the server without exceeding its rate limit: at most one
 * post per exercise in flight, the latest run of an exercise replaces one still waiting (Run All
 * runs every check in a burst), and at most `perSecond` posts in any second. A post that failed for
 * lack of an answer (network, 5xx, 429) is tried once more.
 */
export class CheckResultSender {
  private readonly queued = new Map<string, Queued>();
  private readonly inFlight = new Set<string>();
  private sentAt: number[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly perSecond: number;

  constructor(private readonly options: CheckResultSenderOptions) {
    this.perSecond = options.perSecond ?? CHECK_POSTS_PER_SECOND;
  }

  report(result: CheckResultIn): void {
    if (this.disposed) return;
    this.queued.delete(result.exercise_id);
    this.queued.set(result.exercise_id, { result, retried: false, notBefore: 0 });
    this.pump();
  }

  /** Stops: results still waiting are dropped; posts in flight still report what they saved. */
  dispose(): void {
    this.disposed = true;
    this.queued.clear();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Sends what may go now, and wakes up when the next one may. */
  private pump(): void {
    if (this.disposed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    let wakeAt = Infinity;
    for (const [exerciseId, entry] of this.queued) {
      // The exercise's post in flight pumps again when it returns.
      if (this.inFlight.has(exerciseId)) continue;
      const now = Date.now();
      const readyAt = Math.max(entry.notBefore, this.nextSlot(now));
      if (readyAt > now) {
        wakeAt = Math.min(wakeAt, readyAt);
        continue;
      }
      this.queued.delete(exerciseId);
      void this.send(entry);
    }
    if (wakeAt !== Infinity) {
      this.timer = setTimeout(() => this.pump(), Math.max(0, wakeAt - Date.now()));
    }
  }

  /** When the next post may go: now, or when the oldest post of the last second leaves it. */
  private nextSlot(now: number): number {
    this.sentAt = this.sentAt.filter((time) => now - time < WINDOW_MS);
    if (this.sentAt.length < this.perSecond) return now;
    return this.sentAt[0]! + WINDOW_MS;
  }

  private async send(entry: Queued): Promise<void> {
    const exerciseId = entry.result.exercise_id;
    this.inFlight.add(exerciseId);
    this.sentAt.push(Date.now());
    try {
      this.options.onSaved(await this.options.post(entry.result));
    } catch (error) {
      this.handleFailure(entry, error);
    } finally {
      this.inFlight.delete(exerciseId);
      this.pump();
    }
  }

  private handleFailure(entry: Queued, error: unknown): void {
    const exerciseId = entry.result.exercise_id;
    // A newer run of the exercise is waiting: it says more than this one would.
    if (this.queued.has(exerciseId)) return;
    const delay = retryDelayMs(error);
    if (entry.retried || delay === null || this.disposed) {
      this.options.onFailed?.(entry.result, error);
      return;
    }
    this.queued.set(exerciseId, { ...entry, retried: true, notBefore: Date.now() + delay });
  }
}
