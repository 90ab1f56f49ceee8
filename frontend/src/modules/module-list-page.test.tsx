import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeAuth, renderRoutes } from '../test/auth-test-utils';
import { ModuleListPage } from './module-list-page';

const modules = [
  {
    id: '11111111-1111-4111-8111-111111111111',
    order: 1,
    title: 'Introduction to NumPy',
    description: 'Arrays.',
    notebook_filename: 'a.ipynb',
    status: 'not_started',
    exercises_passed: 0,
    exercises_total: 9,
  },
  {
    id: '22222222-2222-4222-8222-222222222222',
    order: 2,
    title: 'Linear Algebra Basics',
    description: 'Matrices.',
    notebook_filename: 'b.ipynb',
    status: 'in_progress',
    exercises_passed: 4,
    exercises_total: 9,
  },
  {
    id: '33333333-3333-4333-8333-333333333333',
    order: 3,
    title: 'Interpolation Methods',
    description: 'Curves.',
    notebook_filename: 'c.ipynb',
    status: 'completed',
    exercises_passed: 0,
    exercises_total: 0,
  },
];

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const routes = [
  { path: '/modules', element: <ModuleListPage /> },
  { path: '/workspace/:moduleId', element: <p>workspace page</p> },
];
const auth = fakeAuth({ status: 'signedIn' });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ModuleListPage', () => {
  it('shows a loading state, then one linked card per module with its status in words', async () => {
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))),
    );
    renderRoutes(routes, '/modules', auth);
    expect(screen.getByText('Loading the modules')).toBeInTheDocument();
    answer(json(200, modules));

    const list = await screen.findByRole('list', { name: 'Modules' });
    const links = within(list).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(
      modules.map((module) => `/workspace/${module.id}`),
    );
    expect(links.map((link) => link.querySelector('[data-status]')?.textContent)).toEqual([
      'Not Started',
      'In Progress',
      'Completed',
    ]);
  });

  it("shows how many of each module's exercises passed, and nothing for a module without any", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, modules)),
    );
    renderRoutes(routes, '/modules', auth);
    const list = await screen.findByRole('list', { name: 'Modules' });
    const counts = within(list)
      .getAllByRole('link')
      .map((link) => link.querySelector('[data-testid="exercise-count"]')?.textContent ?? null);
    expect(counts).toEqual(['0 of 9 exercises passed', '4 of 9 exercises passed', null]);
    expect(screen.getByRole('link', { name: /Linear Algebra Basics/ })).toHaveAccessibleName(
      /4 of 9 exercises passed/,
    );
  });

  it('says when the modules cannot be loaded and tries again on request', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(
        json(500, { error: { code: 'internal', message: 'Something broke.' } }),
      )
      .mockResolvedValueOnce(json(200, modules));
    vi.stubGlobal('fetch', fetchMock);
    renderRoutes(routes, '/modules', auth);
    expect(await screen.findByRole('alert')).toHaveTextContent('Something broke.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByRole('link')).toHaveLength(3);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('opens the workspace when a card is followed', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, modules)),
    );
    const { router } = renderRoutes(routes, '/modules', auth);
    await userEvent.click(await screen.findByRole('link', { name: /Linear Algebra Basics/ }));
    expect(router.state.location.pathname).toBe(`/workspace/${modules[1]!.id}`);
  });

  it('shows a new student their first steps until a module is started', async () => {
    const fresh = modules.map((module) => ({ ...module, status: 'not_started' }));
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValueOnce(json(200, fresh)).mockResolvedValueOnce(json(200, modules)),
    );
    const first = renderRoutes(routes, '/modules', auth);
    const card = await screen.findByRole('region', { name: 'Your first steps' });
    expect(
      within(card)
        .getAllByRole('listitem')
        .map((step) => step.querySelector('h3')?.textContent),
    ).toEqual([
      'Pick a module',
      'The notebook runs in your browser',
      'Ask the tutor when you are stuck',
    ]);
    // It names the first module as the place to start.
    expect(card).toHaveTextContent('Introduction to NumPy is a good place to start');
    first.unmount();

    renderRoutes(routes, '/modules', auth);
    await screen.findByRole('list', { name: 'Modules' });
    expect(screen.queryByRole('region', { name: 'Your first steps' })).not.toBeInTheDocument();
  });

  it("keeps each student's list apart: another user signed in on the same page loads their own", async () => {
    const student = (id: string) => ({
      id,
      email: `${id}@example.com`,
      username: id,
      programming_level: 1,
      maths_level: 1,
      role: 'student' as const,
      created_at: '2025-01-01T00:00:00Z',
    });
    const fresh = modules.map((module) => ({ ...module, status: 'not_started' }));
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(json(200, modules))
      .mockResolvedValueOnce(json(200, fresh));
    vi.stubGlobal('fetch', fetchMock);
    const view = renderRoutes(
      routes,
      '/modules',
      fakeAuth({ status: 'signedIn', user: student('ada') }),
    );
    await screen.findByRole('list', { name: 'Modules' });
    expect(screen.queryByRole('region', { name: 'Your first steps' })).not.toBeInTheDocument();

    view.rerenderWith(fakeAuth({ status: 'signedIn', user: student('grace') }));
    expect(await screen.findByRole('region', { name: 'Your first steps' })).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
