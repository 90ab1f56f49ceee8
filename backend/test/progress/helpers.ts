import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { SaveTokenOutSchema } from '@tutor/shared/progress';
import { learningModules } from '../../src/learning-modules/schema';
import { userModuleProgress } from '../../src/progress/schema';
import type { TestUser } from '../helpers/factories';

/** A small valid nbformat 4 notebook whose code cell holds `code`. */
export function notebook(code = 'x = 1') {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python', display_name: 'Python (Pyodide)' } },
    cells: [
      { cell_type: 'markdown', id: 'a1', source: ['# Title\n', 'Some text'], metadata: {} },
      {
        cell_type: 'code',
        id: 'b2',
        source: code,
        metadata: {},
        outputs: [],
        execution_count: null,
      },
    ],
  };
}

/** The id of a seeded module (1, 2 or 3). */
export async function seededModuleId(app: FastifyInstance, order: 1 | 2 | 3): Promise<string> {
  const filenames = {
    1: 'module_01_intro_to_numpy.ipynb',
    2: 'module_02_linear_algebra.ipynb',
    3: 'module_03_interpolation.ipynb',
  };
  const [row] = await app.database.db
    .select({ id: learningModules.id })
    .from(learningModules)
    .where(eq(learningModules.notebookFilename, filenames[order]));
  if (!row) throw new Error(`module ${order} is not seeded`);
  return row.id;
}

/** The stored progress row, read straight from the database (undefined without one). */
export async function storedProgress(app: FastifyInstance, userId: string, moduleId: string) {
  const [row] = await app.database.db
    .select()
    .from(userModuleProgress)
    .where(and(eq(userModuleProgress.userId, userId), eq(userModuleProgress.moduleId, moduleId)));
  return row;
}

export const UNKNOWN_MODULE_ID = '6f1c1a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

/** A save token for the final save of a page (POST /api/progress/{id}/save-token). */
export async function saveToken(app: FastifyInstance, user: TestUser, moduleId: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/progress/${moduleId}/save-token`,
    headers: user.headers,
  });
  expect(response.statusCode).toBe(200);
  return SaveTokenOutSchema.parse(response.json()).save_token;
}

/** What sendBeacon sends for a string body: a POST with text/plain and no other header of ours. */
export function beacon(
  app: FastifyInstance,
  moduleId: string,
  body: unknown,
  contentType = 'text/plain;charset=UTF-8',
) {
  return app.inject({
    method: 'POST',
    url: `/api/progress/${moduleId}/beacon`,
    headers: { 'content-type': contentType },
    payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });
}
