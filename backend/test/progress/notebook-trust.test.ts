/**
 * Trust markers never survive a save or a restore. JupyterLab renders a code cell's outputs as
 * trusted (HTML with its scripts, JavaScript) when the cell's `metadata.trusted` is true; the classic
 * notebook trusted a notebook whose `metadata.signature` matched. A saved notebook is data from the
 * browser, so both are removed when it is stored and when it is handed back.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgress, buildUser, type TestUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { beacon, saveToken, seededModuleId, storedProgress } from './helpers';

const SCRIPT_HTML =
  '<b>hello</b><script src="https://cdn.jsdelivr.net/npm/probe@1/steal.js"></script>';

/** A notebook as JupyterLab saves it after a cell displayed HTML with a script. */
function trustedNotebook() {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python', display_name: 'Python (Pyodide)' },
      signature: 'sha256:5f2e1d0c',
    },
    cells: [
      { cell_type: 'markdown', id: 'm', metadata: { trusted: true }, source: '# Notes' },
      {
        cell_type: 'code',
        id: 'html',
        metadata: { trusted: true, tutor: { exercise: 'm1-ex1' }, tags: ['shown'] },
        execution_count: 3,
        source: 'HTML(page)',
        outputs: [
          {
            output_type: 'display_data',
            metadata: {},
            data: { 'text/html': SCRIPT_HTML, 'text/plain': '<HTML>' },
          },
        ],
      },
      { cell_type: 'raw', id: 'r', metadata: { trusted: false }, source: 'raw' },
    ],
  };
}

/** The same notebook without its trust markers: everything else as sent. */
function untrustedNotebook() {
  const nb = trustedNotebook();
  const { signature: _signature, ...metadata } = nb.metadata;
  return {
    ...nb,
    metadata,
    cells: nb.cells.map((cell) => {
      const { trusted: _trusted, ...rest } = cell.metadata;
      return { ...cell, metadata: rest };
    }),
  };
}

describe('notebook trust markers', () => {
  let app: FastifyInstance;
  let moduleId: string;
  beforeAll(async () => {
    app = await createTestApp();
    moduleId = await seededModuleId(app, 1);
  });
  afterAll(() => app.close());

  const put = (user: TestUser, body: unknown) =>
    app.inject({
      method: 'PUT',
      url: `/api/progress/${moduleId}`,
      headers: user.headers,
      payload: body as object,
    });
  const get = (user: TestUser) =>
    app.inject({ method: 'GET', url: `/api/progress/${moduleId}`, headers: user.headers });

  it('are stripped when a notebook is saved, and what GET returns has none', async () => {
    const user = await buildUser(app);
    const response = await put(user, { notebook_state: trustedNotebook() });
    expect(response.statusCode).toBe(200);
    expect(response.json().version).toBe(1);
    const stored = await storedProgress(app, user.user.id, moduleId);
    expect(stored!.notebookState).toEqual(untrustedNotebook());
    expect((await get(user)).json().notebook_state).toEqual(untrustedNotebook());
  });

  it('are stripped from a notebook stored before they were (what GET returns)', async () => {
    const user = await buildUser(app);
    await buildProgress(app, {
      userId: user.user.id,
      moduleId,
      status: 'in_progress',
      notebookState: trustedNotebook(),
    });
    const restored = (await get(user)).json();
    expect(restored.notebook_state).toEqual(untrustedNotebook());
    // The stored row is left as it was (the next save rewrites it).
    expect((await storedProgress(app, user.user.id, moduleId))!.notebookState).toEqual(
      trustedNotebook(),
    );
  });

  it('are stripped from the final save sent by sendBeacon', async () => {
    const user = await buildUser(app);
    const token = await saveToken(app, user, moduleId);
    const response = await beacon(app, moduleId, {
      save_token: token,
      notebook_state: trustedNotebook(),
    });
    expect(response.statusCode).toBe(200);
    expect((await storedProgress(app, user.user.id, moduleId))!.notebookState).toEqual(
      untrustedNotebook(),
    );
  });

  it('are stripped even when the notebook holds characters jsonb refuses', async () => {
    const user = await buildUser(app);
    const nb = trustedNotebook();
    nb.cells[1]!.source = 'print("a\u0000b")';
    const response = await put(user, { notebook_state: nb });
    expect(response.statusCode).toBe(200);
    const expected = untrustedNotebook();
    expected.cells[1]!.source = 'print("a\uFFFDb")';
    expect((await storedProgress(app, user.user.id, moduleId))!.notebookState).toEqual(expected);
  });

  it('leave a notebook without them stored exactly as sent (the fast path)', async () => {
    const user = await buildUser(app);
    // Key order and a number jsonb keeps as written: the bytes as sent, not a re-serialisation.
    const body =
      '{"notebook_state": {"nbformat": 4, "nbformat_minor": 5, "metadata": {"trusted_by": "me", "n": 1.50},' +
      ' "cells": [{"cell_type": "code", "id": "c", "metadata": {"trustedish": true}, "source": "x",' +
      ' "outputs": [], "execution_count": null}]}}';
    const response = await app.inject({
      method: 'PUT',
      url: `/api/progress/${moduleId}`,
      headers: { ...user.headers, 'content-type': 'application/json' },
      payload: body,
    });
    expect(response.statusCode).toBe(200);
    const result = (await app.database.db.execute(
      sql`select notebook_state::text as text from user_module_progress
          where user_id = ${user.user.id} and module_id = ${moduleId}`,
    )) as unknown as { rows: Array<{ text: string }> };
    expect(result.rows[0]!.text).toContain('"n": 1.50');
    expect(result.rows[0]!.text).toContain('"trustedish": true');
  });
});
