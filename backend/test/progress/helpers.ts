import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { learningModules } from '../../src/learning-modules/schema';
import { userModuleProgress } from '../../src/progress/schema';

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
