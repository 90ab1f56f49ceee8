import { ApiErrorBodySchema } from '@tutor/shared/api-error';

/** A failed API call: the HTTP status plus the server's `{error: {code, message, fields?}}`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Request fields the server named as invalid (e.g. `["password"]`). */
    readonly fields: string[] = [],
    /** Seconds to wait before retrying, from a 429's Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Status 0: the request never got an answer (offline, server down, CORS). */
export function networkError(): ApiError {
  return new ApiError(
    0,
    'network_error',
    'Could not reach the server. Check your connection and try again.',
  );
}

function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Turns an error response into an ApiError, whatever its body (JSON error, HTML, empty). */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = ApiErrorBodySchema.safeParse(body);
  if (!parsed.success) {
    return new ApiError(
      response.status,
      'http_error',
      `The server answered with an unexpected error (HTTP ${response.status}).`,
      [],
      retryAfter,
    );
  }
  const { code, message, fields } = parsed.data.error;
  const fieldList = Array.isArray(fields)
    ? fields.filter((field): field is string => typeof field === 'string')
    : [];
  return new ApiError(response.status, code, message, fieldList, retryAfter);
}
