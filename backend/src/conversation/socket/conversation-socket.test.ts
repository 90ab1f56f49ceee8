import { describe, expect, it } from 'vitest';
import { parseFrame } from './conversation-socket';

describe('parseFrame', () => {
  it('accepts a JSON object and names what is wrong with anything else', () => {
    expect(parseFrame('{"content":"hi"}')).toEqual({ fields: { content: 'hi' } });
    expect(parseFrame('{nope')).toEqual({
      error: 'Invalid JSON: send an object such as {"content": "your question"}',
    });
    for (const frame of ['[1]', 'null', '"text"', '3'])
      expect(parseFrame(frame)).toEqual({
        error: 'Invalid frame: send an object such as {"content": "your question"}',
      });
  });
});
