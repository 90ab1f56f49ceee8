import { describe, expect, it } from 'vitest';
import { buildExercise, threeExercises } from './exercise-fixtures';
import { checkMessageText, exerciseStates, passedCountText, withExercise } from './exercise-states';

describe('exercise states', () => {
  it('lists the state of each exercise for the notebook', () => {
    expect(exerciseStates(threeExercises())).toEqual({
      'm1-ex1-create-arrays': 'passed',
      'm1-ex2-indexing-slicing': 'not_yet',
      'm1-ex3-views-pitfall': 'not_tried',
    });
  });

  it('puts in what the server saved and counts again; an unknown exercise is not added', () => {
    const data = threeExercises();
    const saved = buildExercise({
      exercise_id: 'm1-ex2-indexing-slicing',
      title: 'Exercise 2 · Indexing and slicing',
      state: 'passed',
      last_passed: true,
      runs: 2,
    });
    const updated = withExercise(data, saved);
    expect(updated?.passed).toBe(2);
    expect(updated?.total).toBe(3);
    expect(updated?.exercises[1]).toBe(saved);
    expect(updated?.exercises.map((exercise) => exercise.exercise_id)).toEqual(
      data.exercises.map((exercise) => exercise.exercise_id),
    );
    expect(withExercise(data, buildExercise({ exercise_id: 'm9-other' }))).toBeNull();
  });

  it('reads a check line without its marker, and counts in words', () => {
    expect(checkMessageText('❌ Not yet: corners should have shape (2, 2)')).toBe(
      'corners should have shape (2, 2)',
    );
    expect(checkMessageText('✅ Passed: well done')).toBe('well done');
    expect(checkMessageText('✅ Passed')).toBe('');
    expect(checkMessageText('something else')).toBe('something else');
    expect(passedCountText(4, 9)).toBe('4 of 9 exercises passed');
    expect(passedCountText(1, 1)).toBe('1 of 1 exercise passed');
  });
});
