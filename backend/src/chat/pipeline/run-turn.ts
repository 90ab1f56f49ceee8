import { randomUUID } from 'node:crypto';
// One turn of the chat or tutor conversation: session → pre-filter → pedagogy → context → stream →
// store. Shared by /ws/chat and /ws/tutor; dependencies come in as parameters so tests and the
// bench can use providers that stream instantly or fail on cue.
import {
  AllProvidersFailedError,
  type Classification,
  type HintLevel,
  type MessageKind,
} from '../../ai/types';
import {
  type Difficulty,
  effectiveLevelsOf,
  fallbackDifficulty,
  planTurn,
  type ProblemState,
  startingHintLevel,
  toLevel,
} from '../../pedagogy/levels';
import { loadLearner } from '../../auth/users-store';
import { storableText } from '../../db/text';
import { buildSystemPrompt } from '../../pedagogy/prompts';
import type { ChatSession } from '../schema';
import {
  closingReply,
  greetingReply,
  INTERNAL_ERROR_MESSAGE,
  INTERRUPTED_MESSAGE,
  OFF_TOPIC_REPLY,
  UNAVAILABLE_MESSAGE,
} from './canned';
import { planHistory, summarise } from './context';
import * as store from './session-store';
import { sessionTitle } from './session-title';
import {
  type Emit,
  type TurnDeps,
  TurnInputError,
  type TurnOutcome,
  type TurnRequest,
} from './types';

/** Runs one turn, reporting everything through `emit`. Never throws. */
export async function runTurn(
  deps: TurnDeps,
  request: TurnRequest,
  emit: Emit,
): Promise<TurnOutcome> {
  try {
    // A NUL or lone surrogate becomes U+FFFD: the message is kept, and it is the same text for the
    // classifier, the model and the database (which cannot store a NUL).
    return await turn(deps, { ...request, content: storableText(request.content) }, emit);
  } catch (error) {
    if (error instanceof TurnInputError) {
      emit({ type: 'error', message: error.message });
      return 'rejected';
    }
    deps.log.error({ err: error }, 'chat turn failed');
    emit({ type: 'error', message: INTERNAL_ERROR_MESSAGE });
    return 'failed';
  }
}

async function openSession(
  deps: TurnDeps,
  request: TurnRequest,
): Promise<{ session: ChatSession; continued: boolean }> {
  const scope = {
    userId: request.userId,
    sessionType: request.sessionType,
    moduleId: request.moduleId ?? null,
  };
  if (request.sessionId) {
    const session = await store.findSession(deps.db, request.sessionId, scope);
    // Another user's session and a missing one look the same.
    if (!session)
      throw new TurnInputError('session_id: no such session (start a new one by leaving it out)');
    return { session, continued: true };
  }
  if (request.continueLatest) {
    const latest = await store.findLatestSession(deps.db, scope);
    if (latest) return { session: latest, continued: true };
  }
  return { session: await store.createSession(deps.db, scope), continued: false };
}

function previousProblem(session: ChatSession): ProblemState | null {
  if (session.currentHintLevel == null) return null;
  return {
    hintLevel: session.currentHintLevel as HintLevel,
    difficulty: {
      programming: toLevel(session.programmingDifficulty ?? 3),
      maths: toLevel(session.mathsDifficulty ?? 3),
    },
  };
}

async function classify(
  deps: TurnDeps,
  request: TurnRequest,
  session: ChatSession,
): Promise<Classification | null> {
  const previousContext =
    session.contextEmbedding && session.contextEmbeddingModel === deps.classifier.embedderId
      ? session.contextEmbedding
      : undefined;
  const cellHash = request.context?.cellHash;
  const sameCell =
    cellHash != null && session.lastCellHash != null && cellHash === session.lastCellHash;
  try {
    return await deps.classifier.classify({ message: request.content, previousContext, sameCell });
  } catch (error) {
    // A failing embedder must not block the tutor: treat the message as on-topic.
    deps.log.warn({ err: error }, 'message classification failed');
    return null;
  }
}

