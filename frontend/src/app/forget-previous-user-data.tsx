import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useAuth } from '../auth/auth-context';

/**
 * Empties the data cache when the signed-in user changes (a logout, or another account signing in
 * in the same tab), so no one is shown the previous person's modules, progress or conversations.
 */
export function ForgetPreviousUserData() {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const userId = user?.id ?? null;
  const previous = useRef(userId);
  useEffect(() => {
    if (previous.current !== null && previous.current !== userId) queryClient.clear();
    previous.current = userId;
  }, [userId, queryClient]);
  return null;
}
