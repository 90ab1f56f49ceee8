import { HINT_LEVEL_MAX, HINT_LEVEL_MIN } from '@tutor/shared/courses';

/** What each highest hint level allows, in the words the policy form and the notices use. */
const levelWords: Record<number, string> = {
  1: 'guiding questions only',
  2: 'up to explaining the concept',
  3: 'up to the structure of a solution',
  4: 'up to a worked example, never a full solution',
  5: 'up to a full solution (no limit)',
};

export const HINT_LEVELS: number[] = Array.from(
  { length: HINT_LEVEL_MAX - HINT_LEVEL_MIN + 1 },
  (_, index) => HINT_LEVEL_MIN + index,
);

/** "4: up to a worked example, never a full solution". */
export function hintLevelLabel(level: number): string {
  return `${level}: ${levelWords[level] ?? ''}`;
}
