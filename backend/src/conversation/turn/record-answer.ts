// Step 5 of a turn: the answer and the state it leads to are stored, then `done` (or `error`).
import { AllProvidersFailedError } from '../../ai/types';
import { INTERRUPTED_MESSAGE, UNAVAILABLE_MESSAGE } from './canned';
import type { OpenedTurn } from './open-turn';
import type { AnswerPlan } from './plan-answer';
import type { ReceivedMessage } from './receive-message';
import { refreshSummary } from './refresh-summary';
import * as store from './session-store';
import type { StreamedAnswer } from './stream-answer';
import type { Emit, TurnContext, TurnDeps, TurnOutcome, TurnRequest } from './types';

export interface AnsweredTurn {
  opened: OpenedTurn;
  received: Pick<ReceivedMessage, 'title'>;
  plan: AnswerPlan;
  streamed: StreamedAnswer;
}

/** The assistant message as stored: its level, difficulty, who answered and how it ended. */
export function answerMessage({ opened, plan, streamed }: AnsweredTurn): store.NewMessage {
  const status =
    streamed.failure !== undefined ? 'incomplete' : streamed.stopped ? 'stopped' : 'complete';
  return {
    sessionId: opened.session.id,
    role: 'assistant',
    content: streamed.answer,
    hintLevelUsed: plan.hintLevel,
    problemDifficulty: plan.difficulty.programming,
    mathsDifficulty: plan.difficulty.maths,
    tutorLabel: streamed.answeredBy.label,
    status,
  };
}

/** The session's pedagogy state after a stored answer. */
export function answerState(
  { opened, plan }: Pick<AnsweredTurn, 'opened' | 'plan'>,
  contextEmbedding: { vector: number[] | null; model: string },
  cellHash: string | null | undefined,
): NonNullable<store.AnswerRecord['state']> {
  const { hintLevel, difficulty, pedagogy } = plan;
  return {
    currentHintLevel: hintLevel,
    startingHintLevel:
      pedagogy.kind === 'new_problem' ? hintLevel : (opened.session.startingHintLevel ?? hintLevel),
    programmingDifficulty: difficulty.programming,
    mathsDifficulty: difficulty.maths,
    contextEmbedding: contextEmbedding.vector,
    contextEmbeddingModel: contextEmbedding.vector ? contextEmbedding.model : null,
    lastCellHash: cellHash,
  };
}

async function embedContext(deps: TurnDeps, question: string, answer: string) {
  if (answer === '') return null;
  try {
    return await deps.classifier.embedContext(question, answer);
  } catch (error) {
    deps.log.warn({ err: error }, 'context embedding failed');
    return null;
  }
}

async function afterAnswered(
  deps: TurnDeps,
  context: TurnContext | undefined,
  hintLevel: AnswerPlan['hintLevel'],
): Promise<void> {
  if (!context?.onAnswered) return;
  try {
    await context.onAnswered({ hintLevel });
  } catch (error) {
    deps.log.error({ err: error }, 'after-answer hook failed');
  }
}

/** Every provider failed before a token: the question stays stored (and may name the session). */
async function recordUnavailable(deps: TurnDeps, turn: AnsweredTurn, emit: Emit) {
  const { failure } = turn.streamed;
  deps.log.warn(
    { err: failure, allFailed: failure instanceof AllProvidersFailedError },
    'no provider answered',
  );
  await store.touchSession(deps.db, turn.opened.session.id, turn.received.title);
  emit({ type: 'error', message: UNAVAILABLE_MESSAGE });
  return 'unavailable' as const;
}

/** Part of an answer reached the student: keep it, marked; the pedagogy state does not move. */
async function recordIncomplete(
  deps: TurnDeps,
  request: TurnRequest,
  turn: AnsweredTurn,
  emit: Emit,
) {
  deps.log.warn({ err: turn.streamed.failure }, 'answer interrupted after tokens');
  await store.saveAnswer(deps.db, {
    sessionId: turn.opened.session.id,
    userId: request.userId,
    message: answerMessage(turn),
    title: turn.received.title,
  });
  emit({ type: 'error', message: INTERRUPTED_MESSAGE });
  return 'incomplete' as const;
}

async function recordComplete(
  deps: TurnDeps,
  request: TurnRequest,
  turn: AnsweredTurn,
  emit: Emit,
) {
  const { opened, plan, streamed } = turn;
  const vector = await embedContext(deps, request.content, streamed.answer);
  const { pedagogy } = plan;
  const messageId = await store.saveAnswer(deps.db, {
    sessionId: opened.session.id,
    userId: request.userId,
    message: answerMessage(turn),
    state: answerState(
      turn,
      { vector, model: deps.classifier.embedderId },
      request.context?.cellHash,
    ),
    effective:
      pedagogy.kind === 'new_problem' && pedagogy.effectiveChanged ? pedagogy.effective : undefined,
    title: turn.received.title,
  });
  if (!streamed.stopped) await afterAnswered(deps, request.context, plan.hintLevel);
  emit({
    type: 'done',
    hint_level: plan.hintLevel,
    programming_difficulty: plan.difficulty.programming,
    maths_difficulty: plan.difficulty.maths,
    message_id: messageId,
    status: streamed.stopped ? 'stopped' : 'complete',
    tutor_label: streamed.answeredBy.label,
    offline: streamed.answeredBy.offline,
    ...(plan.needsAttempt && { needs_attempt: true }),
    ...(plan.startReason && { start_reason: plan.startReason }),
  });
  refreshSummary(deps, opened.session, plan.history.older);
  return streamed.stopped ? ('stopped' as const) : ('complete' as const);
}

export async function recordAnswer(
  deps: TurnDeps,
  request: TurnRequest,
  turn: AnsweredTurn,
  emit: Emit,
): Promise<TurnOutcome> {
  const { failure, answer } = turn.streamed;
  if (failure !== undefined && answer === '') return recordUnavailable(deps, turn, emit);
  if (failure !== undefined) return recordIncomplete(deps, request, turn, emit);
  return recordComplete(deps, request, turn, emit);
}
