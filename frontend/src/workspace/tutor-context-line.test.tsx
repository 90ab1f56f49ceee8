import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { threeExercises } from './exercise-fixtures';
import type { NotebookFocus } from './notebook-bridge';
import { TutorContextLine, describeFocus } from './tutor-context-line';

afterEach(cleanup);

const exerciseCell: NotebookFocus = {
  index: 19,
  cellType: 'code',
  exerciseId: 'm1-ex3-views-pitfall',
  exerciseTitle: 'Exercise 3 · Slices are views (pitfall)',
  lastError: { ename: 'ValueError', index: 19 },
};

describe('describeFocus', () => {
  it('names the exercise, the cell (counted from 1) and the latest error', () => {
    expect(describeFocus(exerciseCell)).toEqual({
      text: 'Exercise 3 · cell 20 · last error: ValueError',
      hint: false,
    });
    expect(describeFocus({ ...exerciseCell, lastError: null }).text).toBe('Exercise 3 · cell 20');
    expect(
      describeFocus({ ...exerciseCell, lastError: { ename: 'NameError', index: 7 } }).text,
    ).toBe('Exercise 3 · cell 20 · last error: NameError (cell 8)');
    expect(
      describeFocus({ ...exerciseCell, exerciseId: null, exerciseTitle: null, lastError: null })
        .text,
    ).toBe('Cell 20');
  });

  it('asks for the exercise cell when the selection is text or nothing', () => {
    expect(
      describeFocus({ ...exerciseCell, index: 0, cellType: 'markdown', exerciseId: null }),
    ).toEqual({
      text: 'Cell 1 is text, not code. Select your exercise’s code cell so the tutor sees your code.',
      hint: true,
    });
    expect(describeFocus({ ...exerciseCell, index: -1, cellType: null }).hint).toBe(true);
  });
});

describe('TutorContextLine', () => {
  it('shows nothing before the notebook reported, then the line', () => {
    const { rerender } = render(<TutorContextLine focus={null} />);
    expect(screen.queryByTestId('tutor-context')).toBeNull();
    rerender(<TutorContextLine focus={exerciseCell} />);
    expect(screen.getByTestId('tutor-context')).toHaveTextContent(
      'Tutor sees: Exercise 3 · cell 20 · last error: ValueError',
    );
  });

  it("shows the selected exercise's check state beside the line", () => {
    const exercise = threeExercises().exercises[1]!;
    render(<TutorContextLine focus={exerciseCell} exercise={exercise} />);
    expect(screen.getByTestId('tutor-context')).toHaveTextContent('Tutor sees: Exercise 3');
    expect(screen.getByTestId('exercise-check')).toHaveTextContent(
      'Check: Not yet corners should have shape (2, 2)',
    );
  });
});
