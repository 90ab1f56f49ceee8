import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { searchUsers, type AdminUserOut } from '../api/courses/search-users';
import { setUserRole } from '../api/courses/set-user-role';

const usersKey = ['admin', 'users'] as const;

/** The users matching `query` (the list stays on screen while the next one loads). */
export function useUserSearch(query: string) {
  return useQuery({
    queryKey: [...usersKey, query],
    queryFn: ({ signal }) => searchUsers(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

interface RoleChange {
  user: AdminUserOut;
  role: 'student' | 'instructor';
}

export function useSetRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, role }: RoleChange) => setUserRole(user.id, role),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
