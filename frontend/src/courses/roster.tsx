import type { ClassStudentOut } from '@tutor/shared/courses';
import { useState } from 'react';
import { Alert } from '../components/alert';
import { Dialog } from '../components/dialog';
import { Spinner } from '../components/spinner';
import { TextLink } from '../components/text-link';
import { errorMessage } from './errors';
import { formatDate, formatDateTime } from './format';
import { useRemoveStudent, useStudents } from './use-class-settings';

interface StudentItemProps {
  classId: string;
  student: ClassStudentOut;
  onRemove: (student: ClassStudentOut) => void;
}

function StudentItem({ classId, student, onRemove }: StudentItemProps) {
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
      <div className="min-w-0 flex-1">
        <TextLink to={`/classes/${classId}/students/${student.user_id}`}>
          {student.username}
        </TextLink>
        <p className="truncate text-xs text-slate-600">
          {student.email} · joined {formatDate(student.joined_at)} · last active{' '}
          {formatDateTime(student.last_activity_at)}
        </p>
      </div>
      <button
        type="button"
        onClick={() => onRemove(student)}
        aria-label={`Remove ${student.username}`}
        className="rounded-md px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
      >
        Remove
      </button>
    </li>
  );
}

/** The class's students, each with a link to their history and "Remove" (after a confirmation). */
export function Roster({ classId }: { classId: string }) {
  const students = useStudents(classId);
  const remove = useRemoveStudent(classId);
  const [removing, setRemoving] = useState<ClassStudentOut | null>(null);
  const [status, setStatus] = useState('');

  function handleRemove(student: ClassStudentOut) {
    remove.mutate(student.user_id, {
      onSuccess: () => setStatus(`${student.username} was removed from the class.`),
      onSettled: () => setRemoving(null),
    });
  }

  if (students.isPending) return <Spinner label="Loading the students" />;
  if (students.isError) return <Alert tone="error">{errorMessage(students.error)}</Alert>;
  return (
    <div className="space-y-3">
      <p aria-live="polite" className="text-sm text-slate-700 empty:hidden">
        {status}
      </p>
      {remove.isError && <Alert tone="error">{errorMessage(remove.error)}</Alert>}
      {students.data.length === 0 ? (
        <p className="text-sm text-slate-600">No students yet. Share the join link with them.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Students">
          {students.data.map((student) => (
            <StudentItem
              key={student.user_id}
              classId={classId}
              student={student}
              onRemove={setRemoving}
            />
          ))}
        </ul>
      )}
      {removing && (
        <Dialog
          title={`Remove ${removing.username}?`}
          onCancel={() => setRemoving(null)}
          pending={remove.isPending}
          actions={[
            { label: 'Keep', onClick: () => setRemoving(null) },
            { label: 'Remove', onClick: () => handleRemove(removing), variant: 'danger' },
          ]}
        >
          They leave the class and its help policy; their own work stays with them. They can join
          again through the link while joining is open.
        </Dialog>
      )}
    </div>
  );
}
