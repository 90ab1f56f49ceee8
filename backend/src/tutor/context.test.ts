import { describe, expect, it } from 'vitest';
import type { ExerciseMaterial } from '../pedagogy/types';
import {
  buildTutorContext,
  cellCodeHash,
  exerciseSection,
  truncateHead,
  truncateTail,
} from './context';

const exercise: ExerciseMaterial = {
  id: 'ex-1',
  title: 'Creating arrays',
  prompt: 'Make a 3x4 array of zeros.',
  concepts: ['np.zeros'],
  hints: ['HINT-ONE', 'HINT-TWO', 'HINT-THREE', 'HINT-FOUR'],
  solution: 'SOLUTION-CODE',
  explanation: 'SOLUTION-EXPLANATION',
};

describe('truncation', () => {
  it('keeps short text as is', () => {
    expect(truncateHead('abc', 5)).toEqual({ text: 'abc', chars: 3, truncated: false });
  });
  it('keeps the head of code and the tail of a traceback, with a marker', () => {
    expect(truncateHead('abcdefgh', 5)).toEqual({
      text: 'abcde\n… [truncated: 3 more characters]',
      chars: 8,
      truncated: true,
    });
    expect(truncateTail('abcdefgh', 5)).toEqual({
      text: '[truncated: 3 earlier characters] …\ndefgh',
      chars: 8,
      truncated: true,
    });
  });
});

describe('cellCodeHash', () => {
  it('ignores line endings and trailing whitespace, and is null for an empty cell', () => {
    expect(cellCodeHash('a = 1\nb = 2\n')).toBe(cellCodeHash('a = 1   \r\nb = 2\r\n\r\n'));
    expect(cellCodeHash('a = 1')).not.toBe(cellCodeHash('a = 2'));
    expect(cellCodeHash('   \n ')).toBeNull();
    expect(cellCodeHash(undefined)).toBeNull();
  });
});

describe('exerciseSection', () => {
  it('gives the hints up to the answer level and the solution only at level 5', () => {
    const level2 = exerciseSection(exercise, 2);
    expect(level2).toContain('HINT-ONE');
    expect(level2).toContain('HINT-TWO');
    expect(level2).not.toContain('HINT-THREE');
    expect(level2).not.toContain('SOLUTION');
    const level4 = exerciseSection(exercise, 4);
    expect(level4).toContain('HINT-FOUR');
    expect(level4).not.toContain('SOLUTION');
    expect(exerciseSection(exercise, 5)).toContain('SOLUTION-CODE');
  });
});

describe('buildTutorContext', () => {
  it('separates trusted module/exercise sections from untrusted notebook data', () => {
    const built = buildTutorContext(
      { title: 'NumPy', description: 'Arrays.' },
      { cellCode: 'x = 1', errorOutput: null, exercise },
    );
    const sections = built.context.systemSections as (level: 1) => string[];
    expect(sections(1)[0]).toContain('"NumPy"');
    expect(sections(1)[1]).toContain('HINT-ONE');
    expect(built.context.untrusted?.map((u) => u.text)).toEqual(['x = 1', '']);
    expect(built.context.material).toEqual({ moduleTitle: 'NumPy', cellCode: 'x = 1', exercise });
    expect(built.context.cellHash).toBe(cellCodeHash('x = 1'));
  });
});
