/** An error with an HTTP status and a stable code, safe to show to the client. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new AppError(400, 'bad_request', message, {}, details);
export const unauthorized = (message = 'Not authenticated') =>
  new AppError(401, 'unauthorized', message, { 'www-authenticate': 'Bearer' });
export const forbidden = (message = 'Not allowed') => new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found') => new AppError(404, 'not_found', message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError(409, 'conflict', message, {}, details);
export const payloadTooLarge = (message: string) => new AppError(413, 'payload_too_large', message);
export const unprocessable = (message: string, details?: Record<string, unknown>) =>
  new AppError(422, 'unprocessable_entity', message, {}, details);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(
    429,
    'too_many_requests',
    `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
    { 'retry-after': String(retryAfterSeconds) },
  );
export const serviceUnavailable = (message: string) =>
  new AppError(503, 'service_unavailable', message);
