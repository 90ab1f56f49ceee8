import { Writable } from 'node:stream';
import { APICallError } from 'ai';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AllProvidersFailedError } from '../ai/types';
import { deserializeError, serializeError as serializeForWorker } from '../db/pglite/protocol';
import { loadEnv } from '../config/env';
import { serializeError } from './error-serializer';
import { loggerOptions } from './logger';

const SECRET = 'What is my password? hunter2';

/** A PostgreSQL error as node-postgres builds it (its fields are those of the server's message). */
function pgError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message)), { name: 'error', ...fields });
}

/** One line logged by a logger with the app's options. */
function logLine(object: object): string {
  let line = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      line += String(chunk);
      done();
    },
  });
  const options = loggerOptions(loadEnv({ LOG_LEVEL: 'info', LOG_PRETTY: 'false' })) as object;
  pino(options, stream).error(object, 'failed');
  return line;
}

describe('serializeError', () => {
  it("keeps a failed query's statement and SQLSTATE, never its parameters or the row (node-postgres)", () => {
    const cause = pgError({
      message: 'new row for relation "chat_messages" violates check constraint "c"',
      code: '23514',
      severity: 'ERROR',
      table: 'chat_messages',
      constraint: 'c',
      detail: `Failing row contains (1, ${SECRET}).`,
      where: `JSON data, line 1: ${SECRET}`,
      internalQuery: SECRET,
    });
    const error = new DrizzleQueryError('insert into "chat_messages" values ($1)', [SECRET], cause);

    const serialized = serializeError(error);
    expect(serialized).toEqual({
      type: 'DrizzleQueryError',
      message: 'Failed query: insert into "chat_messages" values ($1) (parameters not logged)',
      stack: expect.stringMatching(
        /^Error: Failed query: insert into "chat_messages" values \(\$1\) \(parameters not logged\)\n {4}at /,
      ),
      cause: {
        type: 'error',
        message: 'new row for relation "chat_messages" violates check constraint "c"',
        stack: expect.any(String),
        code: '23514',
        severity: 'ERROR',
        table: 'chat_messages',
        constraint: 'c',
      },
    });
    expect(JSON.stringify(serialized)).not.toContain('hunter2');
    expect(logLine({ err: error })).not.toContain('hunter2');
  });

  it('keeps the parameters of a PGlite error (crossed from its worker) out too', () => {
    const fromWorker = deserializeError(
      serializeForWorker(
        Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
          code: '22021',
          query: 'insert into chat_messages (content) values ($1)',
          params: [SECRET],
        }),
      ),
    );
    const error = new DrizzleQueryError(
      'insert into chat_messages (content) values ($1)',
      [`${SECRET}\u0000`],
      fromWorker,
    );
    const line = logLine({ err: error });
    expect(line).not.toContain('hunter2');
    expect(JSON.parse(line).err.cause).toMatchObject({ type: 'DatabaseError', code: '22021' });
  });

  it('leaves out the values PostgreSQL quotes in a data exception (class 22)', () => {
    const error = pgError({
      message: `invalid input syntax for type integer: "${SECRET}"`,
      code: '22P02',
    });
    expect(serializeError(error).message).toBe(
      'invalid input syntax for type integer: "[not logged]"',
    );
    expect(serializeError(error).stack).not.toContain('hunter2');
  });

  it("keeps an AI vendor's request body (the prompt) out of a failover's log line", () => {
    const vendor = new APICallError({
      message: 'Bad Request',
      url: 'https://api.example.com/v1/messages',
      requestBodyValues: { messages: [{ role: 'user', content: SECRET }] },
      statusCode: 400,
      responseBody: `{"error": "could not read ${SECRET}"}`,
    });
    const error = new AllProvidersFailedError([vendor, 'a thrown string']);
    const serialized = serializeError(error);
    expect(serialized).toMatchObject({
      type: 'AllProvidersFailedError',
      errors: [
        { type: 'APICallError', message: 'Bad Request', statusCode: 400, isRetryable: false },
        { type: 'string', message: '[not an Error: not logged]' },
      ],
    });
    expect(logLine({ err: error })).not.toContain('hunter2');
  });

  it('survives a cycle of causes', () => {
    const first = new Error('first');
    const second = new Error('second', { cause: first });
    (first as { cause?: unknown }).cause = second;
    expect(serializeError(second)).toMatchObject({
      message: 'second',
      cause: { message: 'first' },
    });
  });
});
