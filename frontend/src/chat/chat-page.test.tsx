import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../api/client';
import { asWebSocket, FakeSocket } from '../conversation/fake-socket';
import { fakeAuth, renderRoutes } from '../test/auth-test-utils';
import { ChatPage } from './chat-page';

const OLD = '0b6c3f9e-2a4f-4c47-9a52-5d6f1c0b7e21';
const NEW = '5d7d0c51-9c38-4a8f-8d0b-3c1f3f6a7a10';
const MESSAGE = '8f1d4f0c-1b9e-4f57-a1f2-6b3e9c1d2e3f';

interface Server {
  sessions: {
    id: string;
    preview: string;
    title: string | null;
    created_at: string;
    session_type: 'general';
    module_id: null;
  }[];
  deleted: string[];
}

function json(body: unknown, status = 200): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** Plays the chat REST API in memory. */
function stubApi(server: Server) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    if (url.pathname === '/api/chat/sessions' && method === 'GET') {
      expect(url.searchParams.get('type')).toBe('general');
      return json(server.sessions);
    }
    const match = /^\/api\/chat\/sessions\/([^/]+)(\/messages)?$/.exec(url.pathname);
    if (match && method === 'DELETE') {
      server.deleted.push(match[1]!);
      server.sessions = server.sessions.filter((session) => session.id !== match[1]);
      return new Response(null, { status: 204 });
    }
    if (match?.[2] && method === 'GET') {
      if (match[1] !== OLD)
        return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
      return json([
        {
          id: MESSAGE,
          role: 'user',
          content: 'What is a pivot?',
          hint_level_used: null,
          problem_difficulty: null,
          maths_difficulty: null,
          status: 'complete',
          tutor_label: null,
          created_at: '2026-01-01T10:00:00Z',
        },
        {
          id: NEW,
          role: 'assistant',
          content: 'What happens if it is $0$?',
          hint_level_used: 2,
          problem_difficulty: 2,
          maths_difficulty: 2,
          status: 'complete',
          tutor_label: 'Offline tutor',
          created_at: '2026-01-01T10:00:01Z',
        },
      ]);
    }
    return json(
      { error: { code: 'not_found', message: `unexpected ${method} ${url.pathname}` } },
      404,
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const routes = [{ path: '/chat/:sessionId?', element: <ChatPage /> }];
const user = {
  id: 'u1',
  email: 'ada@example.com',
  username: 'Ada',
  programming_level: 2,
  maths_level: 3,
  role: 'student' as const,
  created_at: '2026-01-01T00:00:00Z',
};

async function connect() {
  await waitFor(() => expect(FakeSocket.instances.length).toBeGreaterThan(0));
  act(() => FakeSocket.latest().open());
  return FakeSocket.latest();
}

let server: Server;

beforeEach(() => {
  FakeSocket.reset();
  vi.stubGlobal('WebSocket', asWebSocket);
  apiClient.setAccessToken('not.a.jwt');
  server = {
    sessions: [
      {
        id: OLD,
        // The student said hello first: the list names the session after the question.
        preview: 'hi!',
        title: 'What is a pivot?',
        created_at: '2026-01-01T10:00:00Z',
        session_type: 'general',
        module_id: null,
      },
    ],
    deleted: [],
  };
  stubApi(server);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ChatPage', () => {
  it('welcomes the student by name and sends an example prompt; the new session goes in the URL', async () => {
    const ui = userEvent.setup();
    const { router } = renderRoutes(routes, '/chat', fakeAuth({ status: 'signedIn', user }));
    expect(
      await screen.findByRole('heading', { name: 'Hi Ada, what are you working on?' }),
    ).toBeInTheDocument();
    const ws = await connect();
    expect(ws.token).toBe('not.a.jwt');
    await ui.click(screen.getByRole('button', { name: /determinant of a 3x3 matrix/ }));
    expect(ws.sent).toEqual([
      { content: 'How do I compute the determinant of a 3x3 matrix with numpy?' },
    ]);

    act(() =>
      ws.receive({
        type: 'session',
        session_id: NEW,
        session_type: 'general',
        module_id: null,
        continued: false,
        tutor_label: 'Offline tutor',
        offline: true,
        hint_level: null,
      }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe(`/chat/${NEW}`));
    act(() => {
      ws.receive({ type: 'token', content: 'Think about $\\det A$.' });
      ws.receive({
        type: 'done',
        hint_level: 1,
        programming_difficulty: 2,
        maths_difficulty: 2,
        message_id: MESSAGE,
        status: 'complete',
      });
    });
    expect(await screen.findByText('Hint 1 of 5')).toBeInTheDocument();
    // The session the socket created is not reloaded over the live conversation.
    expect(screen.getByText(/Think about/)).toBeInTheDocument();
    expect(FakeSocket.instances).toHaveLength(1);
  });

  it('restores a stored session from the URL with its hint level and who answered', async () => {
    renderRoutes(routes, `/chat/${OLD}`, fakeAuth({ status: 'signedIn', user }));
    const log = await screen.findByRole('log', { name: 'Conversation' });
    expect(within(log).getByText('What is a pivot?')).toBeInTheDocument();
    expect(screen.getByText('Hint 2 of 5')).toBeInTheDocument();
    expect(within(log).getByTestId('tutor-label')).toHaveTextContent('Offline tutor');
    const current = within(screen.getByRole('navigation', { name: 'Conversations' })).getByRole(
      'link',
      { current: 'page' },
    );
    expect(current).toHaveTextContent('What is a pivot?');
    const ws = await connect();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Next hint' }));
    expect(ws.sent).toEqual([{ content: 'Can you give me the next hint?', session_id: OLD }]);
  });

  it('sends an unknown session back to a new chat with a notice', async () => {
    const { router } = renderRoutes(routes, `/chat/${NEW}`, fakeAuth({ status: 'signedIn', user }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/chat'));
    expect(await screen.findByText(/That conversation was not found/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /what are you working on/ })).toBeInTheDocument();
  });

  it('deletes a session only after confirming; the dialog traps focus and Escape cancels', async () => {
    const ui = userEvent.setup();
    const { router } = renderRoutes(routes, `/chat/${OLD}`, fakeAuth({ status: 'signedIn', user }));
    const remove = await screen.findByRole('button', {
      name: 'Delete conversation: What is a pivot?',
    });
    await ui.click(remove);
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this conversation?' });
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(cancel).toHaveFocus();
    await ui.tab();
    expect(confirm).toHaveFocus();
    await ui.tab();
    expect(cancel).toHaveFocus();
    await ui.tab({ shift: true });
    expect(confirm).toHaveFocus();
    await ui.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(server.deleted).toEqual([]);
    expect(remove).toHaveFocus();

    await ui.click(remove);
    await ui.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/chat'));
    expect(server.deleted).toEqual([OLD]);
    expect(await screen.findByText('No conversations yet.')).toBeInTheDocument();
  });

  it('lists a session without a real question yet as a new conversation', async () => {
    server.sessions = [{ ...server.sessions[0]!, preview: 'hello', title: null }];
    renderRoutes(routes, '/chat', fakeAuth({ status: 'signedIn', user }));
    const list = await screen.findByRole('navigation', { name: 'Conversations' });
    expect(await within(list).findByRole('link', { name: /New conversation/ })).toHaveAttribute(
      'href',
      `/chat/${OLD}`,
    );
    expect(within(list).queryByText('hello')).toBeNull();
  });

  it('collapses the sidebar', async () => {
    const ui = userEvent.setup();
    renderRoutes(routes, '/chat', fakeAuth({ status: 'signedIn', user }));
    const toggle = await screen.findByRole('button', { name: 'Hide conversations' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await ui.click(toggle);
    expect(screen.queryByRole('navigation', { name: 'Conversations' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Conversations' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });
});
