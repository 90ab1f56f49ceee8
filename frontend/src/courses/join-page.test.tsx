import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../api/client';
import { ProfilePage } from '../auth/profile-page';
import { fakeAuth, renderRoutes } from '../test/auth-test-utils';
import { CLASS_ID, MODULE_1, apiError, json, stubApi } from './fake-courses-api';
import { JoinPage } from './join-page';

const CODE = 'abcdefghijklmnopqrstuv';
const student = {
  id: '77777777-7777-4777-8777-777777777777',
  email: 'grace@example.com',
  username: 'Grace',
  programming_level: 3,
  maths_level: 3,
  role: 'student' as const,
  created_at: '2026-01-01T10:00:00Z',
};
const auth = fakeAuth({ status: 'signedIn', user: student });
const routes = [
  { path: '/join/:code', element: <JoinPage /> },
  { path: '/profile', element: <ProfilePage /> },
];

function preview(overrides: Record<string, unknown> = {}) {
  return {
    class_id: CLASS_ID,
    name: 'Numerics 101',
    instructor_name: 'Ada',
    modules: [{ module_id: MODULE_1, title: 'Introduction to NumPy' }],
    conversations_visible: true,
    joining_open: true,
    already_member: false,
    ...overrides,
  };
}

beforeEach(() => apiClient.setAccessToken('not.a.jwt'));
afterEach(() => vi.unstubAllGlobals());

describe('JoinPage', () => {
  it('says before joining that the instructor can read tutor conversations, then joins', async () => {
    const calls = stubApi({
      [`GET /api/join/${CODE}`]: json(preview()),
      [`POST /api/join/${CODE}`]: json({ class_id: CLASS_ID, name: 'Numerics 101' }),
    });
    const ui = userEvent.setup();
    renderRoutes(routes, `/join/${CODE}`, auth);
    expect(await screen.findByRole('heading', { name: 'Join Numerics 101' })).toBeVisible();
    expect(screen.getByText('Ada')).toBeVisible();
    expect(screen.getByText('Introduction to NumPy')).toBeVisible();
    expect(screen.getByTestId('conversations-visibility')).toHaveTextContent(
      'Your instructor can read your tutor conversations',
    );
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    await ui.click(screen.getByRole('button', { name: 'Join the class' }));
    expect(await screen.findByText(/You joined Numerics 101\./)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Join the class' })).not.toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('says plainly when conversations stay private, and when the student is already in', async () => {
    stubApi({
      [`GET /api/join/${CODE}`]: json(
        preview({ conversations_visible: false, already_member: true }),
      ),
    });
    renderRoutes(routes, `/join/${CODE}`, auth);
    expect(await screen.findByTestId('conversations-visibility')).toHaveTextContent(
      'Your tutor conversations stay private',
    );
    expect(screen.getByText(/You are in Numerics 101\./)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Join the class' })).not.toBeInTheDocument();
  });

  it.each([
    [404, 'Class not found', /This join link does not work/],
    [410, 'This class is not accepting new students', /not accepting new students/],
  ])(
    'explains an unusable link (HTTP %i) and offers no Join button',
    async (status, message, shown) => {
      stubApi({ [`GET /api/join/${CODE}`]: apiError(status, message) });
      renderRoutes(routes, `/join/${CODE}`, auth);
      expect(await screen.findByRole('alert')).toHaveTextContent(shown);
      expect(screen.queryByRole('button', { name: 'Join the class' })).not.toBeInTheDocument();
    },
  );
});

describe('My classes on the profile page', () => {
  it('lists the classes the student is in and leaves one after a confirmation', async () => {
    let memberOf = [
      {
        id: CLASS_ID,
        name: 'Numerics 101',
        instructor_name: 'Ada',
        conversations_visible: false,
        joined_at: '2026-01-02T10:00:00Z',
        modules: [{ module_id: MODULE_1, title: 'Introduction to NumPy' }],
      },
    ];
    const calls = stubApi({
      'GET /api/classes': () => json({ teaching: [], member_of: memberOf }),
      [`DELETE /api/classes/${CLASS_ID}/membership`]: () => {
        memberOf = [];
        return new Response(null, { status: 204 });
      },
    });
    const ui = userEvent.setup();
    renderRoutes(routes, '/profile', auth);
    const list = await screen.findByRole('list', { name: 'My classes' });
    expect(within(list).getByText('Numerics 101')).toBeVisible();
    expect(within(list).getByText('Your tutor conversations are private.')).toBeVisible();

    await ui.click(within(list).getByRole('button', { name: 'Leave Numerics 101' }));
    await ui.click(screen.getByRole('button', { name: 'Stay' }));
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);
    await ui.click(within(list).getByRole('button', { name: 'Leave Numerics 101' }));
    await ui.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Leave' }));
    expect(await screen.findByText('You left Numerics 101.')).toBeVisible();
    expect(screen.queryByText('Introduction to NumPy')).not.toBeInTheDocument();
  });
});
