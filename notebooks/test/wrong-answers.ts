// Plausible wrong answers (mostly the pitfalls the exercises are about), by exercise id.
// The tests insert them instead of the reference solution and expect the check to say "not yet":
// this shows the self-checks are not vacuous.
import { WRONG_ANSWERS_M1 } from './wrong-answers/module_01_intro_to_numpy';
import { WRONG_ANSWERS_M2 } from './wrong-answers/module_02_linear_algebra';
import { WRONG_ANSWERS_M3 } from './wrong-answers/module_03_interpolation';

export const WRONG_ANSWERS: Record<string, string[]> = {
  ...WRONG_ANSWERS_M1,
  ...WRONG_ANSWERS_M2,
  ...WRONG_ANSWERS_M3,
};
