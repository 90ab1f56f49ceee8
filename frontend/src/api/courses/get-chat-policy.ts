import { ChatPolicyOutSchema, type ChatPolicyOut } from '@tutor/shared/courses';
import { apiFetch } from '../client';

export type { ChatPolicyOut };

/** GET /api/policy: whether the student's classes allow the general chat. */
export function getChatPolicy(signal?: AbortSignal): Promise<ChatPolicyOut> {
  return apiFetch('/api/policy', { schema: ChatPolicyOutSchema, signal });
}
