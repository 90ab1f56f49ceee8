import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import { createQueryClient } from '../api/query-client';
import { AuthContext, type AuthContextValue } from '../auth/auth-context';

/** An auth context with every action mocked; override what the test needs. */
export function fakeAuth(overrides: Partial<AuthContextValue> = {}): AuthContextValue {
  return {
    status: 'signedOut',
    user: null,
    loggedOut: false,
    signedOutNotice: null,
    login: vi.fn(async () => {}),
    register: vi.fn(async () => {}),
    logout: vi.fn(async () => {}),
    endSession: vi.fn(),
    setUser: vi.fn(),
    setAccessToken: vi.fn(),
    getAccessToken: vi.fn(async () => null),
    ...overrides,
  };
}

/** Renders routes in a memory router at `path`, inside the given auth context. */
export function renderRoutes(routes: RouteObject[], path: string, auth: AuthContextValue) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  // A cache per render: tests never see each other's data.
  const queryClient = createQueryClient();
  const wrap = (value: AuthContextValue): ReactNode => (
    <QueryClientProvider client={queryClient}>
      <AuthContext value={value}>
        <RouterProvider router={router} />
      </AuthContext>
    </QueryClientProvider>
  );
  const view = render(wrap(auth));
  return { router, ...view, rerenderWith: (value: AuthContextValue) => view.rerender(wrap(value)) };
}
