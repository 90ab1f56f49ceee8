// Step 2 of a turn: the student's message is classified once, and stored at once (it is kept whatever
// happens to the answer) by the statement that reads the history before it.
import type { Classification } from '../../ai/types';
import type { MessageKind } from '../../pedagogy/types';
import type { ChatSession } from '../schema';
import * as store from './session-store';
import { sessionTitle } from './session-title';
import type { TurnDeps, TurnRequest } from './types';

export interface ReceivedMessage {
  /** Null when the classifier failed: the message is then treated as a new problem. */
  classification: Classification | null;
  kind: MessageKind;
  history: store.HistoryMessage[];
  /** The session's name when this is its first real question (stored with the turn's update). */
  title: string | null;
}

/** The pre-filter's verdict, or null when it fails (a failing embedder must not block the tutor). */
export async function classify(
  deps: Pick<TurnDeps, 'classifier' | 'log'>,
  request: Pick<TurnRequest, 'content' | 'context'>,
  session: Pick<ChatSession, 'contextEmbedding' | 'contextEmbeddingModel' | 'lastCellHash'>,
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
    deps.log.warn({ err: error }, 'message classification failed');
    return null;
  }
}

export async function receiveMessage(
  deps: TurnDeps,
  request: TurnRequest,
  session: ChatSession,
): Promise<ReceivedMessage> {
  const [classification, history] = await Promise.all([
    classify(deps, request, session),
    store.receiveUserMessage(
      deps.db,
      { sessionId: session.id, content: request.content },
      deps.config.historyMaxMessages,
    ),
  ]);
  const kind: MessageKind = classification?.kind ?? 'new_problem';
  const title = session.title === null ? sessionTitle(request.content, kind) : null;
  return { classification, kind, history, title };
}
