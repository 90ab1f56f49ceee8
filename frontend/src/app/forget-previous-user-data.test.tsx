import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../api/query-client';
import { AuthContext, type AuthContextValue } from '../auth/auth-context';
import { fakeAuth } from '../test/auth-test-utils';
import { ForgetPreviousUserData } from './forget-previous-user-data';

const profileOf = (id: string) => ({
  id,
  email: `${id}@example.com`,
  username: id,
  programming_level: 2,
  maths_level: 2,
  role: 'student' as const,
  created_at: '2026-01-01T00:00:00.000Z',
});
const signedIn = (id: string) => fakeAuth({ status: 'signedIn', user: profileOf(id) });
const sessionsKey = ['chat-sessions', { type: 'general' }];

function setUp(auth: AuthContextValue) {
  const queryClient = createQueryClient();
  const wrap = (value: AuthContextValue): ReactNode => (
    <QueryClientProvider client={queryClient}>
      <AuthContext value={value}>
        <ForgetPreviousUserData />
      </AuthContext>
    </QueryClientProvider>
  );
  const view = render(wrap(auth));
  return { queryClient, switchTo: (value: AuthContextValue) => view.rerender(wrap(value)) };
}

describe('ForgetPreviousUserData', () => {
  it('keeps the cache while the session is restored and while the same user stays', () => {
    const { queryClient, switchTo } = setUp(fakeAuth({ status: 'restoring' }));
    queryClient.setQueryData(sessionsKey, ['restored early']);
    switchTo(signedIn('ada'));
    switchTo(signedIn('ada'));
    expect(queryClient.getQueryData(sessionsKey)).toEqual(['restored early']);
  });

  it("empties the cache on logout, so the next person never sees the previous one's data", () => {
    const { queryClient, switchTo } = setUp(signedIn('ada'));
    queryClient.setQueryData(sessionsKey, ["ada's sessions"]);
    switchTo(fakeAuth({ status: 'signedOut', loggedOut: true }));
    expect(queryClient.getQueryData(sessionsKey)).toBeUndefined();
  });

  it('empties the cache when another account signs in in the same tab', () => {
    const { queryClient, switchTo } = setUp(signedIn('ada'));
    queryClient.setQueryData(sessionsKey, ["ada's sessions"]);
    switchTo(signedIn('grace'));
    expect(queryClient.getQueryData(sessionsKey)).toBeUndefined();
  });
});
