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

/** The constraint a unique violation (23505) broke, or undefined for any other error. */
export function uniqueViolationConstraint(error: unknown): string | undefined {
  const fields = postgresError(error);
  if (fields?.code !== '23505') return undefined;
  return typeof fields.constraint === 'string' ? fields.constraint : '';
}

/**
 * Drizzle's query errors quote the query parameters in their message, which for user writes
 * include the password hash. This replaces such an error with one that names only the SQLSTATE,
 * so a 500's log line never carries the hash.
 */
export function withoutParameters(error: unknown, what: string): Error {
  const code = postgresError(error)?.code;
  return new Error(`${what} failed${typeof code === 'string' ? ` (SQLSTATE ${code})` : ''}`);
}
