import type { ExerciseState } from '@tutor/shared/exercise-progress';
import type { NotebookBridgeEvents } from '@tutor/shared/notebook-bridge';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../api/client';
import { createQueryClient } from '../api/query-client';
import { AuthContext } from '../auth/auth-context';
import { fakeAuth } from '../test/auth-test-utils';
import { buildExercise, threeExercises } from './exercise-fixtures';
import type { NotebookBridge } from './notebook-bridge';
import { useExerciseProgress } from './use-exercise-progress';

const MODULE_ID = 'a3c1e7d2-5b4f-4e8a-9c1d-2f3e4a5b6c7d';
const USER = {
  id: 'ada',
  email: 'ada@example.com',
  username: 'ada',
  programming_level: 1,
  maths_level: 1,
  role: 'student' as const,
  created_at: '2025-01-01T00:00:00Z',
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** The notebook's end of the bridge: events the test sends, and the states it was told. */
class FakeBridge {
  readonly told: Record<string, ExerciseState>[] = [];
  private readonly handlers = new Set<(payload: NotebookBridgeEvents['check-result']) => void>();

  on(event: string, handler: (payload: NotebookBridgeEvents['check-result']) => void) {
    if (event === 'check-result') this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async setExerciseStates(states: Record<string, ExerciseState>): Promise<void> {
    this.told.push(states);
  }

  ranCheck(exerciseId: string, passed: boolean, message: string): void {
    for (const handler of this.handlers)
      handler({ index: 9, exercise_id: exerciseId, passed, message });
  }

  asBridge(): NotebookBridge {
    return this as unknown as NotebookBridge;
  }
}

/** GET the module's exercises; POST a check result answers the exercise as then saved. */
function stubApi(postAnswer?: () => Response) {
  const posts: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input), 'http://localhost').pathname;
      if (path === `/api/progress/${MODULE_ID}/exercises`) return json(threeExercises());
      if (path === `/api/progress/${MODULE_ID}/check-results` && init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as { passed: boolean; message: string };
        posts.push(body);
        if (postAnswer) return postAnswer();
        return json(
          buildExercise({
            exercise_id: 'm1-ex2-indexing-slicing',
            title: 'Exercise 2 · Indexing and slicing',
            state: body.passed ? 'passed' : 'not_yet',
            last_passed: body.passed,
            last_message: body.message,
            runs: 2,
          }),
        );
      }
      return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    }),
  );
  return posts;
}

function render(initialBridge: FakeBridge | null, queryClient: QueryClient = createQueryClient()) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <AuthContext value={fakeAuth({ status: 'signedIn', user: USER })}>{children}</AuthContext>
    </QueryClientProvider>
  );
  return renderHook(
    ({ bridge }: { bridge: FakeBridge | null }) =>
      useExerciseProgress(MODULE_ID, bridge?.asBridge() ?? null),
    { wrapper, initialProps: { bridge: initialBridge } },
  );
}

beforeEach(() => {
  apiClient.setAccessToken('not.a.jwt');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useExerciseProgress', () => {
  it('loads the states and tells the notebook once it is open, and again when it reloads', async () => {
    stubApi();
    const { result, rerender } = render(null);
    await waitFor(() => expect(result.current?.passed).toBe(1));
    const bridge = new FakeBridge();
    rerender({ bridge });
    await waitFor(() => expect(bridge.told).toHaveLength(1));
    expect(bridge.told[0]).toEqual({
      'm1-ex1-create-arrays': 'passed',
      'm1-ex2-indexing-slicing': 'not_yet',
      'm1-ex3-views-pitfall': 'not_tried',
    });
    const reloaded = new FakeBridge();
    rerender({ bridge: reloaded });
    await waitFor(() => expect(reloaded.told).toHaveLength(1));
  });

  it('posts a check result, keeps what the server saved, and shows it in the notebook', async () => {
    const posts = stubApi();
    const queryClient = createQueryClient();
    queryClient.setQueryData(['modules', USER.id], []);
    const bridge = new FakeBridge();
    const { result } = render(bridge, queryClient);
    await waitFor(() => expect(bridge.told).toHaveLength(1));

    act(() => bridge.ranCheck('m1-ex2-indexing-slicing', true, '✅ Passed: corners are right'));
    await waitFor(() => expect(result.current?.passed).toBe(2));
    expect(posts).toEqual([
      {
        exercise_id: 'm1-ex2-indexing-slicing',
        passed: true,
        message: '✅ Passed: corners are right',
      },
    ]);
    expect(result.current?.exercises[1]).toMatchObject({
      state: 'passed',
      last_message: '✅ Passed: corners are right',
    });
    await waitFor(() => expect(bridge.told).toHaveLength(2));
    expect(bridge.told[1]?.['m1-ex2-indexing-slicing']).toBe('passed');
    // The module list's counts are read again when it is next shown.
    expect(queryClient.getQueryState(['modules', USER.id])?.isInvalidated).toBe(true);
  });

  it('leaves the states as they were when the server refuses a result, and only logs it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const posts = stubApi(() =>
      json({ error: { code: 'validation_error', message: 'Unknown exercise' } }, 422),
    );
    const bridge = new FakeBridge();
    const { result } = render(bridge);
    await waitFor(() => expect(bridge.told).toHaveLength(1));
    act(() => bridge.ranCheck('m9-not-here', true, '✅ Passed: ok'));
    await waitFor(() => expect(warn).toHaveBeenCalledOnce());
    expect(posts).toHaveLength(1);
    expect(result.current?.passed).toBe(1);
    expect(bridge.told).toHaveLength(1);
  });
});
