/**
 * The one notebook check both sides share: the shape of an nbformat 4 notebook that the API
 * stores, the workspace hands to the notebook and the notebook loads. The server also checks each
 * saved notebook against the official nbformat schema of its minor version
 * (backend/src/progress/nbformat); this is the part every side can afford.
 */
import { z } from 'zod';

/**
 * Deepest nesting accepted in a notebook. Real notebooks stay around ten levels; JSON nested
 * thousands deep parses fine but overflows the stack of JSON.stringify and of PostgreSQL's jsonb.
 */
export const NOTEBOOK_MAX_DEPTH = 100;

/** Whether `value` nests objects/arrays deeper than `limit` (iterative: no recursion to overflow). */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * A cell, loosely: the server checks each saved notebook against the official nbformat schema of
 * its version (backend/src/progress/nbformat), which also admits cells of types from a future
 * minor version; this only gives the shape both sides read.
 */
const NotebookCellSchema = z.looseObject(
  {
    cell_type: z.string({ error: 'must be a string' }),
    source: z
      .union([z.string(), z.array(z.string())], {
        error: 'must be a string or an array of strings',
      })
      .optional(),
    metadata: z.record(z.string(), z.unknown(), { error: 'must be an object' }).optional(),
  },
  { error: 'must be a notebook cell object' },
);

/**
 * An nbformat 4 notebook (other nbformat fields are kept as sent). Saves are also checked against
 * the nbformat schema of their minor version on the server.
 */
export const NotebookStateSchema = z
  .looseObject(
    {
      nbformat: z.literal(4, { error: 'must be 4 (only nbformat 4 notebooks are accepted)' }),
      nbformat_minor: z.number({ error: 'must be an integer of 0 or more' }).optional(),
      metadata: z.record(z.string(), z.unknown(), { error: 'must be an object' }),
      cells: z.array(NotebookCellSchema, { error: 'must be an array of notebook cells' }),
    },
    { error: 'must be an nbformat 4 notebook object with cells, metadata and nbformat' },
  )
  .refine((notebook) => !nestedDeeperThan(notebook, NOTEBOOK_MAX_DEPTH), {
    error: `must not nest objects and arrays more than ${NOTEBOOK_MAX_DEPTH} levels deep`,
  });
export type NotebookState = z.infer<typeof NotebookStateSchema>;

/** Path segments as a reader writes them: `cells[0].source`. */
function pathText(path: PropertyKey[]): string {
  return path
    .map((key, i) =>
      typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`,
    )
    .join('');
}

/** The problems that keep `value` from being a notebook, one line each; empty when it is one. */
export function notebookProblems(value: unknown): string[] {
  const result = NotebookStateSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) =>
    issue.path.length === 0 ? issue.message : `${pathText(issue.path)} ${issue.message}`,
  );
}
