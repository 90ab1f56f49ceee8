// Validation declared on routes: `schema: { params: zodSchema(Schema, 422) }` instead of parsing
// inside handlers. Fastify runs it after `onRequest` (where authentication is) and before the
// handler, which then reads the parsed value.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { invalidInput } from './validation';

/** A zod schema for one part of a request, and the status a failure answers. */
export interface RouteSchema<Schema extends z.ZodType = z.ZodType> {
  zod: Schema;
  invalidStatus: 400 | 422;
}

export const zodSchema = <Schema extends z.ZodType>(
  zod: Schema,
  invalidStatus: 400 | 422 = 400,
): RouteSchema<Schema> => ({ zod, invalidStatus });

/**
 * Makes every route schema of the app a RouteSchema. A failure is an AppError, which Fastify
 * passes to the error handler as it is: `{error: {code, message, fields}}`. A missing body is
 * validated as `{}`, so it gets the field-by-field message.
 */
export function useZodRouteSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const { zod, invalidStatus } = schema as unknown as RouteSchema;
    return (data) => {
      const result = zod.safeParse(httpPart === 'body' ? (data ?? {}) : data);
      return result.success
        ? { value: result.data }
        : { error: invalidInput(result.error, invalidStatus) };
    };
  });
}
