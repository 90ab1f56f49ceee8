import { z } from 'zod';

/** Every REST error response: `{error: {code, message}}` (plus optional details). */
export const ApiErrorBodySchema = z.object({
  error: z.looseObject({ code: z.string(), message: z.string() }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
