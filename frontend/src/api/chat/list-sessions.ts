import {
  ChatSessionListSchema,
  type ChatSessionSummary,
  type ChatSessionsQuery,
} from '@tutor/shared/chat';
import { apiFetch } from '../client';

export type { ChatSessionSummary };

/** GET /api/chat/sessions: the user's sessions, newest first. */
export function listSessions(
  query: ChatSessionsQuery = {},
  signal?: AbortSignal,
): Promise<ChatSessionSummary[]> {
  const params = new URLSearchParams();
  if (query.type) params.set('type', query.type);
  if (query.module_id) params.set('module_id', query.module_id);
  const search = params.size > 0 ? `?${params.toString()}` : '';
  return apiFetch(`/api/chat/sessions${search}`, { schema: ChatSessionListSchema, signal });
}
