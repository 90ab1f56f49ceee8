import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { errorsFromApi, formErrorMessage } from './forms';

const fields = ['email', 'username', 'password'] as const;

describe('errorsFromApi', () => {
  it('puts a single-field message next to that field', () => {
    const error = new ApiError(400, 'bad_request', 'Email already registered', ['email']);
    expect(errorsFromApi(error, fields)).toEqual({
      fieldErrors: { email: 'Email already registered' },
      formError: null,
    });
  });

  it('splits "field: message" parts between fields', () => {
    const error = new ApiError(
      400,
      'bad_request',
      'email: Enter a valid email address; password: Password must be at least 8 characters',
      ['email', 'password'],
    );
    expect(errorsFromApi(error, fields)).toEqual({
      fieldErrors: {
        email: 'Enter a valid email address',
        password: 'Password must be at least 8 characters',
      },
      formError: null,
    });
  });

  it('keeps problems with fields the form does not show in the form alert', () => {
    const error = new ApiError(400, 'bad_request', 'maths_level: Maths level must be from 1 to 5', [
      'maths_level',
    ]);
    expect(errorsFromApi(error, fields)).toEqual({
      fieldErrors: {},
      formError: 'maths_level: Maths level must be from 1 to 5',
    });
  });

  it('reports a rate limit with its wait, wrong credentials and network trouble at form level', () => {
    const limited = new ApiError(429, 'too_many_requests', 'Too many requests', [], 17);
    expect(errorsFromApi(limited, fields).formError).toBe(
      'Too many attempts. Try again in 17 seconds.',
    );
    const wrong = new ApiError(401, 'unauthorized', 'Incorrect email or password');
    expect(errorsFromApi(wrong, fields)).toEqual({
      fieldErrors: {},
      formError: 'Incorrect email or password',
    });
    expect(formErrorMessage(new ApiError(0, 'network_error', 'Could not reach the server.'))).toBe(
      'Could not reach the server.',
    );
    expect(formErrorMessage(new ApiError(500, 'internal_error', 'boom'))).toBe(
      'Something went wrong on our side. Please try again.',
    );
  });
});
