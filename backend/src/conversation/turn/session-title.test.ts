import { describe, expect, it } from 'vitest';
import { TITLE_CHARS, sessionTitle } from './session-title';

describe('sessionTitle', () => {
  it('names a session after a real question, whitespace tidied', () => {
    expect(sessionTitle('  What is a\n  matrix norm? ', 'new_problem')).toBe(
      'What is a matrix norm?',
    );
    expect(sessionTitle('Why does np.linalg.solve fail here?', 'same_problem')).toBe(
      'Why does np.linalg.solve fail here?',
    );
  });

  it('leaves greetings, off-topic messages, follow-ups and too-short messages out', () => {
    expect(sessionTitle('hi!', 'greeting')).toBeNull();
    expect(sessionTitle('Hello there, how are you today?', 'greeting')).toBeNull();
    expect(sessionTitle('What is the weather in Paris tomorrow?', 'off_topic')).toBeNull();
    expect(sessionTitle("I don't understand, explain again", 'elaboration')).toBeNull();
    expect(sessionTitle('help', 'new_problem')).toBeNull();
    expect(sessionTitle('eigenvalues', 'new_problem')).toBeNull();
    expect(sessionTitle('??? !!! ...', 'new_problem')).toBeNull();
  });

  it('cuts a long question at a word with an ellipsis', () => {
    const long = `How do I solve a tridiagonal system efficiently with the Thomas algorithm ${'and more '.repeat(10)}`;
    const title = sessionTitle(long, 'new_problem')!;
    expect(title.length).toBeLessThanOrEqual(TITLE_CHARS);
    expect(title.endsWith('…')).toBe(true);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(title.at(-2)).not.toBe(' ');
  });

  it('never cuts an emoji in half', () => {
    // No space after the first half: the cut falls inside the emoji at character 79.
    const long = `Why${'x'.repeat(75)}😀😀 does this fail? ${'and more '.repeat(5)}`;
    const title = sessionTitle(long, 'new_problem')!;
    expect(title).toBe(`Why${'x'.repeat(75)}…`);
  });
});
