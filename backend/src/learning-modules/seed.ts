import { count } from 'drizzle-orm';
import type { DatabaseSeeder } from '../db/migrate';
import { learningModules } from './schema';

/** The three modules of spec §9, in order. */
export const initialModules = [
  {
    order: 1,
    title: 'Introduction to NumPy',
    notebookFilename: 'module_01_intro_to_numpy.ipynb',
    description:
      'Work with the array, the building block of numerical Python: create arrays with zeros, arange and ' +
      'linspace, read and change them with indexing and slicing, let broadcasting combine arrays of ' +
      'different shapes, and replace slow Python loops with fast element-wise operations and reductions.',
  },
  {
    order: 2,
    title: 'Linear Algebra Basics',
    notebookFilename: 'module_02_linear_algebra.ipynb',
    description:
      'Use numpy.linalg for the everyday tools of linear algebra: matrix multiplication with @ (and why ' +
      '* is different), determinants and what they say about a matrix, solving linear systems, and ' +
      'eigenvalue problems — computing eigenvalues and eigenvectors and checking them.',
  },
  {
    order: 3,
    title: 'Interpolation Methods',
    notebookFilename: 'module_03_interpolation.ipynb',
    description:
      'Draw a curve through data points: build the Lagrange interpolating polynomial, compute it more ' +
      "efficiently with Newton's divided differences, fit polynomials by least squares with " +
      'numpy.polyfit, and see where high-degree interpolation goes wrong.',
  },
] as const;

/**
 * Inserts the initial modules when the table is empty. It runs under the migration lock, and
 * ON CONFLICT (notebook_filename) DO NOTHING keeps it idempotent even without one.
 */
export const seedLearningModules: DatabaseSeeder = async (db, log) => {
  const [existing] = await db.select({ n: count() }).from(learningModules);
  if ((existing?.n ?? 0) > 0) return;
  const inserted = await db
    .insert(learningModules)
    .values(initialModules.map((module) => ({ ...module })))
    .onConflictDoNothing({ target: learningModules.notebookFilename })
    .returning({ id: learningModules.id });
  log.info({ inserted: inserted.length }, 'seeded learning modules');
};
