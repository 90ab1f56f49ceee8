// A greeting or an off-topic message: the pre-filter's instant reply, no model, no hint level.
import type { Classification } from '../../ai/types';
import { closingReply, greetingReply, OFF_TOPIC_REPLY } from './canned';
import type { OpenedTurn } from './open-turn';
import * as store from './session-store';
import type { Emit, TurnDeps } from './types';

export type CannedKind = 'greeting' | 'off_topic';

export const isCanned = (kind: string): kind is CannedKind =>
  kind === 'greeting' || kind === 'off_topic';

/** The reply to a greeting (or a closing "thanks") or to an off-topic message. */
export function cannedReply(
  kind: CannedKind,
  classification: Pick<Classification, 'closing'> | null,
  username: string,
): string {
  if (kind === 'off_topic') return OFF_TOPIC_REPLY;
  return classification?.closing ? closingReply(username) : greetingReply(username);
}

/** Stores the canned reply, marks the session used, emits `canned`. */
export async function answerCanned(
  deps: Pick<TurnDeps, 'db'>,
  { user, session }: OpenedTurn,
  kind: CannedKind,
  classification: Classification | null,
  emit: Emit,
): Promise<'canned'> {
  const content = cannedReply(kind, classification, user.username);
  const [messageId] = await store.insertMessages(deps.db, [
    { sessionId: session.id, role: 'assistant', content },
  ]);
  await store.touchSession(deps.db, session.id);
  emit({ type: 'canned', content, filter: kind, message_id: messageId! });
  return 'canned';
}
