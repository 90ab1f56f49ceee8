import { describe, expect, it } from 'vitest';
import {
  effectiveLevelsOf,
  escalateHintLevel,
  fallbackDifficulty,
  planTurn,
  startingHintLevel,
  updateEffectiveLevel,
  updateEffectiveLevels,
} from './levels';

describe('updateEffectiveLevel (EMA of foundation §2)', () => {
  it.each([
    [3.0, 4, 2, 3.04],
    [3.0, 3, 5, 2.52],
    [4.0, 1, 1, 3.85],
  ])(
    'effective %d, difficulty %d, solved at hint %d gives %d',
    (effective, difficulty, hint, expected) => {
      expect(updateEffectiveLevel(effective, difficulty, hint)).toBeCloseTo(expected, 10);
    },
  );

  it('stays within 1..5', () => {
    expect(updateEffectiveLevel(1, 1, 5)).toBe(1);
    expect(updateEffectiveLevel(5, 5, 1)).toBe(5);
  });

  it('updates each dimension with its own difficulty', () => {
    const next = updateEffectiveLevels(
      { programming: 3, maths: 4 },
      { programming: 4, maths: 1 },
      2,
    );
    expect(next.programming).toBeCloseTo(3.04, 10);
    expect(next.maths).toBeCloseTo(4 * 0.95 + ((1 * 4) / 5) * 0.05, 10);
  });
});

describe('startingHintLevel', () => {
  it('starts at 1 when the student is at or above the difficulty', () => {
    expect(startingHintLevel({ programming: 2, maths: 3 }, { programming: 3, maths: 3 })).toBe(1);
  });

  it('uses the larger gap of the two dimensions, with rounded effective levels', () => {
    // prog gap 3 - round(2.6)=0, maths gap 4 - round(2.4)=2 → 3
    expect(startingHintLevel({ programming: 3, maths: 4 }, { programming: 2.6, maths: 2.4 })).toBe(
      3,
    );
  });

  it('caps the first answer to a new problem at 4', () => {
    expect(startingHintLevel({ programming: 5, maths: 5 }, { programming: 1, maths: 1 })).toBe(4);
  });
});

describe('escalation', () => {
  it('goes 1 → 5 one follow-up at a time and stays at 5', () => {
    const levels = [1];
    for (let i = 0; i < 6; i += 1) levels.push(escalateHintLevel(levels.at(-1)!));
    expect(levels).toEqual([1, 2, 3, 4, 5, 5, 5]);
  });

  it('a same-problem or elaboration message raises the level and keeps the difficulty', () => {
    const previous = {
      hintLevel: 2 as const,
      difficulty: { programming: 4 as const, maths: 2 as const },
    };
    for (const kind of ['same_problem', 'elaboration'] as const) {
      expect(planTurn(kind, previous, { programming: 3, maths: 3 })).toEqual({
        kind: 'same_problem',
        hintLevel: 3,
        difficulty: previous.difficulty,
      });
    }
  });

  it('a new problem resets: EMA from the final level reached, then a fresh start level', () => {
    const previous = {
      hintLevel: 5 as const,
      difficulty: { programming: 3 as const, maths: 3 as const },
    };
    const plan = planTurn('new_problem', previous, { programming: 3, maths: 3 });
    expect(plan.kind).toBe('new_problem');
    if (plan.kind !== 'new_problem') return;
    expect(plan.effectiveChanged).toBe(true);
    expect(plan.effective.programming).toBeCloseTo(2.52, 10);
    expect(startingHintLevel({ programming: 4, maths: 3 }, plan.effective)).toBe(2); // round(2.52)=3, gap 1
  });

  it('the first message of a session is a new problem even if it looks like a follow-up', () => {
    expect(planTurn('elaboration', null, { programming: 3, maths: 3 })).toEqual({
      kind: 'new_problem',
      effective: { programming: 3, maths: 3 },
      effectiveChanged: false,
    });
  });
});

describe('difficulty fallback and effective levels', () => {
  it('defaults both difficulties to the rounded effective levels', () => {
    expect(fallbackDifficulty({ programming: 2.5, maths: 3.49 })).toEqual({
      programming: 3,
      maths: 3,
    });
    expect(fallbackDifficulty({ programming: 1.2, maths: 4.8 })).toEqual({
      programming: 1,
      maths: 5,
    });
  });

  it('initialises effective levels from the self-assessment', () => {
    const user = {
      programmingLevel: 2,
      mathsLevel: 4,
      effectiveProgrammingLevel: null,
      effectiveMathsLevel: 3.7,
    };
    expect(effectiveLevelsOf(user)).toEqual({ programming: 2, maths: 3.7 });
  });
});
