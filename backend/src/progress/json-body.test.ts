import { describe, expect, it } from 'vitest';
import { inspectParsedJson } from './json-body';

describe('inspectParsedJson', () => {
  it('measures how deeply objects and arrays nest', () => {
    expect(inspectParsedJson(JSON.parse('1'))).toBe(0);
    expect(inspectParsedJson(JSON.parse('{}'))).toBe(1);
    expect(inspectParsedJson(JSON.parse('{"a":[1,{"b":[]}],"c":"x"}'))).toBe(4);
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(inspectParsedJson(deep)).toBe(100_000);
  });

  it.each([
    ['{"__proto__":{}}'],
    ['{"__proto__":1}'],
    ['{"a":[{"b":{"__proto__":{"x":1}}}]}'],
    [String.raw`{"a":{"\u005f\u005fproto\u005f\u005f":{}}}`],
    ['{"constructor":{"prototype":{}}}'],
    ['[{"constructor":{"prototype":null}}]'],
  ])('refuses %s (-1)', (json) => {
    expect(inspectParsedJson(JSON.parse(json))).toBe(-1);
  });

  it.each([
    ['{"constructor":"x"}'],
    ['{"constructor":{"name":"x"}}'],
    ['{"constructor":null}'],
    ['{"prototype":{}}'],
    ['{"proto":{},"__proto":1,"text":"__proto__"}'],
  ])('accepts %s', (json) => {
    expect(inspectParsedJson(JSON.parse(json))).toBeGreaterThan(0);
  });
});
