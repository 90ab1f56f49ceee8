import { describe, expect, it } from 'vitest';
import {
  PASSWORDS_DIFFER,
  REPEAT_PASSWORD,
  validateLoginForm,
  validatePasswordChangeForm,
  validateProfileForm,
  validateRegisterForm,
  type RegisterFormValues,
} from './validation';

const valid: RegisterFormValues = {
  email: '  Ada@Example.COM ',
  username: 'ada lovelace',
  password: 'analytical-engine',
  confirm_password: 'analytical-engine',
  programming_level: 2,
  maths_level: 5,
};

describe('validateRegisterForm', () => {
  it('accepts a valid form and normalises the email', () => {
    const result = validateRegisterForm(valid);
    expect(result).toEqual({
      ok: true,
      data: {
        email: 'ada@example.com',
        username: 'ada lovelace',
        password: 'analytical-engine',
        programming_level: 2,
        maths_level: 5,
      },
    });
  });

  it('names every problem next to its field', () => {
    const result = validateRegisterForm({
      email: 'not-an-email',
      username: 'ab',
      password: 'short',
      confirm_password: 'shorter',
      programming_level: 0,
      maths_level: 6,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      email: 'Enter a valid email address',
      username: 'Username must be at least 3 characters',
      password: 'Password must be at least 8 characters',
      confirm_password: PASSWORDS_DIFFER,
      programming_level: 'Programming level must be from 1 to 5',
      maths_level: 'Maths level must be from 1 to 5',
    });
  });

  it('rejects a 51-character username and a 129-character password', () => {
    const long = 'x'.repeat(129);
    const result = validateRegisterForm({
      ...valid,
      username: 'u'.repeat(51),
      password: long,
      confirm_password: long,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.username).toBe('Username must be at most 50 characters');
    expect(result.errors.password).toBe('Password must be at most 128 characters');
    expect(result.errors.confirm_password).toBeUndefined();
  });

  it('asks for the repeated password when it is empty, and reports a mismatch alone', () => {
    const empty = validateRegisterForm({ ...valid, confirm_password: '' });
    expect(empty).toEqual({ ok: false, errors: { confirm_password: REPEAT_PASSWORD } });
    const mismatch = validateRegisterForm({ ...valid, confirm_password: 'analytical-engine!' });
    expect(mismatch).toEqual({ ok: false, errors: { confirm_password: PASSWORDS_DIFFER } });
  });
});

describe('validateLoginForm', () => {
  it('requires an email and a password', () => {
    expect(validateLoginForm({ email: '', password: '' })).toEqual({
      ok: false,
      errors: { email: 'Enter a valid email address', password: 'Password is required' },
    });
    expect(validateLoginForm({ email: 'a@b.co', password: 'x' })).toEqual({
      ok: true,
      data: { email: 'a@b.co', password: 'x' },
    });
  });
});

describe('validateProfileForm', () => {
  it('checks the username and levels', () => {
    expect(validateProfileForm({ username: '  ', programming_level: 3, maths_level: 3 })).toEqual({
      ok: false,
      errors: { username: 'Username must be at least 3 characters' },
    });
    expect(
      validateProfileForm({ username: ' Ada ', programming_level: 1, maths_level: 5 }),
    ).toEqual({
      ok: true,
      data: { username: 'Ada', programming_level: 1, maths_level: 5 },
    });
  });
});

describe('validatePasswordChangeForm', () => {
  it('requires the current password, a long enough new one, repeated', () => {
    expect(
      validatePasswordChangeForm({
        current_password: '',
        new_password: 'short',
        confirm_password: 'short',
      }),
    ).toEqual({
      ok: false,
      errors: {
        current_password: 'Current password is required',
        new_password: 'New password must be at least 8 characters',
      },
    });
    expect(
      validatePasswordChangeForm({
        current_password: 'old-password',
        new_password: 'new-password',
        confirm_password: 'new-passwort',
      }),
    ).toEqual({ ok: false, errors: { confirm_password: PASSWORDS_DIFFER } });
  });
});
