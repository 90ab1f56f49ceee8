import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJoinPreview } from '../api/courses/get-join-preview';
import { joinClass } from '../api/courses/join-class';
import { classesKey, joinPreviewKey, policyKey } from './query-keys';

export function useJoinPreview(code: string) {
  return useQuery({
    queryKey: joinPreviewKey(code),
    queryFn: ({ signal }) => getJoinPreview(code, signal),
    staleTime: 0,
  });
}

/** Joining changes the student's classes and the policies that apply to them. */
export function useJoinClass(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => joinClass(code),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: classesKey });
      void queryClient.invalidateQueries({ queryKey: policyKey });
    },
  });
}
