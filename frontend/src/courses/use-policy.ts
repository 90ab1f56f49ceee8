import { useQuery } from '@tanstack/react-query';
import { getChatPolicy, type ChatPolicyOut } from '../api/courses/get-chat-policy';
import { getModulePolicy } from '../api/courses/get-module-policy';
import { chatPolicyKey, modulePolicyKey } from './query-keys';

/** Read again this often: an exam window can start while the page is open. */
const POLICY_REFRESH_MS = 60_000;

/**
 * The help policy the student's classes set for a module. Only to explain: the server enforces
 * it on every turn, so a policy that cannot be read leaves the tutor as it is (null).
 */
export function useModulePolicy(moduleId: string) {
  const query = useQuery({
    queryKey: modulePolicyKey(moduleId),
    queryFn: ({ signal }) => getModulePolicy(moduleId, signal),
    refetchInterval: POLICY_REFRESH_MS,
    staleTime: 0,
    retry: false,
  });
  return query.data ?? null;
}

/** Whether the student's classes allow the general chat (null: not known). */
export function useChatPolicy() {
  const query = useQuery({
    queryKey: chatPolicyKey,
    queryFn: ({ signal }) => getChatPolicy(signal),
    refetchInterval: POLICY_REFRESH_MS,
    staleTime: 0,
    retry: false,
  });
  return query.data ?? null;
}

/**
 * Why the general chat's input is off (null while the chat answers). The server refuses the turns
 * anyway; the input says why before the student writes.
 */
export function chatBlockedReason(policy: ChatPolicyOut | null): string | null {
  if (policy === null || policy.chat_enabled) return null;
  return policy.notice ?? 'Your class has turned the general chat off.';
}

/** The general chat's policy notice, and why its input is off (null while the chat answers). */
export function useChatBlock() {
  const policy = useChatPolicy();
  return { notice: policy?.notice ?? null, blockedReason: chatBlockedReason(policy) };
}
