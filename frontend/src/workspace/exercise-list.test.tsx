import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { buildExercise, buildModuleExercises, threeExercises } from './exercise-fixtures';
import { ExerciseCheckLine, ExerciseSummary } from './exercise-list';

afterEach(cleanup);

describe('ExerciseSummary', () => {
  it('says how many passed, and opens onto each exercise and its state', async () => {
    const user = userEvent.setup();
    render(<ExerciseSummary exercises={threeExercises()} currentId="m1-ex2-indexing-slicing" />);
    const summary = screen.getByText(/Exercises: 1 of 3 exercises passed/).closest('summary')!;
    expect(summary).toHaveTextContent('checked in your browser');
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);

    // A summary is a native disclosure: Enter and Space open it in browsers (jsdom: a click).
    await user.click(summary);
    expect(details.open).toBe(true);
    const items = within(screen.getByRole('list', { name: 'Exercises' })).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('[data-state]')?.textContent)).toEqual([
      '✓ Passed',
      'Not yet',
      'Not tried',
    ]);
    // The exercise of the selected cell is marked, with what its check last said.
    expect(items[1]).toHaveAttribute('aria-current', 'step');
    expect(items[1]).toHaveTextContent('Exercise 2 · Indexing and slicing (selected)');
    expect(items[1]).toHaveTextContent('corners should have shape (2, 2)');
    expect(items[0]).not.toHaveAttribute('aria-current');
  });

  it('is not there for a module without exercises', () => {
    const { container } = render(
      <ExerciseSummary exercises={buildModuleExercises([])} currentId={null} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

describe('ExerciseCheckLine', () => {
  it("shows the exercise's state, and what a check that has not passed said", () => {
    const [passed, notYet, notTried] = threeExercises().exercises;
    const { rerender } = render(<ExerciseCheckLine exercise={notYet!} />);
    expect(screen.getByTestId('exercise-check')).toHaveTextContent(
      'Check: Not yet corners should have shape (2, 2)',
    );
    rerender(<ExerciseCheckLine exercise={passed!} />);
    expect(screen.getByTestId('exercise-check')).toHaveTextContent(/^Check: ✓ Passed$/);
    rerender(<ExerciseCheckLine exercise={notTried!} />);
    expect(screen.getByTestId('exercise-check')).toHaveTextContent(/^Check: Not tried$/);
    // Passed once, and the latest run did not: it stays passed, and says so.
    rerender(
      <ExerciseCheckLine
        exercise={buildExercise({
          state: 'passed',
          last_passed: false,
          last_message: '❌ Not yet: evens is empty',
        })}
      />,
    );
    expect(screen.getByTestId('exercise-check')).toHaveTextContent(
      'Check: ✓ Passed latest run: evens is empty',
    );
  });
});
