// Nothing the browser gets may give an exercise's answer away: the served notebooks are compared
// with the server-only solutions of notebooks/tutor/*.json, line by line and as code shapes.
import { describe, expect, it } from 'vitest';
import {
  type Notebook,
  cellsOf,
  exerciseIds,
  notebookFiles,
  readNotebook,
  readTutor,
  role,
  sourceOf,
} from './notebook-tools';
import { codeShapes, commentsOf, meaningfulLines, normaliseLine } from './python-tokens';

const files = notebookFiles();

/**
 * What the student is given to start from anyway: the prompt, starter and placeholder cells of
 * every exercise (a common first line such as `x = np.asarray(x, dtype=float)` may be given in one
 * exercise and belong to another's solution). The checks cell and the lessons are what is searched.
 */
function givenLines(nb: Notebook): Set<string> {
  const given = exerciseIds(nb).flatMap((exercise) =>
    (['prompt', 'starter', 'solution'] as const).flatMap((r) =>
      cellsOf(nb, exercise, r).flatMap((cell) => sourceOf(cell).split('\n')),
    ),
  );
  return new Set(given.map(normaliseLine));
}

describe.each(files)('%s gives no answer away', (file) => {
  const nb = readNotebook(file);
  const tutor = readTutor(file);
  const served = nb.cells.map((cell) => ({ id: cell.id, text: sourceOf(cell) }));
  const servedLines = served.flatMap(({ id, text }) =>
    text.split('\n').map((line) => ({ id, line: normaliseLine(line) })),
  );

  it('covers every exercise of the notebook', () => {
    expect(tutor.exercises.map((e) => e.id)).toEqual(exerciseIds(nb));
  });

  it.each(tutor.exercises.map((e) => [e.id, e] as const))(
    '%s: no line of the solution is in the notebook',
    (_id, exercise) => {
      const given = givenLines(nb);
      const leaks = meaningfulLines(exercise.solution)
        .filter((line) => !given.has(line))
        .flatMap((line) =>
          servedLines.filter((s) => s.line === line).map((s) => `cell ${s.id}: ${line}`),
        );
      expect(leaks).toEqual([]);
    },
  );

  it.each(tutor.exercises.map((e) => [e.id, e] as const))(
    '%s: no comment spells out a line of the solution (placeholders included)',
    (_id, exercise) => {
      const solution = new Set(meaningfulLines(exercise.solution));
      // Starters may show the broken code the exercise is about, commented out.
      const starters = new Set(
        nb.cells.filter((cell) => role(cell) === 'starter').map((c) => c.id),
      );
      const leaks = served
        .filter(({ id }) => !starters.has(id))
        .flatMap(({ id, text }) =>
          commentsOf(text)
            .filter((comment) => solution.has(normaliseLine(comment)))
            .map((comment) => `cell ${id}: # ${comment.trim()}`),
        );
      expect(leaks).toEqual([]);
    },
  );

  it.each(tutor.exercises.map((e) => [e.id, e] as const))(
    '%s: no reference implementation in the self-checks (same code with other names)',
    (id, exercise) => {
      const given = new Set(
        (['prompt', 'starter', 'solution'] as const).flatMap((r) =>
          cellsOf(nb, id, r).flatMap((cell) => [...codeShapes(sourceOf(cell))]),
        ),
      );
      const solutionShapes = [...codeShapes(exercise.solution)].filter((s) => !given.has(s));
      const checks = nb.cells.filter((cell) => role(cell) === 'checks').map(sourceOf);
      const checkShapes = new Set(checks.flatMap((src) => [...codeShapes(src)]));
      expect(solutionShapes.filter((shape) => checkShapes.has(shape))).toEqual([]);
    },
  );
});
