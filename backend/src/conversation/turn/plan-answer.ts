// Step 3 of a turn (no database): the answer's hint level and the difficulty it is rated at, the
// history to send, and the system prompt.
import type { Classification } from '../../ai/types';
import type { ExerciseChecks, HintLevel, Level, MessageKind } from '../../pedagogy/types';
import type { Learner } from '../../auth/users-store';
import type { ChatSession } from '../schema';
import {
  type Difficulty,
  type EffectiveLevels,
  effectiveLevelsOf,
  fallbackDifficulty,
  holdForEvidence,
  planTurn,
  RESTART_REASON,
  startingReason,
  type ProblemState,
  startingHintLevel,
  toLevel,
  type TurnPlan,
} from '../../pedagogy/levels';
import { buildSystemPrompt } from '../../pedagogy/prompts';
import { type HistoryPlan, planHistory } from './context';
import type { HistoryMessage } from './session-store';
import type { TurnAdmission, TurnContext, TurnDeps } from './types';

export type ModelKind = Exclude<MessageKind, 'greeting' | 'off_topic'>;
type PlanDeps = Pick<TurnDeps, 'classifier' | 'log' | 'config'>;

export interface AnswerLevel {
  pedagogy: TurnPlan;
  hintLevel: HintLevel;
  difficulty: Difficulty;
  /** The student's style levels for this answer. */
  style: { programming: Level; maths: Level };
  /** The level was held for want of a new attempt (see `holdForEvidence`). */
  needsAttempt: boolean;
  /** On a problem's first answer (or a restart): why the ladder starts here, for the student. */
  startReason?: string;
}

/** What chooseLevel needs of the turn. */
export interface LevelTurn {
  classification: Classification | null;
  session: ChatSession;
  user: Learner;
  /** The student asked to start the ladder over. */
  fromFirstHint?: boolean;
  /** The turn's gate's verdict (a class policy): its ceiling lowers the level last. */
  admission?: TurnAdmission;
}

export interface AnswerPlan extends AnswerLevel {
  history: HistoryPlan<HistoryMessage>;
  system: string;
}

/** The problem the session was on (its level and difficulty), or null before its first answer. */
export function previousProblem(session: ChatSession): ProblemState | null {
  if (session.currentHintLevel == null) return null;
  return {
    hintLevel: session.currentHintLevel as HintLevel,
    difficulty: {
      programming: toLevel(session.programmingDifficulty ?? 3),
      maths: toLevel(session.mathsDifficulty ?? 3),
    },
  };
}

function estimateDifficulty(
  deps: PlanDeps,
  classification: Classification | null,
  effective: EffectiveLevels,
): Difficulty {
  if (!classification) return fallbackDifficulty(effective);
  try {
    return deps.classifier.estimateDifficulty(classification.embedding);
  } catch (error) {
    deps.log.warn({ err: error }, 'difficulty estimate failed');
    return fallbackDifficulty(effective);
  }
}

/**
 * Same problem or elaboration: one level up, difficulty kept; new problem: from the gap. On an
 * exercise (`checks`), a passed one is not escalated and a level above 3 needs a new check run.
 */
export function chooseLevel(
  deps: PlanDeps,
  kind: ModelKind,
  turn: LevelTurn,
  checks?: ExerciseChecks,
): AnswerLevel {
  const previous = previousProblem(turn.session);
  if (turn.fromFirstHint && previous) return restartedLevel(previous, turn.user);
  const pedagogy = planTurn(kind, previous, effectiveLevelsOf(turn.user));
  const effective =
    pedagogy.kind === 'new_problem' ? pedagogy.effective : effectiveLevelsOf(turn.user);
  const style = { programming: toLevel(effective.programming), maths: toLevel(effective.maths) };
  const difficulty =
    pedagogy.kind === 'same_problem'
      ? pedagogy.difficulty
      : estimateDifficulty(deps, turn.classification, effective);
  const planned =
    pedagogy.kind === 'same_problem'
      ? pedagogy.hintLevel
      : startingHintLevel(difficulty, effective);
  const held = checks
    ? holdForEvidence(
        planned,
        pedagogy.kind === 'same_problem' ? (previous?.hintLevel ?? null) : null,
        { passed: checks.state === 'passed', ranSinceLastHint: checks.ranSinceLastHint },
      )
    : { hintLevel: planned, needsAttempt: false };
  const startReason =
    pedagogy.kind === 'new_problem'
      ? startingReason(held.hintLevel, difficulty, effective)
      : undefined;
  return { pedagogy, difficulty, style, ...held, ...(startReason && { startReason }) };
}

/** The session's problem again from hint 1, its difficulty kept (the student asked to start over). */
function restartedLevel(previous: ProblemState, user: Learner): AnswerLevel {
  const effective = effectiveLevelsOf(user);
  return {
    pedagogy: { kind: 'same_problem', hintLevel: 1, difficulty: previous.difficulty },
    hintLevel: 1,
    difficulty: previous.difficulty,
    style: { programming: toLevel(effective.programming), maths: toLevel(effective.maths) },
    needsAttempt: false,
    startReason: RESTART_REASON,
  };
}

/** Said to the model when the level was held: the same level in other words, and an attempt. */
export const NEEDS_ATTEMPT_SECTION =
  'The student asked for more help but has not run the exercise again since your last hint. Do ' +
  'not go beyond this hint level: say the current hint again in other words (a different angle or ' +
  'example), then ask them to change their code, run it and its check, and tell you what happened. ' +
  'Explain that the next hint comes after that attempt.';

/** The system prompt: the level's rules, the student's style, the caller's context, the summary. */
export function systemPromptFor(
  level: AnswerLevel,
  context: TurnContext,
  summary: string | undefined,
): string {
  const { hintLevel, style } = level;
  const sections =
    typeof context.systemSections === 'function'
      ? context.systemSections(hintLevel)
      : context.systemSections;
  return buildSystemPrompt({
    hintLevel,
    programmingStyle: style.programming,
    mathsStyle: style.maths,
    systemSections: level.needsAttempt ? [...(sections ?? []), NEEDS_ATTEMPT_SECTION] : sections,
    untrusted: context.untrusted,
    summary,
  });
}

/** The level lowered to the caller's ceiling (a class policy); the session state keeps the lower one. */
export function capLevel(level: AnswerLevel, max: HintLevel | undefined): AnswerLevel {
  return max !== undefined && level.hintLevel > max ? { ...level, hintLevel: max } : level;
}

export function planAnswer(
  deps: PlanDeps,
  kind: ModelKind,
  turn: LevelTurn,
  history: HistoryMessage[],
  context: TurnContext = {},
): AnswerPlan {
  const level = capLevel(chooseLevel(deps, kind, turn, context.checks), turn.admission?.maxHintLevel);
  const historyPlan = planHistory(history, deps.config.historyBudgetChars);
  const summary =
    historyPlan.older.length > 0 ? (turn.session.historySummary ?? undefined) : undefined;
  return { ...level, history: historyPlan, system: systemPromptFor(level, context, summary) };
}
