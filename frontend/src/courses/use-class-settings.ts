import type { ClassOut } from '@tutor/shared/courses';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listStudents } from '../api/courses/list-students';
import { removeStudent } from '../api/courses/remove-student';
import { rotateJoinCode } from '../api/courses/rotate-join-code';
import { updateClass, type ClassUpdate } from '../api/courses/update-class';
import { updateModulePolicy, type ModulePolicy } from '../api/courses/update-module-policy';
import { classKey, classListKey, studentsKey } from './query-keys';

/** Every change answers with the class: it replaces the cached one, and the list is read again. */
function useSaveClass() {
  const queryClient = useQueryClient();
  return (saved: ClassOut) => {
    queryClient.setQueryData(classKey(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: classListKey });
  };
}

export function useUpdateClass(classId: string) {
  const save = useSaveClass();
  return useMutation({
    mutationFn: (body: ClassUpdate) => updateClass(classId, body),
    onSuccess: save,
  });
}

export function useRotateJoinCode(classId: string) {
  const save = useSaveClass();
  return useMutation({ mutationFn: () => rotateJoinCode(classId), onSuccess: save });
}

export function useUpdateModulePolicy(classId: string, moduleId: string) {
  const save = useSaveClass();
  return useMutation({
    mutationFn: (policy: ModulePolicy) => updateModulePolicy(classId, moduleId, policy),
    onSuccess: save,
  });
}

export function useStudents(classId: string) {
  return useQuery({
    queryKey: studentsKey(classId),
    queryFn: ({ signal }) => listStudents(classId, signal),
  });
}

export function useRemoveStudent(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeStudent(classId, userId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: studentsKey(classId) });
      void queryClient.invalidateQueries({ queryKey: classKey(classId) });
      void queryClient.invalidateQueries({ queryKey: classListKey });
    },
  });
}
