import type { z } from 'zod';
import { ApiError } from '../api/api-error';

/** One message per field, shown next to that field. */
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/** The first zod issue of each top-level field, keeping only the fields a form shows. */
export function fieldErrorsFromZod<Field extends string>(
  error: z.ZodError,
  fields: readonly Field[],
): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !fields.includes(field as Field)) continue;
    errors[field as Field] ??= issue.message;
  }
  return errors;
}

/** A message for the whole form: rate limits, network trouble, anything not tied to a field. */
export function formErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.retryAfterSeconds !== undefined
        ? `Too many attempts. Try again in ${error.retryAfterSeconds} seconds.`
        : 'Too many attempts. Try again in a minute.';
    }
    if (error.status >= 500) return 'Something went wrong on our side. Please try again.';
    return error.message;
  }
  return 'Something unexpected went wrong. Please try again.';
}

/**
 * Splits a server error into messages next to the form's fields and, for the rest, one
 * form-level message. The server names invalid fields in `fields` and writes one
 * "field: message" part per problem, separated by "; ".
 */
export function errorsFromApi<Field extends string>(
  error: unknown,
  fields: readonly Field[],
): { fieldErrors: FieldErrors<Field>; formError: string | null } {
  const fieldErrors: FieldErrors<Field> = {};
  if (!(error instanceof ApiError) || error.fields.length === 0 || error.status >= 500) {
    return { fieldErrors, formError: formErrorMessage(error) };
  }
  const parts = error.message.split('; ');
  let unmatched = false;
  for (const field of error.fields) {
    if (!fields.includes(field as Field)) {
      unmatched = true;
      continue;
    }
    const part = parts.find((candidate) => candidate.startsWith(`${field}: `));
    const message = part
      ? part.slice(field.length + 2)
      : error.fields.length === 1
        ? error.message
        : undefined;
    if (message === undefined) unmatched = true;
    else fieldErrors[field as Field] ??= message;
  }
  return { fieldErrors, formError: unmatched ? error.message : null };
}

/** The first field of `order` that has an error. */
export function firstInvalidField<Field extends string>(
  errors: FieldErrors<Field>,
  order: readonly Field[],
): Field | undefined {
  return order.find((field) => errors[field] !== undefined);
}

/** What a form's validator returns: the request to send, or messages for the fields. */
export type ValidationResult<Request, Field extends string> =
  { ok: true; data: Request } | { ok: false; errors: FieldErrors<Field> };
