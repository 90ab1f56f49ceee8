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

/**
 * Validates an input at the edge. A failure becomes a client error naming the fields;
 * the status is 400 by default (422 where the spec asks for it).
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  status: 400 | 422 = 400,
): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError(
    status,
    status === 400 ? 'bad_request' : 'unprocessable_entity',
    describeZodError(result.error),
    {},
    { fields: result.error.issues.map((issue) => issue.path.join('.')) },
  );
}
