import { ApiError } from '../api/api-error';

/** The server's message (written for people), else `fallback`. */
export function errorMessage(error: unknown, fallback = 'That did not work. Try again.'): string {
  return error instanceof ApiError ? error.message : fallback;
}

/** A class that is not ours or does not exist: the server answers 404 (or 422 for a bad id). */
export function isMissing(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 422);
}
