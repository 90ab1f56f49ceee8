import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { createApiClient } from './client';

/** A JWT-shaped token (unsigned) expiring `secondsFromNow` from now. */
function tokenExpiringIn(secondsFromNow: number, id = 'x'): string {
  const payload = btoa(
    JSON.stringify({ sub: id, exp: Math.floor(Date.now() / 1000) + secondsFromNow }),
  )
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `eyJhbGciOiJIUzI1NiJ9.${payload}.signature`;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const unauthorized = () =>
  json(401, { error: { code: 'unauthorized', message: 'Not authenticated' } });

/**
 * A stand-in server: /api/auth/refresh answers with `refreshAnswer`, /api/auth/me accepts only
 * the bearer token `validToken`.
 */
function fakeServer(options: {
  validToken: string;
  refreshAnswer: () => Response | Promise<Response>;
}) {
  const calls: { path: string; authorization: string | null }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    const headers = new Headers(init?.headers);
    calls.push({ path, authorization: headers.get('authorization') });
    if (path === '/api/auth/refresh') return options.refreshAnswer();
    if (headers.get('authorization') !== `Bearer ${options.validToken}`) return unauthorized();
    return json(200, { ok: true });
  });
  return {
    fetch,
    calls,
    refreshCalls: () => calls.filter((call) => call.path === '/api/auth/refresh').length,
  };
}

const immediate = <R>(run: () => Promise<R>) => run();

