import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../api/client';
import { apiError, json, stubApi } from '../courses/fake-courses-api';
import { fakeAuth, renderRoutes } from '../test/auth-test-utils';
import { AdminPage } from './admin-page';

const admin = {
  id: '88888888-8888-4888-8888-888888888888',
  email: 'root@example.com',
  username: 'Root',
  programming_level: 3,
  maths_level: 3,
  role: 'admin' as const,
  created_at: '2026-01-01T10:00:00Z',
};
const grace = {
  ...admin,
  id: '99999999-9999-4999-8999-999999999999',
  email: 'grace@example.com',
  username: 'Grace',
  role: 'student' as const,
};

beforeEach(() => apiClient.setAccessToken('not.a.jwt'));
afterEach(() => vi.unstubAllGlobals());

describe('AdminPage', () => {
  it('finds users, grants and revokes instructor, and leaves administrators alone', async () => {
    let role: 'student' | 'instructor' = 'student';
    const users = () => [admin, { ...grace, role }];
    const calls = stubApi({
      'GET /api/admin/users': () => json({ users: users() }),
      [`PUT /api/admin/users/${grace.id}/role`]: (call) => {
        role = (call.body as { role: typeof role }).role;
        return json({ ...grace, role });
      },
    });
    const ui = userEvent.setup();
    renderRoutes(
      [{ path: '/admin', element: <AdminPage /> }],
      '/admin',
      fakeAuth({ status: 'signedIn', user: admin }),
    );
    const list = await screen.findByRole('list', { name: 'Users' });
    expect(within(list).getByText('Managed from the command line')).toBeVisible();

    await ui.type(screen.getByRole('searchbox', { name: 'Find users' }), 'GRA');
    await vi.waitFor(() => expect(calls.at(-1)?.path).toBe('/api/admin/users?query=GRA&limit=50'));

    await ui.click(await screen.findByRole('button', { name: 'Make Grace an instructor' }));
    expect(await screen.findByText('Grace is now an instructor.')).toBeVisible();
    expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({ role: 'instructor' });
    await ui.click(await screen.findByRole('button', { name: 'Revoke instructor from Grace' }));
    expect(await screen.findByText('Grace is no longer an instructor.')).toBeVisible();
  });

  it("shows the server's refusal", async () => {
    stubApi({
      'GET /api/admin/users': json({ users: [grace] }),
      [`PUT /api/admin/users/${grace.id}/role`]: apiError(
        409,
        'Administrators are managed from the command line',
      ),
    });
    const ui = userEvent.setup();
    renderRoutes(
      [{ path: '/admin', element: <AdminPage /> }],
      '/admin',
      fakeAuth({ status: 'signedIn', user: admin }),
    );
    await ui.click(await screen.findByRole('button', { name: 'Make Grace an instructor' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Administrators are managed from the command line',
    );
  });
});
