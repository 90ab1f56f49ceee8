interface PostgresErrorFields {
  code?: unknown;
  constraint?: unknown;
  cause?: unknown;
}

/** The PostgreSQL error under Drizzle's wrapper (node-postgres and PGlite both carry code). */
function postgresError(error: unknown): PostgresErrorFields | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const fields = current as PostgresErrorFields;
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) return fields;
    current = fields.cause;
  }
  return undefined;
}

/** The SQLSTATE of a database error (e.g. '23503'), or undefined for any other error. */
export function sqlState(error: unknown): string | undefined {
  return postgresError(error)?.code as string | undefined;
}

/** The constraint a violation of `code` (23505 unique, 23503 foreign key) broke, if any. */
export function violatedConstraint(error: unknown, code: string): string | undefined {
  const fields = postgresError(error);
  if (fields?.code !== code) return undefined;
  return typeof fields.constraint === 'string' ? fields.constraint : '';
}

/** The constraint a unique violation (23505) broke, or undefined for any other error. */
export function uniqueViolationConstraint(error: unknown): string | undefined {
  return violatedConstraint(error, '23505');
}

/**
 * Drizzle's query errors quote the query parameters in their message, which for user writes
 * include the password hash. This replaces such an error with one that names only the SQLSTATE,
 * so a 500's log line never carries the hash.
 */
export function withoutParameters(error: unknown, what: string): Error {
  const code = sqlState(error);
  return new Error(`${what} failed${code ? ` (SQLSTATE ${code})` : ''}`);
}
