import type { SQL } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { ChatServerEvent, SessionType } from '@tutor/shared/chat';
import type { LlmRouter, MessageClassifier, TutorMaterial } from '../../ai/types';
import type { ExerciseChecks, HintLevel } from '../../pedagogy/types';
import type { Database } from '../../db/client';
import type { UntrustedSection } from '../../pedagogy/prompts';

/** The AI services a turn uses (`app.ai` in the app; fakes in tests and the bench). */
export interface TurnAi {
  router: LlmRouter;
  classifier: MessageClassifier;
}

export interface PipelineConfig {
  /** History (in characters) sent in full; above it older turns are summarised. */
  historyBudgetChars: number;
  /** Timeout of the summary call, made after an answer (a failed one drops the old turns). */
  summaryTimeoutMs: number;
  /** At most this many stored messages are read back as history. */
  historyMaxMessages: number;
}

export const DEFAULT_PIPELINE_CONFIG: PipelineConfig = {
  historyBudgetChars: 24_000,
  summaryTimeoutMs: 10_000,
  historyMaxMessages: 200,
};

export interface TurnDeps extends TurnAi {
  db: Database;
  log: FastifyBaseLogger;
  config: PipelineConfig;
  /** Work that continues after the turn (history summary); tracked so shutdown can wait for it. */
  background?: (task: Promise<unknown>) => void;
}

/**
 * Extra context a caller (the workspace tutor) adds to a turn. The chat pipeline knows nothing of
 * notebooks: it only lays these out in the prompt and hands `material` to the offline tutor.
 */
export interface TurnContext {
  /**
   * Trusted sections of the system prompt (module title and description, exercise hints); a
   * function when they depend on the hint level the pipeline picks for this answer.
   */
  systemSections?: string[] | ((hintLevel: HintLevel) => string[]);
  /** Student-supplied data (cell code, error output): delimited, after the rules, never obeyed. */
  untrusted?: UntrustedSection[];
  /** What the offline tutor reads besides the question. */
  material?: Pick<
    TutorMaterial,
    'cellCode' | 'errorOutput' | 'moduleTitle' | 'exercise' | 'checks' | 'pythonDown'
  >;
  /**
   * On an exercise: its check state. A passed exercise is not escalated; above level 3 a hint
   * needs a check run since the previous one (see `holdForEvidence`). General chat has none.
   */
  checks?: ExerciseChecks;
  /** Hash of the normalised cell code; equal to the session's last one → `sameCell`. */
  cellHash?: string | null;
  /** Called once after a complete LLM answer is stored (attempt counting); never otherwise. */
  onAnswered?: (answer: { hintLevel: HintLevel }) => Promise<void>;
}

export interface TurnRequest {
  userId: string;
  content: string;
  sessionId?: string;
  sessionType: SessionType;
  moduleId?: string | null;
  /** Answer the session's problem from hint 1 again (the student asked to start over). */
  fromFirstHint?: boolean;
  /** Without `sessionId`: continue the latest session of this type and module (tutor reopening). */
  continueLatest?: boolean;
  context?: TurnContext;
  /** A caller's policy on the turn (a class's); see TurnGate. */
  gate?: TurnGate;
  /** Aborted by the client's stop frame or the socket closing. */
  signal: AbortSignal;
}

/**
 * A caller's policy on a turn, read by the statement that reads the student and the session (no
 * statement of its own) and judged before anything of the turn is stored: `admit` throws
 * TurnRefused to refuse the turn, may lower the highest hint level, and may store what only an
 * admitted turn should (it runs once, before the message is stored).
 */
export interface TurnGate<Value = unknown> {
  /** A scalar SQL expression (e.g. a subquery on the student's id). */
  read: SQL<Value>;
  admit(value: Value): TurnAdmission | Promise<TurnAdmission>;
}

export interface TurnAdmission {
  /**
   * The highest hint level this answer may have: the level the pedagogy engine picks is lowered to
   * it (the session keeps the lower one). Absent: up to 5.
   */
  maxHintLevel?: HintLevel;
}

export type Emit = (event: ChatServerEvent) => void;

export type TurnOutcome =
  'canned' | 'complete' | 'stopped' | 'incomplete' | 'unavailable' | 'rejected' | 'failed';

/**
 * A turn the caller's policy refuses (found while preparing it or by its gate, before anything is
 * stored): the message is sent as the turn's `error` event and nothing is generated or stored.
 */
export class TurnRefused extends Error {
  override name = 'TurnRefused';
}

/** A client mistake found by the pipeline (an unknown session): an `error` event, nothing stored. */
export class TurnInputError extends Error {
  override name = 'TurnInputError';
}
