import { apiFetch } from '../client';

/** DELETE /api/chat/sessions/{id}: deletes the session and its messages (404 if not ours). */
export async function deleteSession(sessionId: string): Promise<void> {
  await apiFetch(`/api/chat/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' });
}
