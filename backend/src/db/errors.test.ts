import { describe, expect, it } from 'vitest';
import { uniqueViolationConstraint, withoutParameters } from './errors';

/** Drizzle wraps the driver's error, quoting the query and its parameters in the message. */
function drizzleError(cause: object) {
  return Object.assign(
    new Error('Failed query: insert into "users" ...\nparams: a@b.c,$argon2id$v=19$secret'),
    {
      cause,
    },
  );
}

describe('uniqueViolationConstraint', () => {
  it('finds the constraint of a unique violation under the wrapper', () => {
    const error = drizzleError({ code: '23505', constraint: 'users_email_unique' });
    expect(uniqueViolationConstraint(error)).toBe('users_email_unique');
  });

  it('answers an empty name when the driver gives none, and undefined for other errors', () => {
    expect(uniqueViolationConstraint(drizzleError({ code: '23505' }))).toBe('');
    expect(
      uniqueViolationConstraint(drizzleError({ code: '23503', constraint: 'fk' })),
    ).toBeUndefined();
    expect(uniqueViolationConstraint(new Error('boom'))).toBeUndefined();
    expect(uniqueViolationConstraint(undefined)).toBeUndefined();
  });
});

describe('withoutParameters', () => {
  it('keeps the SQLSTATE and drops the message that quotes the password hash', () => {
    const clean = withoutParameters(drizzleError({ code: '57014' }), 'Creating the user');
    expect(clean.message).toBe('Creating the user failed (SQLSTATE 57014)');
    expect(JSON.stringify({ ...clean, message: clean.message, stack: clean.stack })).not.toContain(
      'argon2id',
    );
    expect(clean.cause).toBeUndefined();
  });
});
