import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

/**
 * How guessable a new password is, estimated by zxcvbn-ts with its common-password and English
 * dictionaries (installed from npm; nothing is fetched at run time). The server refuses what the
 * browser's meter calls weak, with the same rule and words: the browser loads this module lazily
 * (its dictionaries are large), the server once, at start.
 */

/**
 * zxcvbn's score 3, "safely unguessable": about 10^10 guesses, beyond an offline attack on a slow
 * hash. Score 2 still lets "new-password" and "long enough" through.
 */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Only the first characters are estimated: zxcvbn's time grows quickly with length (seconds for a
 * 128-character repetition), and a password whose first 32 characters are hard to guess is.
 */
export const STRENGTH_CHECKED_LENGTH = 32;

/**
 * Fewer l33t readings than zxcvbn's 100: a 32-character mix of digits and symbols took 0.6 s to
 * check with 100 and 0.09 s with 20, which still reads "p@55w0rd" and "P4ssw0rd!" as "password".
 */
const L33T_MAX_SUBSTITUTIONS = 20;

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: PasswordScore;
  acceptable: boolean;
  /** "Very weak" to "Very strong", for the meter. */
  label: string;
  /** What is wrong and how to do better, in a sentence or two; null for a good password. */
  advice: string | null;
}

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
const DEFAULT_ADVICE = 'Use a few uncommon words, or a longer phrase.';

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

/**
 * Words of the account a password must not lean on: the email, its local part and the username
 * (split on separators too, so "ada.lovelace@…" gives "ada" and "lovelace").
 */
export function personalWords(...values: (string | undefined)[]): string[] {
  const words = new Set<string>();
  for (const value of values) {
    const text = value?.trim().toLowerCase();
    if (!text) continue;
    words.add(text);
    const local = text.split('@')[0]!;
    words.add(local);
    for (const part of local.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
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

/** The field error for a password the estimator calls weak. */
export function weakPasswordMessage(label: string, strength: PasswordStrength): string {
  return `${label} is too easy to guess. ${strength.advice ?? DEFAULT_ADVICE}`;
}