describe('apiFetch', () => {
  it('sends the access token as a bearer token', async () => {
    const server = fakeServer({ validToken: 'good', refreshAnswer: unauthorized });
    const client = createApiClient({ fetch: server.fetch, exclusive: immediate });
    client.setAccessToken('good');
    await expect(client.request('/api/auth/me')).resolves.toEqual({ ok: true });
    expect(server.calls).toEqual([{ path: '/api/auth/me', authorization: 'Bearer good' }]);
  });

  it('on a 401 refreshes once and retries once with the new token', async () => {
    const server = fakeServer({
      validToken: 'fresh',
      refreshAnswer: () => json(200, { access_token: 'fresh', token_type: 'bearer' }),
    });
    const client = createApiClient({ fetch: server.fetch, exclusive: immediate });
    client.setAccessToken('stale');
    await expect(client.request('/api/auth/me')).resolves.toEqual({ ok: true });
    expect(server.calls.map((call) => [call.path, call.authorization])).toEqual([
      ['/api/auth/me', 'Bearer stale'],
      ['/api/auth/refresh', null],
      ['/api/auth/me', 'Bearer fresh'],
    ]);
    expect(client.currentAccessToken()).toBe('fresh');
  });

  it('does not loop when the retried request is refused again', async () => {
    const server = fakeServer({
      validToken: 'never',
      refreshAnswer: () => json(200, { access_token: 'fresh', token_type: 'bearer' }),
    });
    const client = createApiClient({ fetch: server.fetch, exclusive: immediate });
    client.setAccessToken('stale');
    await expect(client.request('/api/auth/me')).rejects.toMatchObject({ status: 401 });
    expect(server.calls).toHaveLength(3);
  });

  it('signs out when the refresh fails', async () => {
    const server = fakeServer({ validToken: 'fresh', refreshAnswer: unauthorized });
    const client = createApiClient({ fetch: server.fetch, exclusive: immediate });
    client.setAccessToken('stale');
    const listener = vi.fn();
    client.subscribe(listener);
    const error = await client.request('/api/auth/me').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(listener).toHaveBeenCalledExactlyOnceWith(null);
    expect(client.currentAccessToken()).toBeNull();
    expect(server.refreshCalls()).toBe(1);
  });

  it('shares one refresh between concurrent 401s', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const server = fakeServer({
      validToken: 'fresh',
      refreshAnswer: async () => {
        await gate;
        return json(200, { access_token: 'fresh', token_type: 'bearer' });
      },
    });
    const client = createApiClient({ fetch: server.fetch, exclusive: immediate });
    client.setAccessToken('stale');
    const requests = [1, 2, 3].map(() => client.request('/api/auth/me'));
    await vi.waitFor(() => expect(server.refreshCalls()).toBe(1));
    release();
    await expect(Promise.all(requests)).resolves.toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
    ]);
    expect(server.refreshCalls()).toBe(1);
  });

  it('reuses a token another request refreshed meanwhile instead of refreshing again', async () => {
    const server = fakeServer({ validToken: 'fresh', refreshAnswer: unauthorized });
    const client = createApiClient({ fetch: server.fetch, exclusive: immediate });
    client.setAccessToken('stale');
    // While this request is in flight, another one refreshes the token.
    server.fetch.mockImplementationOnce(async () => {
      client.setAccessToken('fresh');
      return unauthorized();
    });
    await expect(client.request('/api/auth/me')).resolves.toEqual({ ok: true });
    expect(server.refreshCalls()).toBe(0);
    expect(server.calls.at(-1)).toEqual({ path: '/api/auth/me', authorization: 'Bearer fresh' });
  });

  it('does not refresh for calls made without auth (login)', async () => {
    const fetch = vi.fn(async () =>
      json(401, { error: { code: 'unauthorized', message: 'Incorrect email or password' } }),
    );
    const client = createApiClient({ fetch, exclusive: immediate });
    await expect(
      client.request('/api/auth/login', { method: 'POST', body: {}, auth: false }),
    ).rejects.toMatchObject({ status: 401, message: 'Incorrect email or password' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('parses the error format with fields and Retry-After', async () => {
    const fetch = vi.fn(async () =>
      json(
        429,
        {
          error: {
            code: 'too_many_requests',
            message: 'Too many attempts. Try again in 42 seconds.',
          },
        },
        { 'retry-after': '42' },
      ),
    );
    const client = createApiClient({ fetch, exclusive: immediate });
    await expect(client.request('/api/auth/login', { auth: false })).rejects.toMatchObject({
      status: 429,
      code: 'too_many_requests',
      retryAfterSeconds: 42,
    });

    fetch.mockResolvedValueOnce(
      json(400, {
        error: {
          code: 'bad_request',
          message: 'password: Password must be at least 8 characters',
          fields: ['password'],
        },
      }),
    );
    await expect(client.request('/api/auth/register', { auth: false })).rejects.toMatchObject({
      status: 400,
      fields: ['password'],
      message: 'password: Password must be at least 8 characters',
    });
  });

  it('turns a non-JSON error and a network failure into clear ApiErrors', async () => {
    const fetch = vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    const client = createApiClient({ fetch, exclusive: immediate });
    await expect(client.request('/api/x', { auth: false })).rejects.toMatchObject({
      status: 502,
      code: 'http_error',
    });
    fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(client.request('/api/x', { auth: false })).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
    });
  });
});

describe('getAccessToken', () => {
  it('returns the token while it has more than 60 s left', async () => {
    const server = fakeServer({ validToken: 'x', refreshAnswer: unauthorized });
    const client = createApiClient({ fetch: server.fetch, exclusive: immediate });
    const token = tokenExpiringIn(600);
    client.setAccessToken(token);
    await expect(client.getAccessToken()).resolves.toBe(token);
    expect(server.refreshCalls()).toBe(0);
  });

  it('refreshes a token that expires within 60 s', async () => {
    const fresh = tokenExpiringIn(1800, 'fresh');
    const server = fakeServer({
      validToken: fresh,
      refreshAnswer: () => json(200, { access_token: fresh, token_type: 'bearer' }),
    });
    const client = createApiClient({ fetch: server.fetch, exclusive: immediate });
    client.setAccessToken(tokenExpiringIn(30));
    await expect(client.getAccessToken()).resolves.toBe(fresh);
    expect(server.refreshCalls()).toBe(1);
  });

  it('is null when signed out', async () => {
    const client = createApiClient({ fetch: vi.fn(), exclusive: immediate });
    await expect(client.getAccessToken()).resolves.toBeNull();
  });
});
