import { vi } from 'vitest';

/** One call the page made: method, path with query, and the JSON body. */
export interface Call {
  method: string;
  path: string;
  body: unknown;
}

type Answer = Response | ((call: Call) => Response);

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export function apiError(status: number, message: string, code = 'error'): Response {
  return json({ error: { code, message } }, status);
}

/**
 * Stubs `fetch` with a table of answers keyed "METHOD /path" (the query string is not part of the
 * key); anything else is a 404. Tests for the class pages read `calls` to see what was sent.
 */
export function stubApi(routes: Record<string, Answer>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      const call = { method, path: `${url.pathname}${url.search}`, body };
      calls.push(call);
      const answer = routes[`${method} ${url.pathname}`];
      if (!answer) return apiError(404, `unexpected ${method} ${url.pathname}`, 'not_found');
      return typeof answer === 'function' ? answer(call) : answer.clone();
    }),
  );
  return calls;
}

export const MODULE_1 = '11111111-1111-4111-8111-111111111111';
export const MODULE_2 = '22222222-2222-4222-8222-222222222222';
export const CLASS_ID = '33333333-3333-4333-8333-333333333333';
export const STUDENT_ID = '44444444-4444-4444-8444-444444444444';

export const instructor = {
  id: '55555555-5555-4555-8555-555555555555',
  email: 'ada@example.com',
  username: 'Ada',
  programming_level: 3,
  maths_level: 3,
  role: 'instructor' as const,
  created_at: '2026-01-01T10:00:00Z',
};

export function classOut(overrides: Record<string, unknown> = {}) {
  return {
    id: CLASS_ID,
    name: 'Numerics 101',
    join_code: 'abcdefghijklmnopqrstuv',
    join_url: '/join/abcdefghijklmnopqrstuv',
    joining_open: true,
    conversations_visible: false,
    chat_enabled: true,
    created_at: '2026-01-01T10:00:00Z',
    modules: [
      {
        module_id: MODULE_1,
        title: 'Introduction to NumPy',
        max_hint_level: 5,
        tutor_enabled: true,
        tutor_off_from: null,
        tutor_off_until: null,
      },
    ],
    student_count: 0,
    ...overrides,
  };
}
