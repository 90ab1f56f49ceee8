import { afterEach, describe, expect, it } from 'vitest';
import { rememberCell, rememberedCell } from './cell-position';

afterEach(() => localStorage.clear());

describe('cell position', () => {
  it('is kept per user and module, and the top is not stored', () => {
    expect(rememberedCell('ada', 'm1')).toBeNull();
    rememberCell('ada', 'm1', 12);
    expect(rememberedCell('ada', 'm1')).toBe(12);
    expect(rememberedCell('ada', 'm2')).toBeNull();
    expect(rememberedCell('bob', 'm1')).toBeNull();
    rememberCell('ada', 'm1', 0);
    expect(rememberedCell('ada', 'm1')).toBeNull();
  });

  it('ignores what is not a cell index', () => {
    localStorage.setItem('tutor:workspace-cell:ada:m1', 'twelve');
    expect(rememberedCell('ada', 'm1')).toBeNull();
    localStorage.setItem('tutor:workspace-cell:ada:m1', '-3');
    expect(rememberedCell('ada', 'm1')).toBeNull();
  });
});
