import type { CheckResultIn, ExerciseProgressOut } from '@tutor/shared/exercise-progress';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, networkError } from '../api/api-error';
import { CHECK_POSTS_PER_SECOND, CheckResultSender, RETRY_DELAY_MS } from './check-result-sender';

function result(exerciseId: string, passed = false, message = '❌ Not yet: no'): CheckResultIn {
  return { exercise_id: exerciseId, passed, message };
}

function saved(input: CheckResultIn): ExerciseProgressOut {
  return {
    exercise_id: input.exercise_id,
    title: input.exercise_id,
    state: input.passed ? 'passed' : 'not_yet',
    last_passed: input.passed,
    last_message: input.message,
    runs: 1,
    first_run_at: null,
    last_run_at: null,
    passed_at: null,
    highest_hint_level: 0,
    tutor_answers: 0,
  };
}

/** A server whose answers the test gives one by one. */
function manualServer() {
  const calls: { input: CheckResultIn; resolve: () => void; reject: (error: unknown) => void }[] =
    [];
  const post = vi.fn(
    (input: CheckResultIn) =>
      new Promise<ExerciseProgressOut>((resolve, reject) => {
        calls.push({ input, resolve: () => resolve(saved(input)), reject });
      }),
  );
  return { post, calls };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('CheckResultSender', () => {
  it('posts a result at once and reports what the server saved', async () => {
    const onSaved = vi.fn();
    const sender = new CheckResultSender({ post: async (input) => saved(input), onSaved });
    sender.report(result('ex1', true, '✅ Passed: yes'));
    await vi.runAllTimersAsync();
    expect(onSaved).toHaveBeenCalledWith(
      expect.objectContaining({ exercise_id: 'ex1', state: 'passed' }),
    );
  });

  it('keeps one post per exercise in flight, and sends only the latest of the runs meanwhile', async () => {
    const { post, calls } = manualServer();
    const onSaved = vi.fn();
    const sender = new CheckResultSender({ post, onSaved });
    sender.report(result('ex1', false, '❌ Not yet: 1'));
    sender.report(result('ex1', false, '❌ Not yet: 2'));
    sender.report(result('ex1', true, '✅ Passed: 3'));
    expect(post).toHaveBeenCalledTimes(1);
    calls[0]!.resolve();
    await vi.runAllTimersAsync();
    expect(post).toHaveBeenCalledTimes(2);
    expect(post.mock.calls[1]![0]).toEqual(result('ex1', true, '✅ Passed: 3'));
    calls[1]!.resolve();
    await vi.runAllTimersAsync();
    expect(onSaved.mock.calls.map(([item]) => item.last_message)).toEqual([
      '❌ Not yet: 1',
      '✅ Passed: 3',
    ]);
  });

  it('stays under the server limit when Run All reports every check at once', async () => {
    const sentAt: number[] = [];
    const start = Date.now();
    const sender = new CheckResultSender({
      post: async (input) => {
        sentAt.push(Date.now() - start);
        return saved(input);
      },
      onSaved: vi.fn(),
    });
    for (let n = 1; n <= 20; n++) sender.report(result(`ex${n}`));
    expect(sentAt).toHaveLength(CHECK_POSTS_PER_SECOND);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sentAt).toHaveLength(20);
    // No second holds more than the limit.
    for (const time of sentAt) {
      const inWindow = sentAt.filter((other) => other >= time && other < time + 1_000);
      expect(inWindow.length).toBeLessThanOrEqual(CHECK_POSTS_PER_SECOND);
    }
    expect(sentAt.at(-1)).toBeGreaterThanOrEqual(2_000);
  });

  it('tries once more after a network error or a 429, then gives up quietly', async () => {
    const answers: (Error | null)[] = [
      networkError(),
      null,
      new ApiError(429, 'rate_limited', 'Slow down', [], 3),
      new ApiError(429, 'rate_limited', 'Slow down', [], 3),
    ];
    const post = vi.fn(async (input: CheckResultIn) => {
      const error = answers.shift();
      if (error) throw error;
      return saved(input);
    });
    const onSaved = vi.fn();
    const onFailed = vi.fn();
    const sender = new CheckResultSender({ post, onSaved, onFailed });

    sender.report(result('ex1'));
    await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS - 1);
    expect(post).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(post).toHaveBeenCalledTimes(2);
    expect(onSaved).toHaveBeenCalledTimes(1);

    // A 429 waits as long as its Retry-After says.
    sender.report(result('ex2'));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(post).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(post).toHaveBeenCalledTimes(4);
    await vi.runAllTimersAsync();
    expect(post).toHaveBeenCalledTimes(4);
    expect(onFailed).toHaveBeenCalledWith(result('ex2'), expect.any(ApiError));
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('does not retry what the server refused, nor a result a newer run replaced', async () => {
    const { post, calls } = manualServer();
    const onFailed = vi.fn();
    const sender = new CheckResultSender({ post, onSaved: vi.fn(), onFailed });
    sender.report(result('unknown'));
    calls[0]!.reject(new ApiError(422, 'validation_error', 'No such exercise'));
    await vi.runAllTimersAsync();
    expect(post).toHaveBeenCalledTimes(1);
    expect(onFailed).toHaveBeenCalledTimes(1);

    sender.report(result('ex1', false, 'old'));
    sender.report(result('ex1', true, 'new'));
    calls[1]!.reject(networkError());
    await vi.runAllTimersAsync();
    expect(post.mock.calls.map(([input]) => input.message)).toEqual([
      '❌ Not yet: no',
      'old',
      'new',
    ]);
    expect(onFailed).toHaveBeenCalledTimes(1);
  });

  it('drops what is still waiting when disposed', async () => {
    const post = vi.fn(async (input: CheckResultIn) => saved(input));
    const sender = new CheckResultSender({ post, onSaved: vi.fn(), perSecond: 1 });
    sender.report(result('ex1'));
    sender.report(result('ex2'));
    sender.dispose();
    sender.report(result('ex3'));
    await vi.runAllTimersAsync();
    expect(post.mock.calls.map(([input]) => input.exercise_id)).toEqual(['ex1']);
  });
});
