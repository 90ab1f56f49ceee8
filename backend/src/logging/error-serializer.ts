// How an error appears in a log line. pino's standard serializer copies every field of an error,
// and errors carry what students wrote: Drizzle's query errors hold the query's parameters (a chat
// message, a notebook, a password hash) in `params` and in their message; PostgreSQL's `detail`
// and `where` quote row values ("Failing row contains (...)", "JSON data, line 1: ..."); PGlite
// adds the statement and its parameters; an AI SDK error holds the whole request body (the prompt
// with the student's message and code). So only an allowlist of fields is kept.

export interface SerializedError {
  type: string;
  message: string;
  /** The first line and the frames (the first line alone when the error has no stack). */
  stack: string;
  cause?: SerializedError;
  /** The errors behind an AggregateError or our AllProvidersFailedError (`causes`). */
  errors?: SerializedError[];
  [field: string]: unknown;
}

/**
 * Scalar fields that describe an error without quoting data: Node's system error fields, HTTP
 * status, PostgreSQL's SQLSTATE and the names of the schema objects involved, our own errors' ids.
 */
const LOGGABLE_FIELDS = [
  'code',
  'errno',
  'syscall',
  'statusCode',
  'isRetryable',
  'severity',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
  'position',
  'providerId',
  'timeoutMs',
] as const;

const MAX_DEPTH = 5;
const MAX_NESTED_ERRORS = 10;

/** Drizzle's "Failed query: <statement>\nparams: <values>" keeps its statement (placeholders only). */
function withoutParameters(message: string): string {
  const at = message.indexOf('\nparams:');
  return at === -1 ? message : `${message.slice(0, at)} (parameters not logged)`;
}

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22) quote the value they could not read
 * (`invalid input syntax for type integer: "..."`); the quoted parts are left out.
 */
function withoutQuotedValues(message: string, code: unknown): string {
  if (typeof code !== 'string' || !/^22[0-9A-Z]{3}$/.test(code)) return message;
  return message.replace(/"(?:[^"]|"")*"/g, '"[not logged]"');
}

/** The stack's frames under a clean first line; lines that are not frames may quote the message. */
function cleanStack(error: Error, header: string): string {
  if (typeof error.stack !== 'string') return header;
  const rest =
    error.message !== '' && error.stack.includes(error.message)
      ? error.stack.slice(error.stack.indexOf(error.message) + error.message.length)
      : error.stack;
  const frames = rest.split('\n').filter((line) => /^\s+at /.test(line));
  return [header, ...frames].join('\n');
}

/** A thrown string or object may be anything, including what a student wrote. */
function serializeNonError(value: unknown): SerializedError {
  const message = '[not an Error: not logged]';
  return { type: value === null ? 'null' : typeof value, message, stack: message };
}

/** The class name for subclasses, otherwise the error's own name. */
function errorType(error: Error): string {
  const constructorName = error.constructor?.name;
  return constructorName && constructorName !== 'Error' ? constructorName : error.name || 'Error';
}

function copyLoggableFields(fields: Record<string, unknown>, result: SerializedError): void {
  for (const field of LOGGABLE_FIELDS) {
    const fieldValue = fields[field];
    if (['string', 'number', 'boolean'].includes(typeof fieldValue)) result[field] = fieldValue;
  }
}

/** `errors` of an AggregateError, or `causes` of our AllProvidersFailedError. */
function nestedErrorsOf(fields: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(fields.errors)) return fields.errors;
  if (Array.isArray(fields.causes)) return fields.causes;
  return undefined;
}

/** The cause first, then the nested errors, each error serialized once. */
function addCauses(
  result: SerializedError,
  fields: Record<string, unknown>,
  depth: number,
  seen: Set<unknown>,
): void {
  const cause = fields.cause;
  if (cause !== undefined && !seen.has(cause)) result.cause = serialize(cause, depth + 1, seen);
  const nested = nestedErrorsOf(fields);
  if (nested) {
    result.errors = nested
      .slice(0, MAX_NESTED_ERRORS)
      .filter((error) => !seen.has(error))
      .map((error) => serialize(error, depth + 1, seen));
  }
}

function serialize(value: unknown, depth: number, seen: Set<unknown>): SerializedError {
  if (!(value instanceof Error)) return serializeNonError(value);
  seen.add(value);
  const type = errorType(value);
  const fields = value as unknown as Record<string, unknown>;
  const message = withoutQuotedValues(withoutParameters(String(value.message)), fields.code);
  const stack = cleanStack(value, `${value.name || type}: ${message}`);
  const result: SerializedError = { type, message, stack };
  copyLoggableFields(fields, result);
  if (depth < MAX_DEPTH) addCauses(result, fields, depth, seen);
  return result;
}

/**
 * The `err` serializer of every logger: type, message, stack frames, the error's code and the
 * PostgreSQL fields that name no data, and the same for its causes. Never parameters, statements'
 * values, row contents or request bodies.
 */
export function serializeError(value: unknown): SerializedError {
  return serialize(value, 0, new Set());
}
