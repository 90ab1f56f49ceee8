// The pedagogy engine's rules (foundation §2) as pure functions: hint levels, difficulty fallback
// and the moving average of the student's hidden effective levels.
import type { HintLevel, Level, MessageKind } from './types';

export const MIN_LEVEL = 1;
export const MAX_HINT: HintLevel = 5;
/** The first answer to a new problem is never a full solution. */
export const FIRST_ANSWER_CAP: HintLevel = 4;

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A whole level 1..5 (rounded, clamped). */
export function toLevel(value: number): Level {
  return clamp(Math.round(value), 1, 5) as Level;
}

export interface Difficulty {
  programming: Level;
  maths: Level;
}

export interface EffectiveLevels {
  /** Hidden 1.0..5.0 levels. */
  programming: number;
  maths: number;
}

/**
 * Starting hint level of a new problem from the gap between difficulty and ability:
 * `gap = max(prog_diff - round(eff_prog), maths_diff - round(eff_maths))`, `clamp(1 + gap, 1, 4)`.
 */
export function startingHintLevel(difficulty: Difficulty, effective: EffectiveLevels): HintLevel {
  const gap = Math.max(
    difficulty.programming - Math.round(effective.programming),
    difficulty.maths - Math.round(effective.maths),
  );
  return clamp(1 + gap, MIN_LEVEL, FIRST_ANSWER_CAP) as HintLevel;
}

/** A follow-up on the same problem: one level up, at most a full solution. */
export function escalateHintLevel(current: number): HintLevel {
  return clamp(current + 1, MIN_LEVEL, MAX_HINT) as HintLevel;
}

/**
 * One dimension of the exponential moving average, applied when the student moves on:
 * `demonstrated = difficulty * (6 - final_hint) / 5`, `rate = 0.2 * min(1, difficulty / effective)`,
 * `new = clamp(effective * (1 - rate) + demonstrated * rate, 1, 5)`.
 */
export function updateEffectiveLevel(
  effective: number,
  difficulty: number,
  finalHintLevel: number,
): number {
  const demonstrated = (difficulty * (6 - finalHintLevel)) / 5;
  const rate = 0.2 * Math.min(1, difficulty / effective);
  return clamp(effective * (1 - rate) + demonstrated * rate, 1, 5);
}

export function updateEffectiveLevels(
  effective: EffectiveLevels,
  difficulty: Difficulty,
  finalHintLevel: number,
): EffectiveLevels {
  return {
    programming: updateEffectiveLevel(
      effective.programming,
      difficulty.programming,
      finalHintLevel,
    ),
    maths: updateEffectiveLevel(effective.maths, difficulty.maths, finalHintLevel),
  };
}

/** When rating fails or times out, both difficulties default to the rounded effective levels. */
export function fallbackDifficulty(effective: EffectiveLevels): Difficulty {
  return { programming: toLevel(effective.programming), maths: toLevel(effective.maths) };
}

/** A user's effective levels, initialised from the self-assessment until the engine moves them. */
export function effectiveLevelsOf(user: {
  programmingLevel: number;
  mathsLevel: number;
  effectiveProgrammingLevel: number | null;
  effectiveMathsLevel: number | null;
}): EffectiveLevels {
  return {
    programming: clamp(user.effectiveProgrammingLevel ?? user.programmingLevel, 1, 5),
    maths: clamp(user.effectiveMathsLevel ?? user.mathsLevel, 1, 5),
  };
}

/** The pedagogy state a session carries between turns. */
export interface ProblemState {
  hintLevel: HintLevel;
  difficulty: Difficulty;
}

export type TurnPlan =
  | { kind: 'same_problem'; hintLevel: HintLevel; difficulty: Difficulty }
  | {
      kind: 'new_problem';
      /** The levels after the EMA update from the previous problem (unchanged if there was none). */
      effective: EffectiveLevels;
      effectiveChanged: boolean;
    };

/**
 * Decides what an on-topic message means for the session. The first message of a session is always
 * a new problem; a same-problem or elaboration message raises the level by one and keeps the
 * difficulty; a new problem first updates the effective levels from the previous problem, using the
 * final hint level it reached. The new problem's difficulty and start level come after (rating may
 * be asynchronous): see `startingHintLevel`.
 */
export function planTurn(
  kind: Exclude<MessageKind, 'greeting' | 'off_topic'>,
  previous: ProblemState | null,
  effective: EffectiveLevels,
): TurnPlan {
  if (previous && (kind === 'same_problem' || kind === 'elaboration')) {
    return {
      kind: 'same_problem',
      hintLevel: escalateHintLevel(previous.hintLevel),
      difficulty: previous.difficulty,
    };
  }
  if (!previous) return { kind: 'new_problem', effective, effectiveChanged: false };
  return {
    kind: 'new_problem',
    effective: updateEffectiveLevels(effective, previous.difficulty, previous.hintLevel),
    effectiveChanged: true,
  };
}

/**
 * Why a new problem's ladder starts where it does, for the student: "Starting at hint 3: this
 * looks hard for your level in programming (difficulty 4 of 5, your level 2)".
 */
export function startingReason(
  hintLevel: HintLevel,
  difficulty: Difficulty,
  effective: EffectiveLevels,
): string {
  if (hintLevel === MIN_LEVEL) {
    return 'Starting at hint 1: a question first, so that you can find the way yourself.';
  }
  const gaps = (['programming', 'maths'] as const).map((dimension) => ({
    dimension,
    gap: difficulty[dimension] - Math.round(effective[dimension]),
  }));
  const widest = gaps.reduce((a, b) => (b.gap > a.gap ? b : a));
  const { dimension } = widest;
  return (
    `Starting at hint ${hintLevel}: this looks hard for your level in ${dimension} ` +
    `(difficulty ${difficulty[dimension]} of 5, your level ${Math.round(effective[dimension])}), ` +
    'so the first hint is more concrete.'
  );
}

/** Said when the student asked to start the ladder over. */
export const RESTART_REASON = 'Starting again from hint 1, as you asked.';

/** Above this level, a hint on an exercise needs evidence: a check run since the previous hint. */
export const EVIDENCE_ABOVE_LEVEL = 3;

/**
 * Evidence before escalation, on an exercise. A passed exercise is not escalated (the student gets
 * recognition and a deeper question, not more hints). A level above 3 comes only if a check of the
 * exercise ran since the tutor's previous answer on it; otherwise the previous level is given again
 * (3 at most for a new problem) and `needsAttempt` says why.
 */
export function holdForEvidence(
  planned: HintLevel,
  previous: HintLevel | null,
  checks: { passed: boolean; ranSinceLastHint: boolean },
): { hintLevel: HintLevel; needsAttempt: boolean } {
  if (checks.passed && previous !== null && planned > previous) {
    return { hintLevel: previous, needsAttempt: false };
  }
  if (planned <= EVIDENCE_ABOVE_LEVEL || checks.ranSinceLastHint) {
    return { hintLevel: planned, needsAttempt: false };
  }
  if (previous !== null && previous >= planned) return { hintLevel: planned, needsAttempt: false };
  const held = Math.max(EVIDENCE_ABOVE_LEVEL, previous ?? MIN_LEVEL) as HintLevel;
  return { hintLevel: held, needsAttempt: true };
}
