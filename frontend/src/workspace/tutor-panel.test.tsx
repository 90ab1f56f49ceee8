import { QueryClientProvider } from '@tanstack/react-query';
import type { EffectivePolicyOut } from '@tutor/shared/courses';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../api/client';
import { createQueryClient } from '../api/query-client';
import { asWebSocket, FakeSocket } from '../conversation/fake-socket';
import { threeExercises } from './exercise-fixtures';
import type { ModuleExercisesOut } from './exercise-states';
import { TutorPanel } from './tutor-panel';

const MODULE = 'a3c1e7d2-5b4f-4e8a-9c1d-2f3e4a5b6c7d';
const LATEST = '0b6c3f9e-2a4f-4c47-9a52-5d6f1c0b7e21';
const MESSAGE = '8f1d4f0c-1b9e-4f57-a1f2-6b3e9c1d2e3f';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

const session = {
  id: LATEST,
  preview: 'What is a divided difference?',
  title: 'What is a divided difference?',
  created_at: '2026-01-01T10:00:00Z',
  session_type: 'tutor',
  module_id: MODULE,
};

const message = {
  id: MESSAGE,
  role: 'user',
  content: 'What is a divided difference?',
  hint_level_used: null,
  problem_difficulty: null,
  maths_difficulty: null,
  status: 'complete',
  tutor_label: null,
  created_at: '2026-01-01T10:00:00Z',
};

/** Plays the sessions API: the module's tutor sessions and the latest one's messages. */
function stubApi(sessions: unknown[]) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/chat/sessions') {
      expect(url.searchParams.get('type')).toBe('tutor');
      expect(url.searchParams.get('module_id')).toBe(MODULE);
      return json(sessions);
    }
    if (url.pathname === `/api/chat/sessions/${LATEST}/messages`) return json([message]);
    return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderPanel(
  exercises: ModuleExercisesOut | null = null,
  policy: EffectivePolicyOut | null = null,
) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <TutorPanel
        moduleId={MODULE}
        moduleTitle="Interpolation"
        bridge={null}
        exercises={exercises}
        policy={policy}
      />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  FakeSocket.reset();
  vi.stubGlobal('WebSocket', asWebSocket);
  apiClient.setAccessToken('not.a.jwt');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TutorPanel', () => {
  it("shows the module's latest tutor conversation, continues it, and New conversation leaves it", async () => {
    stubApi([session]);
    renderPanel();
    expect(await screen.findByText('What is a divided difference?')).toBeInTheDocument();
    await waitFor(() => expect(FakeSocket.instances.length).toBeGreaterThan(0));
    const ws = FakeSocket.latest();
    expect(ws.url).toContain(`/ws/tutor?module_id=${MODULE}`);
    act(() => ws.open());
    const ui = userEvent.setup();
    await ui.type(screen.getByPlaceholderText('Ask about the selected cell…'), 'And then?{Enter}');
    expect(ws.sent).toEqual([{ content: 'And then?', session_id: LATEST }]);

    act(() => ws.receive({ type: 'error', code: 'internal', message: 'Try again' }));
    await ui.click(screen.getByRole('button', { name: 'New conversation' }));
    expect(await screen.findByText('Stuck on Interpolation?')).toBeInTheDocument();
    await ui.type(screen.getByPlaceholderText('Ask about the selected cell…'), 'Hello{Enter}');
    expect(ws.sent.at(-1)).toEqual({ content: 'Hello', new_session: true });
  });

  it('starts empty when the module has no tutor conversation yet', async () => {
    const fetchMock = stubApi([]);
    renderPanel();
    expect(await screen.findByText('Stuck on Interpolation?')).toBeInTheDocument();
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
  });

  it("shows the module's exercises and how many passed, checked in the browser", async () => {
    stubApi([]);
    renderPanel(threeExercises());
    const summary = await screen.findByText(/Exercises: 1 of 3 exercises passed/);
    expect(summary.closest('summary')).toHaveTextContent('checked in your browser');
    expect(screen.getAllByRole('listitem', { hidden: true })).toHaveLength(3);
  });

  it('asks the student to try their code when the tutor waits for an attempt', async () => {
    stubApi([]);
    renderPanel();
    await waitFor(() => expect(FakeSocket.instances.length).toBeGreaterThan(0));
    const ws = FakeSocket.latest();
    act(() => ws.open());
    const ui = userEvent.setup();
    await ui.type(screen.getByPlaceholderText('Ask about the selected cell…'), 'More?{Enter}');
    act(() => {
      ws.receive({
        type: 'session',
        session_id: LATEST,
        session_type: 'tutor',
        module_id: MODULE,
        continued: true,
        tutor_label: 'Offline tutor',
        offline: true,
        hint_level: 3,
      });
      ws.receive({ type: 'token', content: 'What does your code print now?' });
      ws.receive({
        type: 'done',
        hint_level: 3,
        programming_difficulty: 2,
        maths_difficulty: 2,
        message_id: MESSAGE,
        status: 'complete',
        needs_attempt: true,
      });
    });
    expect(await screen.findByText('Try your code, then ask for the next hint')).toBeVisible();
    expect(screen.getByTestId('hint-level')).toHaveTextContent('Hint 3 of 5');
  });

  it("shows the class's policy beside the tutor, and turns the input off with the reason when the tutor is off", async () => {
    stubApi([]);
    const policy = {
      max_hint_level: 4,
      tutor_enabled: true,
      tutor_off_until: null,
      chat_enabled: true,
      classes: ['Numerics 101'],
      notice: 'Your class allows hints up to level 4',
    };
    const { rerender } = renderPanel(null, policy);
    await waitFor(() => expect(FakeSocket.instances.length).toBeGreaterThan(0));
    act(() => FakeSocket.latest().open());
    expect(screen.getByTestId('policy-notice')).toHaveTextContent(
      'Your class allows hints up to level 4',
    );
    const ui = userEvent.setup();
    await ui.type(screen.getByPlaceholderText('Ask about the selected cell…'), 'Hi');
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();

    const off = 'Your class has turned the tutor off until 14:00 (exam)';
    rerender(
      <QueryClientProvider client={createQueryClient()}>
        <TutorPanel
          moduleId={MODULE}
          moduleTitle="Interpolation"
          bridge={null}
          policy={{ ...policy, tutor_enabled: false, notice: off }}
        />
      </QueryClientProvider>,
    );
    expect(screen.getByTestId('policy-notice')).toHaveTextContent(off);
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Send' })).toHaveAttribute('title', off);
  });
});
