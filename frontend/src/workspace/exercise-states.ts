import {
  CHECK_NOT_YET_MARKER,
  CHECK_PASSED_MARKER,
  type ExerciseProgressOut,
  type ExerciseState,
  type ModuleExercisesOut,
} from '@tutor/shared/exercise-progress';

export type { ExerciseProgressOut, ExerciseState, ModuleExercisesOut };

/** The module's exercises keyed by user: each student's check states are cached apart. */
export const moduleExercisesKey = (userId: string | null, moduleId: string) =>
  ['module-exercises', userId, moduleId] as const;

/** What the notebook shows beside each prompt cell (`setExerciseStates`). */
export function exerciseStates(data: ModuleExercisesOut): Record<string, ExerciseState> {
  return Object.fromEntries(
    data.exercises.map((exercise) => [exercise.exercise_id, exercise.state]),
  );
}

/** The module's exercises with one of them as the server now has it (null if it has no such one). */
export function withExercise(
  data: ModuleExercisesOut,
  item: ExerciseProgressOut,
): ModuleExercisesOut | null {
  if (!data.exercises.some((exercise) => exercise.exercise_id === item.exercise_id)) return null;
  const exercises = data.exercises.map((exercise) =>
    exercise.exercise_id === item.exercise_id ? item : exercise,
  );
  const passed = exercises.filter((exercise) => exercise.state === 'passed').length;
  return { ...data, exercises, passed };
}

const MARKER = new RegExp(
  `^(?:${CHECK_PASSED_MARKER}|${CHECK_NOT_YET_MARKER})\\s*[:·—–-]?\\s*`,
  'u',
);

/** A check's printed line without its marker: "zeros_3x4 has shape (3,)" from "❌ Not yet: …". */
export function checkMessageText(message: string): string {
  return message.replace(MARKER, '').trim();
}

/** "4 of 9 exercises passed". */
export function passedCountText(passed: number, total: number): string {
  return `${passed} of ${total} ${total === 1 ? 'exercise' : 'exercises'} passed`;
}
