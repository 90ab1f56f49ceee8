import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor, act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../api/client';
import { createQueryClient } from '../api/query-client';
import { rememberedModule, rememberModules } from '../modules/module-cache';
import { useWorkspaceData } from './use-workspace-data';

const MODULE = {
  id: 'a3c1e7d2-5b4f-4e8a-9c1d-2f3e4a5b6c7d',
  title: 'Interpolation',
  description: 'Lagrange and Newton',
  notebook_filename: 'interpolation.ipynb',
  order: 3,
};

function progress(status: 'not_started' | 'in_progress' | 'completed') {
  return {
    id: null,
    module_id: MODULE.id,
    status,
    attempt_count: 0,
    updated_at: null,
    version: 0,
    notebook_state: null,
  };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

interface Server {
  module: Response | (() => Response);
  status: 'not_started' | 'in_progress' | 'completed';
  puts: unknown[];
}

function stubApi(server: Server) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      const method = init?.method ?? 'GET';
      if (url.pathname === `/api/modules/${MODULE.id}`)
        return typeof server.module === 'function' ? server.module() : server.module;
      if (url.pathname === `/api/progress/${MODULE.id}` && method === 'GET')
        return json(progress(server.status));
      if (url.pathname === `/api/progress/${MODULE.id}` && method === 'PUT') {
        const update = JSON.parse(String(init?.body)) as { status: Server['status'] };
        server.puts.push(update);
        server.status = update.status;
        return json(progress(update.status));
      }
      return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    }),
  );
}

/** Holds back the answers to PUT requests until the returned function is called. */
function holdPuts(): () => void {
  let answer!: () => void;
  const held = new Promise<void>((resolve) => (answer = resolve));
  const fetchMock = vi.mocked(fetch);
  const answerRequest = fetchMock.getMockImplementation()!;
  fetchMock.mockImplementation(async (input, init) => {
    if (init?.method === 'PUT') await held;
    return answerRequest(input, init);
  });
  return answer;
}

function render() {
  const client = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return renderHook(() => useWorkspaceData(MODULE.id), { wrapper });
}

beforeEach(() => {
  localStorage.clear();
  apiClient.setAccessToken('not.a.jwt');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('useWorkspaceData', () => {
  it('loads the module and the progress, and starts a module opened for the first time', async () => {
    const server: Server = { module: json(MODULE), status: 'not_started', puts: [] };
    stubApi(server);
    const { result } = render();
    expect(result.current.module).toBeNull();
    expect(result.current.status).toBe('not_started');
    await waitFor(() => expect(result.current.status).toBe('in_progress'));
    expect(result.current.module).toEqual(MODULE);
    expect(result.current.progress?.status).toBe('not_started');
    expect(result.current.loadError).toBeNull();
    expect(server.puts).toEqual([{ status: 'in_progress' }]);
    expect(rememberedModule(MODULE.id)).toEqual(MODULE);
  });

  it('shows a remembered module at once; a started module is not started again', async () => {
    rememberModules([MODULE]);
    const server: Server = { module: json(MODULE), status: 'in_progress', puts: [] };
    stubApi(server);
    const { result } = render();
    expect(result.current.module).toEqual(MODULE);
    await waitFor(() => expect(result.current.progress).not.toBeNull());
    expect(result.current.status).toBe('in_progress');
    expect(server.puts).toEqual([]);
  });

  it('says a missing module does not exist and forgets it', async () => {
    rememberModules([MODULE]);
    stubApi({
      module: () => json({ error: { code: 'not_found', message: 'Not found' } }, 404),
      status: 'in_progress',
      puts: [],
    });
    const { result } = render();
    await waitFor(() => expect(result.current.loadError).toBe('This module does not exist.'));
    await waitFor(() => expect(rememberedModule(MODULE.id)).toBeNull());
  });

  it('marks the module as completed, with the pending state and the error of a failed try', async () => {
    const server: Server = { module: json(MODULE), status: 'in_progress', puts: [] };
    stubApi(server);
    const { result } = render();
    await waitFor(() => expect(result.current.progress).not.toBeNull());
    const answerRequest = vi.mocked(fetch).getMockImplementation()!;

    vi.mocked(fetch).mockImplementationOnce(async () =>
      json({ error: { code: 'bad_request', message: 'Refused' } }, 400),
    );
    act(() => result.current.complete());
    await waitFor(() => expect(result.current.statusError).toBe('Refused'));
    expect(result.current.status).toBe('in_progress');

    vi.mocked(fetch).mockImplementation(answerRequest);
    const answer = holdPuts();
    act(() => result.current.complete());
    await waitFor(() => expect(result.current.changingStatus).toBe(true));
    answer();
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(result.current.changingStatus).toBe(false);
    expect(result.current.statusError).toBeNull();
    expect(server.puts).toEqual([{ status: 'completed' }]);
  });

  it('reopens a completed module, keeping "Completed" until the server agreed', async () => {
    const server: Server = { module: json(MODULE), status: 'completed', puts: [] };
    stubApi(server);
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const answerRequest = vi.mocked(fetch).getMockImplementation()!;
    const reopened: string[] = [];
    vi.mocked(fetch).mockImplementation(async (input, init) => {
      if (String(input).endsWith('/reopen') && init?.method === 'POST') {
        reopened.push(String(input));
        await held;
        return json(progress('in_progress'));
      }
      return answerRequest(input, init);
    });
    const { result } = render();
    await waitFor(() => expect(result.current.status).toBe('completed'));
    act(() => result.current.reopen());
    await waitFor(() => expect(result.current.changingStatus).toBe(true));
    expect(result.current.status).toBe('completed');
    answer();
    await waitFor(() => expect(result.current.status).toBe('in_progress'));
    expect(reopened).toEqual([`/api/progress/${MODULE.id}/reopen`]);
    expect(server.puts).toEqual([]);
  });
});
