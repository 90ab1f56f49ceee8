import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../api/client';
import { fakeAuth, renderRoutes } from '../test/auth-test-utils';
import { DashboardPage } from './dashboard-page';
import {
  CLASS_ID,
  MODULE_1,
  STUDENT_ID,
  apiError,
  instructor,
  json,
  stubApi,
} from './fake-courses-api';
import { StudentHistoryPage } from './student-history-page';

const auth = fakeAuth({ status: 'signedIn', user: instructor });
const routes = [
  { path: '/classes/:classId/dashboard', element: <DashboardPage /> },
  { path: '/classes/:classId/students/:userId', element: <StudentHistoryPage /> },
];
const exercise = (id: string, title: string) => ({
  exercise_id: id,
  module_id: MODULE_1,
  module_title: 'Introduction to NumPy',
  title,
  passed_share: 0.5,
  median_hint_level: 2,
  common_errors: [{ error: 'ValueError: shapes not aligned', count: 3 }],
});
const dashboard = {
  class: { id: CLASS_ID, name: 'Numerics 101' },
  self_reported: true,
  generated_at: '2026-03-01T10:00:00Z',
  exercises: [exercise('ex-1', 'Zeros'), exercise('ex-2', 'Shapes')],
  students: [
    {
      user_id: STUDENT_ID,
      username: 'Grace',
      last_activity_at: '2026-03-01T09:00:00Z',
      inactive: false,
      exercises: {
        'ex-1': {
          state: 'passed',
          runs: 3,
          highest_hint_level: 2,
          last_run_at: '2026-03-01T09:00:00Z',
        },
        'ex-2': { state: 'not_yet', runs: 1, highest_hint_level: null, last_run_at: null },
      },
    },
    { user_id: 'idle', username: 'Linus', last_activity_at: null, inactive: true, exercises: {} },
  ],
};

beforeEach(() => apiClient.setAccessToken('not.a.jwt'));
afterEach(() => vi.unstubAllGlobals());

describe('DashboardPage', () => {
  it('shows the grid, labelled self-reported, with the class summary and the inactive student', async () => {
    stubApi({ [`GET /api/classes/${CLASS_ID}/dashboard`]: json(dashboard) });
    renderRoutes(routes, `/classes/${CLASS_ID}/dashboard`, auth);
    expect(await screen.findByText('checked in the student’s browser')).toBeVisible();
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Student', 'Introduction to NumPyZeros', 'Introduction to NumPyShapes']);
    expect(rows[1]).toHaveTextContent('Whole class');
    expect(rows[1]).toHaveTextContent('50% passed');
    expect(rows[1]).toHaveTextContent('ValueError: shapes not aligned');
    const grace = within(table).getByRole('rowheader', { name: /Grace/ }).closest('tr')!;
    expect(within(grace).getByText('Passed, 3 runs, hint level 2')).toBeInTheDocument();
    expect(within(grace).getByText('Trying, 1 run, no hints')).toBeInTheDocument();
    const linus = within(table).getByRole('rowheader', { name: /Linus/ }).closest('tr')!;
    expect(linus).toHaveTextContent('Inactive 7+ days');
    expect(within(linus).getAllByText('Not tried')).toHaveLength(2);
  });

  it('downloads the CSV with the bearer token, and says when it could not', async () => {
    const createObjectURL = vi.fn(() => 'blob:csv');
    // jsdom has no object URLs.
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    let csvAnswer: Response = new Response('username\nGrace\n', {
      headers: { 'content-type': 'text/csv' },
    });
    const calls = stubApi({
      [`GET /api/classes/${CLASS_ID}/dashboard`]: json(dashboard),
      [`GET /api/classes/${CLASS_ID}/dashboard.csv`]: () => csvAnswer,
    });
    const ui = userEvent.setup();
    renderRoutes(routes, `/classes/${CLASS_ID}/dashboard`, auth);
    await ui.click(await screen.findByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByText('The CSV file was downloaded.')).toBeVisible();
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const fetchMock = vi.mocked(fetch);
    const csvCall = fetchMock.mock.calls.find(([input]) => String(input).endsWith('.csv'));
    expect(new Headers(csvCall?.[1]?.headers).get('authorization')).toBe('Bearer not.a.jwt');
    expect(calls.filter((call) => call.path.endsWith('.csv'))).toHaveLength(1);

    csvAnswer = apiError(404, 'Class not found');
    await ui.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Class not found');
  });

  it("opens a student's history from the grid; conversations only when the class shares them", async () => {
    stubApi({
      [`GET /api/classes/${CLASS_ID}/dashboard`]: json(dashboard),
      [`GET /api/classes/${CLASS_ID}/students/${STUDENT_ID}`]: json({
        student: {
          user_id: STUDENT_ID,
          username: 'Grace',
          email: 'grace@example.com',
          joined_at: '2026-01-02T10:00:00Z',
        },
        modules: [
          {
            module_id: MODULE_1,
            title: 'Introduction to NumPy',
            status: 'in_progress',
            exercises: [
              {
                exercise_id: 'ex-1',
                title: 'Zeros',
                state: 'not_yet',
                runs: 2,
                highest_hint_level: 3,
                last_run_at: null,
                last_message: 'shape should be (3, 4)',
              },
            ],
          },
        ],
        conversations: null,
      }),
    });
    const ui = userEvent.setup();
    const { router } = renderRoutes(routes, `/classes/${CLASS_ID}/dashboard`, auth);
    await ui.click(await screen.findByRole('link', { name: 'Grace' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/classes/${CLASS_ID}/students/${STUDENT_ID}`),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Grace' })).toBeVisible();
    expect(screen.getByText('Trying, 2 runs, hint level 3')).toBeVisible();
    expect(screen.getByText('shape should be (3, 4)')).toBeVisible();
    expect(screen.getByText(/keeps tutor conversations private/)).toBeVisible();
  });
});