async function turn(deps: TurnDeps, request: TurnRequest, emit: Emit): Promise<TurnOutcome> {
  const [user, opened] = await Promise.all([
    loadLearner(deps.db, request.userId),
    openSession(deps, request),
  ]);
  if (!user) throw new TurnInputError('Your account no longer exists');
  const { session, continued } = opened;
  emit({
    type: 'session',
    session_id: session.id,
    session_type: request.sessionType,
    module_id: session.moduleId,
    continued,
    tutor_label: deps.router.primaryLabel,
    offline: deps.router.offline,
    hint_level: (session.currentHintLevel as HintLevel | null) ?? null,
  });

  // The student's message is stored at once (it is kept whatever happens to the answer), beside the
  // pre-filter and the history read, which leaves it out by id.
  const userMessageId = randomUUID();
  const [classification, history] = await Promise.all([
    classify(deps, request, session),
    store.loadHistory(deps.db, session.id, deps.config.historyMaxMessages, userMessageId),
    store.insertMessages(deps.db, [
      { id: userMessageId, sessionId: session.id, role: 'user', content: request.content },
    ]),
  ]);
  const kind: MessageKind = classification?.kind ?? 'new_problem';
  // The first real question names the session (stored with the turn's own session update).
  const title = session.title === null ? sessionTitle(request.content, kind) : null;

  if (kind === 'greeting' || kind === 'off_topic') {
    const content =
      kind === 'off_topic'
        ? OFF_TOPIC_REPLY
        : classification?.closing
          ? closingReply(user.username)
          : greetingReply(user.username);
    const [messageId] = await store.insertMessages(deps.db, [
      { sessionId: session.id, role: 'assistant', content },
    ]);
    await store.touchSession(deps.db, session.id);
    emit({ type: 'canned', content, filter: kind, message_id: messageId! });
    return 'canned';
  }

  // Pedagogy: the level of this answer and the difficulty it is rated at.
  const previous = previousProblem(session);
  const plan = planTurn(kind, previous, effectiveLevelsOf(user));
  const effective = plan.kind === 'new_problem' ? plan.effective : effectiveLevelsOf(user);
  let hintLevel: HintLevel;
  let difficulty: Difficulty;
  if (plan.kind === 'same_problem') {
    ({ hintLevel, difficulty } = plan);
  } else {
    difficulty = classification
      ? safeEstimate(deps, classification.embedding, effective)
      : fallbackDifficulty(effective);
    hintLevel = startingHintLevel(difficulty, effective);
  }

  const historyPlan = planHistory(history, deps.config.historyBudgetChars);
  const summary = historyPlan.older.length > 0 ? (session.historySummary ?? undefined) : undefined;
  const context = request.context ?? {};
  const style = { programming: toLevel(effective.programming), maths: toLevel(effective.maths) };
  const system = buildSystemPrompt({
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

  let answer = '';
  let failure: unknown;
  let answeredBy = { label: deps.router.primaryLabel, offline: deps.router.offline };
  try {
    const stream = deps.router.stream({
      system,
      messages: [
        ...historyPlan.recent.map(({ role, content }) => ({ role, content })),
        { role: 'user', content: request.content },
      ],
      hintLevel,
      material: {
        question: request.content,
        studentName: user.username,
        programmingLevel: style.programming,
        mathsLevel: style.maths,
        ...context.material,
      },
      signal: request.signal,
      onProvider: (provider) => {
        answeredBy = { label: provider.label, offline: provider.offline };
      },
    });
    for await (const piece of stream) {
      if (request.signal.aborted) break;
      if (piece === '') continue;
      answer += piece;
      emit({ type: 'token', content: piece });
    }
  } catch (error) {
    if (!request.signal.aborted) failure = error;
  }

  const stopped = request.signal.aborted;
  if (failure !== undefined && answer === '') {
    deps.log.warn(
      { err: failure, allFailed: failure instanceof AllProvidersFailedError },
      'no provider answered',
    );
    await store.touchSession(deps.db, session.id, title);
    emit({ type: 'error', message: UNAVAILABLE_MESSAGE });
    return 'unavailable';
  }

  const message = {
    sessionId: session.id,
    role: 'assistant' as const,
    content: answer,
    hintLevelUsed: hintLevel,
    problemDifficulty: difficulty.programming,
    mathsDifficulty: difficulty.maths,
    tutorLabel: answeredBy.label,
    status:
      failure !== undefined
        ? ('incomplete' as const)
        : stopped
          ? ('stopped' as const)
          : ('complete' as const),
  };
  if (failure !== undefined) {
    // Part of an answer reached the student: keep it, marked; the pedagogy state does not move.
    deps.log.warn({ err: failure }, 'answer interrupted after tokens');
    await store.saveAnswer(deps.db, {
      sessionId: session.id,
      userId: request.userId,
      message,
      title,
    });
    emit({ type: 'error', message: INTERRUPTED_MESSAGE });
    return 'incomplete';
  }

  const contextEmbedding = await embedContext(deps, request.content, answer);
  const messageId = await store.saveAnswer(deps.db, {
    sessionId: session.id,
    userId: request.userId,
    message,
    state: {
      currentHintLevel: hintLevel,
      startingHintLevel:
        plan.kind === 'new_problem' ? hintLevel : (session.startingHintLevel ?? hintLevel),
      programmingDifficulty: difficulty.programming,
      mathsDifficulty: difficulty.maths,
      contextEmbedding,
      contextEmbeddingModel: contextEmbedding ? deps.classifier.embedderId : null,
      lastCellHash: context.cellHash,
    },
    effective: plan.kind === 'new_problem' && plan.effectiveChanged ? plan.effective : undefined,
    title,
  });

  if (!stopped && context.onAnswered) {
    try {
      await context.onAnswered();
    } catch (error) {
      deps.log.error({ err: error }, 'after-answer hook failed');
    }
  }
  emit({
    type: 'done',
    hint_level: hintLevel,
    programming_difficulty: difficulty.programming,
    maths_difficulty: difficulty.maths,
    message_id: messageId,
    status: stopped ? 'stopped' : 'complete',
    tutor_label: answeredBy.label,
    offline: answeredBy.offline,
  });
  refreshSummary(deps, session, historyPlan.older);
  return stopped ? 'stopped' : 'complete';
}

/** After an answer: extends the stored summary with old turns it does not cover yet. */
function refreshSummary(deps: TurnDeps, session: ChatSession, older: store.HistoryMessage[]): void {
  const covered = session.historySummaryUntil;
  const uncovered = covered ? older.filter((m) => m.createdAt > covered) : older;
  const last = uncovered.at(-1);
  if (!last) return;
  const task = summarise(
    deps.router,
    uncovered,
    session.historySummary,
    deps.config.summaryTimeoutMs,
  )
    .then(async (summary) => {
      if (summary) await store.saveSummary(deps.db, session.id, summary, last.createdAt);
    })
    .catch((error: unknown) => deps.log.warn({ err: error }, 'history summary failed'));
  if (deps.background) deps.background(task);
}

function safeEstimate(
  deps: TurnDeps,
  embedding: number[],
  effective: { programming: number; maths: number },
): Difficulty {
  try {
    return deps.classifier.estimateDifficulty(embedding);
  } catch (error) {
    deps.log.warn({ err: error }, 'difficulty estimate failed');
    return fallbackDifficulty(effective);
  }
}

async function embedContext(
  deps: TurnDeps,
  question: string,
  answer: string,
): Promise<number[] | null> {
  if (answer === '') return null;
  try {
    return await deps.classifier.embedContext(question, answer);
  } catch (error) {
    deps.log.warn({ err: error }, 'context embedding failed');
    return null;
  }
}
