import { ChatMessageListSchema, type ChatMessageOut } from '@tutor/shared/chat';
import { apiFetch } from '../client';

export type { ChatMessageOut };

/** GET /api/chat/sessions/{id}/messages: the session's messages, oldest first (404 if not ours). */
export function getSessionMessages(
  sessionId: string,
  signal?: AbortSignal,
): Promise<ChatMessageOut[]> {
  return apiFetch(`/api/chat/sessions/${encodeURIComponent(sessionId)}/messages`, {
    schema: ChatMessageListSchema,
    signal,
  });
}
