import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';
import {
  DEFAULT_ADVICE,
  L33T_MAX_SUBSTITUTIONS,
  LABELS,
  MIN_PASSWORD_SCORE,
  type PasswordScore,
  type PasswordStrength,
  STRENGTH_CHECKED_LENGTH,
} from './password-policy';

/**
 * How guessable a new password is, estimated by zxcvbn-ts with its common-password and English
 * dictionaries (installed from npm; nothing is fetched at run time). The server refuses what the
 * browser's meter calls weak, with the same rule and words. Both load this module only when a
 * password is being chosen (its dictionaries take about 35 MB): the browser lazily, the server in
 * a worker thread that ends when idle (backend/src/auth/password-strength/).
 */

export * from './password-policy';

let estimator: ZxcvbnFactory | undefined;

function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    translations,
    maxLength: STRENGTH_CHECKED_LENGTH,
    l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
  });
  return estimator;
}

/** Builds the dictionaries now (a second or so) rather than during the first check. */
export function preparePasswordStrength(): void {
  getEstimator();
}

export function passwordStrength(
  password: string,
  personal: readonly string[] = [],
): PasswordStrength {
  const result = getEstimator().check(password, [...personal]);
  const score = result.score as PasswordScore;
  const acceptable = score >= MIN_PASSWORD_SCORE;
  const { warning, suggestions } = result.feedback;
  const sentences = [warning, ...suggestions].filter((text): text is string => Boolean(text));
  return {
    score,
    acceptable,
    label: LABELS[score],
    advice: acceptable ? null : sentences.join(' ') || DEFAULT_ADVICE,
  };
}

