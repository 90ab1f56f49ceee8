import { describe, expect, it } from 'vitest';
import { memberValueBytes, notebookOverLimit } from './notebook-size';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('memberValueBytes', () => {
  it('measures a top-level member as it is written, wherever it is', () => {
    const value = '{"a": "}\\"{", "b": [1, {"c": "]"}], "d": null}';
    for (const body of [
      `{"notebook_state":${value}}`,
      ` { "status" : "in_progress" , "notebook_state" :\n ${value} , "base_version" : 3 } `,
      `{"x": {"notebook_state": 1}, "notebook\\u005fstate": ${value}}`,
    ]) {
      expect(memberValueBytes(bytes(body), 'notebook_state')).toBe(Buffer.byteLength(value));
    }
  });

  it('counts UTF-8 bytes, and takes the last of a repeated key (as JSON.parse does)', () => {
    expect(memberValueBytes(bytes('{"k": "é€😀"}'), 'k')).toBe(2 + 2 + 3 + 4);
    expect(memberValueBytes(bytes('{"k": "long value", "k": 12}'), 'k')).toBe(2);
    expect(memberValueBytes(bytes('{"k": "a\\\\"}'), 'k')).toBe(5);
  });

  it('is undefined without the member', () => {
    expect(memberValueBytes(bytes('{"status": "completed"}'), 'notebook_state')).toBeUndefined();
    expect(memberValueBytes(bytes('[1]'), 'notebook_state')).toBeUndefined();
    expect(memberValueBytes(bytes('{}'), 'notebook_state')).toBeUndefined();
  });
});

describe('notebookOverLimit', () => {
  it('is exact at the limit, and needs no scan when the body is short enough', () => {
    const body = (n: number) => bytes(`{"notebook_state":"${'x'.repeat(n - 2)}"}`);
    expect(notebookOverLimit(body(100), null, 100)).toBeNull();
    expect(notebookOverLimit(body(101), null, 100)).toBe(101);
    // Much else in the body, a small notebook: under the limit.
    const padded = bytes(`{"save_token": "${'t'.repeat(500)}", "notebook_state": {}}`);
    expect(notebookOverLimit(padded, null, 100)).toBeNull();
  });

  it('measures the notebook serialised again when the body bytes are not at hand', () => {
    expect(notebookOverLimit(undefined, { a: 'é' }, 10)).toBeNull();
    expect(notebookOverLimit(undefined, { a: 'ééééé' }, 10)).toBe(18);
  });
});
