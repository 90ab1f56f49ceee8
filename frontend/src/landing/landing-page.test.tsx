import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeAuth, renderRoutes } from '../test/auth-test-utils';
import { LandingPage } from './landing-page';

const catalog = [
  { order: 1, title: 'Introduction to NumPy', description: 'Arrays and vectors: the basics.' },
  { order: 2, title: 'Linear Algebra Basics', description: 'Matrices: products and solves.' },
];

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const routes = [{ path: '/', element: <LandingPage /> }];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('LandingPage', () => {
  it('shows a loading state, then the public catalog in order with each lead phrase', async () => {
    let answer: (response: Response) => void = () => undefined;
    const fetchMock = vi.fn(
      (_input: RequestInfo | URL, _init?: RequestInit) =>
        new Promise<Response>((resolve) => (answer = resolve)),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderRoutes(routes, '/', fakeAuth());
    expect(screen.getByRole('status')).toHaveTextContent('Loading the modules');
    answer(json(200, catalog));

    const list = await screen.findByRole('list', { name: 'Modules' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('h3')?.textContent)).toEqual([
      'Introduction to NumPy',
      'Linear Algebra Basics',
    ]);
    expect(items[0]).toHaveTextContent('Module 1');
    expect(items[0]).toHaveTextContent('Arrays and vectors.');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    // One request, without the access token: the catalog is public.
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [path, init] = fetchMock.mock.calls[0]!;
    expect(path).toBe('/api/modules/catalog');
    expect(new Headers(init?.headers).get('authorization')).toBeNull();
  });

  it('says at once, without retrying, when the catalog cannot be loaded', async () => {
    const fetchMock = vi.fn(async () =>
      json(500, { error: { code: 'internal', message: 'Something broke.' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderRoutes(routes, '/', fakeAuth());
    expect(
      await screen.findByText(
        'The module list could not be loaded just now. Create an account or log in to see it.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Modules' })).not.toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
