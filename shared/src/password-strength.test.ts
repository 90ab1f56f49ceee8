import { describe, expect, it } from 'vitest';
import {
  MIN_PASSWORD_SCORE,
  passwordStrength,
  personalWords,
  STRENGTH_CHECKED_LENGTH,
  weakPasswordMessage,
} from './password-strength';

describe('passwordStrength', () => {
  it.each([
    '12345678',
    'password',
    'p@55w0rd',
    'P4ssw0rd!',
    'qwertyuiop',
    'whatever123',
    'long enough',
  ])('calls %j too easy to guess, and says why', (password) => {
    const strength = passwordStrength(password);
    expect(strength.acceptable).toBe(false);
    expect(strength.score).toBeLessThan(MIN_PASSWORD_SCORE);
    expect(strength.advice).toMatch(/\w+/);
  });

  it.each(['correct horse battery', 'Gauss-Seidel-iterates-7', 'purple monkey dishwasher'])(
    'accepts %j',
    (password) => {
      const strength = passwordStrength(password);
      expect(strength).toMatchObject({ acceptable: true, advice: null });
      expect(strength.label).toMatch(/Strong|Very strong/);
    },
  );

  it('counts the account’s own email and username as guessable', () => {
    const password = 'zorblax.quintrel';
    expect(passwordStrength(password).acceptable).toBe(true);
    const personal = personalWords('zorblax.quintrel@example.com', 'zorblax_quintrel');
    expect(passwordStrength(password, personal).acceptable).toBe(false);
  });

  it(`judges only the first ${STRENGTH_CHECKED_LENGTH} characters`, () => {
    const weakStart = '1'.repeat(STRENGTH_CHECKED_LENGTH);
    expect(passwordStrength(`${weakStart}Gauss-Seidel-iterates-7`).acceptable).toBe(false);
    expect(passwordStrength(`Gauss-Seidel-iterates-7 ${weakStart}`).acceptable).toBe(true);
  });

  it('words the field error with the label and the advice', () => {
    expect(weakPasswordMessage('New password', passwordStrength('password'))).toBe(
      'New password is too easy to guess. This is a heavily used password. Add more words that are less common.',
    );
  });
});

describe('personalWords', () => {
  it('takes the email, its local part, the username and their longer parts, in lower case', () => {
    expect(personalWords('Ada.Lovelace@Example.com', 'ada_l')).toEqual([
      'ada.lovelace@example.com',
      'ada.lovelace',
      'ada',
      'lovelace',
      'ada_l',
    ]);
  });
});
