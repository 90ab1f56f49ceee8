import { afterEach, describe, expect, it } from 'vitest';
import { saveStateText } from './save-indicator';
import {
  DEFAULT_NOTEBOOK_PERCENT,
  clampPercent,
  loadSplitPercent,
  percentBounds,
  saveSplitPercent,
} from './split-ratio';

afterEach(() => localStorage.clear());

describe('split ratio', () => {
  it('is remembered per user, and only as a number', () => {
    expect(loadSplitPercent('u1')).toBe(DEFAULT_NOTEBOOK_PERCENT);
    saveSplitPercent('u1', 42.345);
    expect(loadSplitPercent('u1')).toBe(42.3);
    expect(loadSplitPercent('u2')).toBe(DEFAULT_NOTEBOOK_PERCENT);
    expect(Object.keys(localStorage)).toEqual(['numerical-tutor:workspace-split:u1']);
  });

  it('ignores a stored value that is not a sensible percentage', () => {
    localStorage.setItem('numerical-tutor:workspace-split:u1', 'wide');
    expect(loadSplitPercent('u1')).toBe(DEFAULT_NOTEBOOK_PERCENT);
    localStorage.setItem('numerical-tutor:workspace-split:u1', '99');
    expect(loadSplitPercent('u1')).toBe(DEFAULT_NOTEBOOK_PERCENT);
  });

  it('keeps both panes at least 300 px wide', () => {
    const bounds = percentBounds(1000, 10);
    expect(bounds.min).toBeCloseTo(30.5);
    expect(bounds.max).toBeCloseTo(69.5);
    expect(clampPercent(10, bounds)).toBeCloseTo(30.5);
    expect(clampPercent(95, bounds)).toBeCloseTo(69.5);
    expect(percentBounds(500, 10)).toEqual({ min: 50, max: 50 });
  });
});

describe('save state text', () => {
  it('names each state as the header shows it', () => {
    const now = 1_000_000;
    expect(saveStateText({ kind: 'saved' }, now)).toBe('Saved');
    expect(saveStateText({ kind: 'saving' }, now)).toBe('Saving…');
    expect(saveStateText({ kind: 'unsaved' }, now)).toBe('Unsaved changes');
    expect(saveStateText({ kind: 'conflict' }, now)).toBe('Conflict');
    expect(saveStateText({ kind: 'retrying', retryAt: now + 4200, message: 'x' }, now)).toBe(
      'Not saved – retrying in 5s',
    );
    expect(saveStateText({ kind: 'failed', message: 'Too large.' }, now)).toBe(
      'Not saved – Too large.',
    );
  });
});
