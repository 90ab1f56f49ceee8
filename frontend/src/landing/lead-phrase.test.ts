import { describe, expect, it } from 'vitest';
import { leadPhrase } from './lead-phrase';

describe('leadPhrase', () => {
  it('takes the text before the first colon', () => {
    expect(leadPhrase('Draw a curve through data points: build the Lagrange polynomial.')).toBe(
      'Draw a curve through data points',
    );
  });

  it('else the first sentence, else everything', () => {
    expect(leadPhrase('Fit lines. Then curves.')).toBe('Fit lines.');
    expect(leadPhrase('  Fit lines and curves  ')).toBe('Fit lines and curves');
  });
});
