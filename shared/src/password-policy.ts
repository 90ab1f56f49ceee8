/**
 * The password rule without the estimator: what the server and the browser's meter agree on, and
 * what code may import without loading zxcvbn's dictionaries (tens of MB; password-strength.ts).
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
export const L33T_MAX_SUBSTITUTIONS = 20;

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: PasswordScore;
  acceptable: boolean;
  /** "Very weak" to "Very strong", for the meter. */
  label: string;
  /** What is wrong and how to do better, in a sentence or two; null for a good password. */
  advice: string | null;
}

export const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
export const DEFAULT_ADVICE = 'Use a few uncommon words, or a longer phrase.';

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

/** The field error for a password the estimator calls weak. */
export function weakPasswordMessage(label: string, strength: PasswordStrength): string {
  return `${label} is too easy to guess. ${strength.advice ?? DEFAULT_ADVICE}`;
}
