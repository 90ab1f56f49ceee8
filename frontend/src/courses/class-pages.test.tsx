import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../api/client';
import { fakeAuth, renderRoutes } from '../test/auth-test-utils';
import { ClassSettingsPage } from './class-settings-page';
import { ClassesPage } from './classes-page';
import {
  CLASS_ID,
  MODULE_1,
  MODULE_2,
  apiError,
  classOut,
  instructor,
  json,
  stubApi,
} from './fake-courses-api';

const auth = fakeAuth({ status: 'signedIn', user: instructor });
const moduleList = [MODULE_1, MODULE_2].map((id, index) => ({
  id,
  order: index + 1,
  title: index === 0 ? 'Introduction to NumPy' : 'Linear Algebra Basics',
  description: '',
  notebook_filename: `${index}.ipynb`,
  status: 'not_started',
  exercises_passed: 0,
  exercises_total: 3,
}));

const routes = [
  { path: '/classes', element: <ClassesPage /> },
  { path: '/classes/:classId', element: <ClassSettingsPage /> },
];

beforeEach(() => apiClient.setAccessToken('not.a.jwt'));
afterEach(() => vi.unstubAllGlobals());

describe('ClassesPage', () => {
  it('asks for a name and a module before creating, then creates the class and opens it', async () => {
    const calls = stubApi({
      'GET /api/classes': json({ teaching: [], member_of: [] }),
      'GET /api/modules': json(moduleList),
      'POST /api/classes': json(classOut({ name: 'Numerics 101' }), 201),
      [`GET /api/classes/${CLASS_ID}`]: json(classOut()),
      [`GET /api/classes/${CLASS_ID}/students`]: json({ students: [] }),
    });
    const ui = userEvent.setup();
    const { router } = renderRoutes(routes, '/classes', auth);
    expect(await screen.findByText('No classes yet: create the first one below.')).toBeVisible();

    await ui.click(screen.getByRole('button', { name: 'Create class' }));
    expect(screen.getByText('Give the class a name')).toBeVisible();
    expect(screen.getByText('Choose at least one module')).toBeVisible();
    expect(screen.getByLabelText('Class name')).toHaveFocus();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    await ui.type(screen.getByLabelText('Class name'), '  Numerics 101 ');
    await ui.click(await screen.findByRole('checkbox', { name: 'Introduction to NumPy' }));
    await ui.click(
      screen.getByRole('checkbox', { name: 'I can read my students’ tutor conversations' }),
    );
    await ui.click(screen.getByRole('button', { name: 'Create class' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/classes/${CLASS_ID}`));
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      name: 'Numerics 101',
      module_ids: [MODULE_1],
      conversations_visible: true,
      chat_enabled: true,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Numerics 101' })).toBeVisible();
  });

  it("shows the server's message when creating fails", async () => {
    stubApi({
      'GET /api/classes': json({ teaching: [], member_of: [] }),
      'GET /api/modules': json(moduleList),
      'POST /api/classes': apiError(403, 'Only instructors can create classes'),
    });
    const ui = userEvent.setup();
    renderRoutes(routes, '/classes', auth);
    await ui.type(await screen.findByLabelText('Class name'), 'Numerics');
    await ui.click(await screen.findByRole('checkbox', { name: 'Linear Algebra Basics' }));
    await ui.click(screen.getByRole('button', { name: 'Create class' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Only instructors can create classes',
    );
  });
});

describe('ClassSettingsPage', () => {
  it('saves a hint cap and an exam window, refusing a window that ends before it starts', async () => {
    const calls = stubApi({
      [`GET /api/classes/${CLASS_ID}`]: json(classOut()),
      [`GET /api/classes/${CLASS_ID}/students`]: json({ students: [] }),
      [`PUT /api/classes/${CLASS_ID}/modules/${MODULE_1}/policy`]: (call) =>
        json(classOut({ modules: [{ ...classOut().modules[0], ...(call.body as object) }] })),
    });
    const ui = userEvent.setup();
    renderRoutes(routes, `/classes/${CLASS_ID}`, auth);
    const form = await screen.findByRole('form', { name: 'Introduction to NumPy' });
    const policy = within(form);

    await ui.selectOptions(policy.getByLabelText('Highest hint level'), '4');
    expect(policy.getByRole('option', { name: /^4: .*never a full solution/ })).toBeInTheDocument();
    await ui.click(policy.getByRole('radio', { name: 'Off during a time window (an exam)' }));
    await ui.type(policy.getByLabelText('From'), '2026-05-04T14:00');
    await ui.type(policy.getByLabelText('Until'), '2026-05-04T12:00');
    await ui.click(policy.getByRole('button', { name: 'Save policy' }));
    expect(policy.getByText('The end must be after the start')).toBeVisible();
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);

    await ui.clear(policy.getByLabelText('Until'));
    await ui.type(policy.getByLabelText('Until'), '2026-05-04T16:00');
    await ui.click(policy.getByRole('button', { name: 'Save policy' }));
    expect(await policy.findByText('Policy saved.')).toBeVisible();
    expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({
      max_hint_level: 4,
      tutor_enabled: true,
      tutor_off_from: new Date('2026-05-04T14:00').toISOString(),
      tutor_off_until: new Date('2026-05-04T16:00').toISOString(),
    });
  });

  it('makes a new join link only after a confirmation, and removes a student after one', async () => {
    const student = {
      user_id: '66666666-6666-4666-8666-666666666666',
      username: 'Grace',
      email: 'grace@example.com',
      joined_at: '2026-01-02T10:00:00Z',
      last_activity_at: null,
    };
    let students = [student];
    const calls = stubApi({
      [`GET /api/classes/${CLASS_ID}`]: json(classOut({ student_count: 1 })),
      [`GET /api/classes/${CLASS_ID}/students`]: () => json({ students }),
      [`POST /api/classes/${CLASS_ID}/join-code`]: json(
        classOut({ join_code: 'zyxwvutsrqponmlkjihgfe', join_url: '/join/zyxwvutsrqponmlkjihgfe' }),
      ),
      [`DELETE /api/classes/${CLASS_ID}/students/${student.user_id}`]: () => {
        students = [];
        return new Response(null, { status: 204 });
      },
    });
    const ui = userEvent.setup();
    renderRoutes(routes, `/classes/${CLASS_ID}`, auth);
    const link = await screen.findByRole('textbox', { name: 'Join link' });
    expect(link).toHaveValue(`${window.location.origin}/join/abcdefghijklmnopqrstuv`);

    await ui.click(screen.getByRole('button', { name: 'New link' }));
    await ui.click(screen.getByRole('button', { name: 'Keep the current link' }));
    expect(calls.some((call) => call.path.endsWith('/join-code'))).toBe(false);
    await ui.click(screen.getByRole('button', { name: 'New link' }));
    await ui.click(screen.getByRole('button', { name: 'Make a new link' }));
    await waitFor(() =>
      expect(link).toHaveValue(`${window.location.origin}/join/zyxwvutsrqponmlkjihgfe`),
    );
    expect(screen.getByText('New link made: the old one no longer works.')).toBeVisible();

    await ui.click(await screen.findByRole('button', { name: 'Remove Grace' }));
    expect(screen.getByRole('alertdialog', { name: 'Remove Grace?' })).toBeVisible();
    await ui.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Grace was removed from the class.')).toBeVisible();
    expect(
      await screen.findByText('No students yet. Share the join link with them.'),
    ).toBeVisible();
  });

  it("says a class that is not the instructor's cannot be found", async () => {
    stubApi({ [`GET /api/classes/${CLASS_ID}`]: apiError(404, 'Class not found') });
    renderRoutes(routes, `/classes/${CLASS_ID}`, auth);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'There is no such class among yours.',
    );
  });
});
