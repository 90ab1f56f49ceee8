import { render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../api/client';
import { useAuth } from './auth-context';
import { AuthProvider } from './auth-provider';

const profile = {
  id: 'u1',
  email: 'ada@example.com',
  username: 'ada',
  programming_level: 2,
  maths_level: 4,
  role: 'student' as const,
  created_at: '2026-01-01T00:00:00.000Z',
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function Probe() {
  const { status, user } = useAuth();
  return <p data-testid="probe">{`${status} ${user?.username ?? '-'}`}</p>;
}

afterEach(() => {
  apiClient.setAccessToken(null);
  vi.unstubAllGlobals();
});

describe('AuthProvider', () => {
  it('restores the session from the refresh cookie on start', async () => {
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input) === '/api/auth/refresh') {
        return json(200, { access_token: 'restored', token_type: 'bearer' });
      }
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer restored');
      return json(200, profile);
    });
    vi.stubGlobal('fetch', fetch);
    render(
      <StrictMode>
        <AuthProvider>
          <Probe />
        </AuthProvider>
      </StrictMode>,
    );
    expect(screen.getByTestId('probe')).toHaveTextContent('restoring -');
    expect(await screen.findByText('signedIn ada')).toBeInTheDocument();
    // StrictMode runs the effect twice; still one refresh (a second would reuse a rotated token).
    expect(fetch.mock.calls.filter(([url]) => String(url) === '/api/auth/refresh')).toHaveLength(1);
  });

  it('starts signed out when there is no session', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(401, { error: { code: 'unauthorized', message: 'No session' } })),
    );
    render(
      <AuthProvider>
        <Probe />
      </AuthProvider>,
    );
    expect(await screen.findByText('signedOut -')).toBeInTheDocument();
  });

  it('signs out when the client loses its token (a refresh that failed later)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) =>
        String(input) === '/api/auth/refresh'
          ? json(200, { access_token: 'restored', token_type: 'bearer' })
          : json(200, profile),
      ),
    );
    render(
      <AuthProvider>
        <Probe />
      </AuthProvider>,
    );
    await screen.findByText('signedIn ada');
    apiClient.setAccessToken(null);
    expect(await screen.findByText('signedOut -')).toBeInTheDocument();
  });
});
