import { screen } from '@testing-library/react';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeAuth, renderRoutes } from '../test/auth-test-utils';
import { GuestOnlyRoute, ProtectedRoute } from './protected-route';

function LoginStub() {
  const location = useLocation();
  return <p>login page, from {JSON.stringify(location.state)}</p>;
}

const routes = [
  {
    path: '/login',
    element: (
      <GuestOnlyRoute>
        <LoginStub />
      </GuestOnlyRoute>
    ),
  },
  {
    path: '/register',
    element: (
      <GuestOnlyRoute fallback="/modules">
        <p>register page</p>
      </GuestOnlyRoute>
    ),
  },
  {
    element: <ProtectedRoute />,
    children: [
      { path: '/profile', element: <p>profile page</p> },
      { path: '/chat', element: <p>chat page</p> },
      { path: '/modules', element: <p>modules page</p> },
    ],
  },
];

const user = {
  id: 'u1',
  email: 'ada@example.com',
  username: 'ada',
  programming_level: 3,
  maths_level: 3,
  role: 'student' as const,
  created_at: '2026-01-01T00:00:00.000Z',
};

describe('ProtectedRoute', () => {
  it('shows a spinner while the session is being restored', () => {
    renderRoutes(routes, '/profile', fakeAuth({ status: 'restoring' }));
    expect(screen.getByRole('status')).toHaveTextContent('Restoring your session');
    expect(screen.queryByText('profile page')).not.toBeInTheDocument();
  });

  it('redirects a signed-out visitor to /login, remembering the page', () => {
    const { router } = renderRoutes(routes, '/profile?tab=levels#top', fakeAuth());
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toEqual({
      from: { pathname: '/profile', search: '?tab=levels', hash: '#top' },
    });
    expect(screen.queryByText('profile page')).not.toBeInTheDocument();
  });

  it('renders the page for a signed-in user', () => {
    renderRoutes(routes, '/profile', fakeAuth({ status: 'signedIn', user }));
    expect(screen.getByText('profile page')).toBeInTheDocument();
  });

  it('returns to the remembered page once the user signs in', () => {
    const { router, rerenderWith } = renderRoutes(routes, '/profile', fakeAuth());
    expect(router.state.location.pathname).toBe('/login');
    rerenderWith(fakeAuth({ status: 'signedIn', user }));
    expect(router.state.location.pathname).toBe('/profile');
    expect(screen.getByText('profile page')).toBeInTheDocument();
  });

  it('sends a signed-in user who opens /login directly to the chat', () => {
    const { router } = renderRoutes(routes, '/login', fakeAuth({ status: 'signedIn', user }));
    expect(router.state.location.pathname).toBe('/chat');
  });

  it('sends a newly registered user to the fallback, unless a page asked for the sign-in', () => {
    const fresh = renderRoutes(routes, '/register', fakeAuth());
    expect(screen.getByText('register page')).toBeInTheDocument();
    fresh.rerenderWith(fakeAuth({ status: 'signedIn', user }));
    expect(fresh.router.state.location.pathname).toBe('/modules');
    fresh.unmount();

    const asked = renderRoutes(routes, '/profile', fakeAuth());
    expect(asked.router.state.location.pathname).toBe('/login');
    // "Create an account" on the login page carries the remembered page along.
    void asked.router.navigate('/register', { state: asked.router.state.location.state });
    asked.rerenderWith(fakeAuth({ status: 'signedIn', user }));
    expect(asked.router.state.location.pathname).toBe('/profile');
  });

  it('redirects to /login when the session ends on a protected page', () => {
    const { router, rerenderWith } = renderRoutes(
      routes,
      '/chat',
      fakeAuth({ status: 'signedIn', user }),
    );
    expect(screen.getByText('chat page')).toBeInTheDocument();
    rerenderWith(fakeAuth({ status: 'signedOut' }));
    expect(router.state.location.pathname).toBe('/login');
  });

  it('after a deliberate logout sends to /login without remembering the page', () => {
    const { router, rerenderWith } = renderRoutes(
      routes,
      '/profile',
      fakeAuth({ status: 'signedIn', user }),
    );
    rerenderWith(fakeAuth({ status: 'signedOut', loggedOut: true }));
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toBeNull();
  });
});
