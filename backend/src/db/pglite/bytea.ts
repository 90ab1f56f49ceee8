// bytea crosses the worker boundary as PostgreSQL's hex text (`\x0a1b...`), encoded and decoded
// here with Buffer's native hex codec. PGlite's own codec runs on the worker's thread, which serves
// every statement in turn, a byte at a time in JavaScript (a session's context embedding is 4.4 kB,
// read and written on every turn).

/** PostgreSQL's oid of bytea. */
export const BYTEA_OID = 17;

export const byteaFromText = (text: string): Buffer => Buffer.from(text.slice(2), 'hex');

/** A parameter as the worker sends it: bytes as hex text, anything else as it is. */
export function byteaParam(value: unknown): unknown {
  if (!(value instanceof Uint8Array)) return value;
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
}
