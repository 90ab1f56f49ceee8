import { describe, expect, it } from 'vitest';
import { hasContent, hasTechnicalNotation, isBareRequest, isReplyForm } from './content';

describe('lexical checks of the pre-filter', () => {
  it('tells a pure greeting from a greeting with content', () => {
    for (const text of ['hi there!', 'Good morning, tutor', 'thanks for your help', 'ok, got it'])
      expect(hasContent(text), text).toBe(false);
    for (const text of ['hello world', 'greeting cards in CSS', 'hi, can you help me?'])
      expect(hasContent(text), text).toBe(true);
  });

  it('tells a bare request for more from a question of its own', () => {
    expect(isBareRequest("I still don't get it, can you explain again?")).toBe(true);
    expect(isBareRequest('give me an example of recursion')).toBe(false);
  });

  it('tells a reply to the tutor from a new question', () => {
    for (const text of ['the second row is twice the first', '3x^2', 'maybe 100 points?'])
      expect(isReplyForm(text), text).toBe(true);
    for (const text of [
      'How do I sort a list?',
      'different topic: what is a tuple?',
      'I need help',
    ])
      expect(isReplyForm(text), text).toBe(false);
  });

  it('finds code or maths notation', () => {
    expect(hasTechnicalNotation('np.linalg.det(A)')).toBe(true);
    expect(hasTechnicalNotation('a train covers 300 km in 2.5 hours')).toBe(true);
    expect(hasTechnicalNotation('best pizza in London')).toBe(false);
  });
});
