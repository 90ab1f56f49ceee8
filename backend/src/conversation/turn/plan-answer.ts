// Step 3 of a turn (no database): the answer's hint level and the difficulty it is rated at, the
// history to send, and the system prompt.
import type { Classification } from '../../ai/types';
import type { HintLevel, Level, MessageKind } from '../../pedagogy/types';
import type { Learner } from '../../auth/users-store';
import type { ChatSession } from '../schema';
import {
  type Difficulty,
  type EffectiveLevels,
  effectiveLevelsOf,
  fallbackDifficulty,
  planTurn,
  type ProblemState,
  startingHintLevel,
  toLevel,
  type TurnPlan,
} from '../../pedagogy/levels';
import { buildSystemPrompt } from '../../pedagogy/prompts';
import { type HistoryPlan, planHistory } from './context';
import type { HistoryMessage } from './session-store';
import type { TurnContext, TurnDeps } from './types';

export type ModelKind = Exclude<MessageKind, 'greeting' | 'off_topic'>;
type PlanDeps = Pick<TurnDeps, 'classifier' | 'log' | 'config'>;

export interface AnswerLevel {
  pedagogy: TurnPlan;
  hintLevel: HintLevel;
  difficulty: Difficulty;
  /** The student's style levels for this answer. */
  style: { programming: Level; maths: Level };
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

/** Same problem or elaboration: one level up, difficulty kept; new problem: from the gap. */
export function chooseLevel(
  deps: PlanDeps,
  kind: ModelKind,
  classification: Classification | null,
  session: ChatSession,
  user: Learner,
): AnswerLevel {
  const pedagogy = planTurn(kind, previousProblem(session), effectiveLevelsOf(user));
  const effective = pedagogy.kind === 'new_problem' ? pedagogy.effective : effectiveLevelsOf(user);
  const style = { programming: toLevel(effective.programming), maths: toLevel(effective.maths) };
  if (pedagogy.kind === 'same_problem') {
    const { hintLevel, difficulty } = pedagogy;
    return { pedagogy, hintLevel, difficulty, style };
  }
  const difficulty = estimateDifficulty(deps, classification, effective);
  return { pedagogy, hintLevel: startingHintLevel(difficulty, effective), difficulty, style };
}

/** The system prompt: the level's rules, the student's style, the caller's context, the summary. */
export function systemPromptFor(
  level: AnswerLevel,
  context: TurnContext,
  summary: string | undefined,
): string {
  const { hintLevel, style } = level;
  return buildSystemPrompt({
    hintLevel,
    programmingStyle: style.programming,
    mathsStyle: style.maths,
    systemSections:
      typeof context.systemSections === 'function'
        ? context.systemSections(hintLevel)
        : context.systemSections,
    untrusted: context.untrusted,
    summary,
  });
}

export function planAnswer(
  deps: PlanDeps,
  kind: ModelKind,
  turn: { session: ChatSession; user: Learner; classification: Classification | null },
  history: HistoryMessage[],
  context: TurnContext = {},
): AnswerPlan {
  const level = chooseLevel(deps, kind, turn.classification, turn.session, turn.user);
  const historyPlan = planHistory(history, deps.config.historyBudgetChars);
  const summary =
    historyPlan.older.length > 0 ? (turn.session.historySummary ?? undefined) : undefined;
  return { ...level, history: historyPlan, system: systemPromptFor(level, context, summary) };
}
