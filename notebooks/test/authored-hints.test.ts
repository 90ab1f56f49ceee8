// The authored hints keep the ladder: levels 1-3 carry no line or key expression of the solution
// (functions and steps in words), level 4 leaves real work to the student. The same judge checks
// the tutor's answers (backend/src/pedagogy/solution-leak.ts).
import { describe, expect, it } from 'vitest';
import { solutionJudge } from '../../backend/src/pedagogy/solution-leak';
import { cellsOf, notebookFiles, readNotebook, readTutor, sourceOf } from './notebook-tools';

describe.each(notebookFiles())('%s: authored hints', (file) => {
  const nb = readNotebook(file);
  const tutor = readTutor(file);
  it.each(tutor.exercises.map((e) => [e.id, e] as const))(
    '%s: no hint gives the solution away',
    (id, exercise) => {
      const given = (['prompt', 'starter', 'solution'] as const).flatMap((role) =>
        cellsOf(nb, id, role).map(sourceOf),
      );
      const judge = solutionJudge(exercise.solution, given);
      const leaks = exercise.hints.flatMap((hint, index) =>
        judge.leaks(hint, index + 1).map((leak) => `hint ${index + 1}: ${leak.kind} ${leak.found}`),
      );
      expect(leaks).toEqual([]);
    },
  );
});
