// An embedding stored as bytea: its numbers as 4-byte big-endian floats, as PostgreSQL's float4send
// writes them. A session's context embedding (~1100 numbers, read and written on every turn) as
// real[] cost PostgreSQL a float-to-text conversion per number on every read and a parse per
// number on every write; on PGlite that ran on the one thread that serves every statement.
import { customType } from 'drizzle-orm/pg-core';

export function vectorBytes(values: readonly number[]): Buffer {
  const bytes = Buffer.allocUnsafe(values.length * 4);
  values.forEach((value, index) => bytes.writeFloatBE(value, index * 4));
  return bytes;
}

export function vectorFromBytes(bytes: Uint8Array): number[] {
  if (bytes.byteLength % 4 !== 0) throw new Error(`A float32 vector of ${bytes.byteLength} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.byteLength / 4 }, (_, index) => view.getFloat32(index * 4));
}

export const float32Vector = customType<{ data: number[]; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: vectorBytes,
  fromDriver: vectorFromBytes,
});
