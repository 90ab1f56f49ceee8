import type { ExerciseProgressOut, ModuleExercisesOut } from './exercise-states';

/** An exercise as the server answers it; override what the test needs. */
export function buildExercise(overrides: Partial<ExerciseProgressOut> = {}): ExerciseProgressOut {
  return {
    exercise_id: 'm1-ex1-create-arrays',
    title: 'Exercise 1 · Creating arrays',
    state: 'not_tried',
    last_passed: null,
    last_message: null,
    runs: 0,
    first_run_at: null,
    last_run_at: null,
    passed_at: null,
    highest_hint_level: 0,
    tutor_answers: 0,
    ...overrides,
  };
}

/** A module's exercises with the counts that go with them. */
export function buildModuleExercises(
  exercises: ExerciseProgressOut[],
  moduleId = 'a3c1e7d2-5b4f-4e8a-9c1d-2f3e4a5b6c7d',
): ModuleExercisesOut {
  return {
    module_id: moduleId,
    exercises,
    passed: exercises.filter((exercise) => exercise.state === 'passed').length,
    total: exercises.length,
    self_reported: true,
  };
}

/** Three exercises: one passed, one not yet (with its check's line), one not tried. */
export function threeExercises(): ModuleExercisesOut {
  return buildModuleExercises([
    buildExercise({
      state: 'passed',
      last_passed: true,
      last_message: '✅ Passed: all three arrays are right',
      runs: 2,
    }),
    buildExercise({
      exercise_id: 'm1-ex2-indexing-slicing',
      title: 'Exercise 2 · Indexing and slicing',
      state: 'not_yet',
      last_passed: false,
      last_message: '❌ Not yet: corners should have shape (2, 2)',
      runs: 1,
    }),
    buildExercise({
      exercise_id: 'm1-ex3-views-pitfall',
      title: 'Exercise 3 · Slices are views (pitfall)',
    }),
  ]);
}
