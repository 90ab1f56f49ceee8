import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createClass, type ClassCreate } from '../api/courses/create-class';
import { getClass } from '../api/courses/get-class';
import { leaveClass } from '../api/courses/leave-class';
import { listClasses } from '../api/courses/list-classes';
import { classesKey, classKey, classListKey, policyKey } from './query-keys';

/** The classes the user teaches and those they are a student of. */
export function useClassList() {
  return useQuery({ queryKey: classListKey, queryFn: ({ signal }) => listClasses(signal) });
}

/** One class the user teaches (404 for someone else's). */
export function useClass(classId: string) {
  return useQuery({
    queryKey: classKey(classId),
    queryFn: ({ signal }) => getClass(classId, signal),
  });
}

export function useCreateClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClassCreate) => createClass(body),
    onSuccess: (created) => {
      queryClient.setQueryData(classKey(created.id), created);
      void queryClient.invalidateQueries({ queryKey: classListKey });
    },
  });
}

/** A student leaves a class: their list and the policies that applied change. */
export function useLeaveClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (classId: string) => leaveClass(classId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: classesKey });
      void queryClient.invalidateQueries({ queryKey: policyKey });
    },
  });
}
