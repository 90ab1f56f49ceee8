import type { z } from 'zod';
import { AppError } from './app-error';

/**
 * One line naming each problem and its field: "email: Invalid email address; content is required"
 * (a message that already starts with its field is not prefixed again). HTTP errors and WebSocket
 * frame errors both say it this way.
 */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.');
      return path === '' || issue.message.startsWith(path)
        ? issue.message
        : `${path}: ${issue.message}`;
    })
    .join('; ');
}

/** A client error naming the fields: 400 by default (422 where the spec asks for it). */
export function invalidInput(error: z.ZodError, status: 400 | 422 = 400): AppError {
  return new AppError(
    status,
    status === 400 ? 'bad_request' : 'unprocessable_entity',
    describeZodError(error),
    {},
    { fields: error.issues.map((issue) => issue.path.join('.')) },
  );
}
