import type { MemberClassOut } from '@tutor/shared/courses';
import { useState } from 'react';
import { Alert } from '../components/alert';
import { Dialog } from '../components/dialog';
import { errorMessage } from './errors';
import { formatDate } from './format';
import { useClassList, useLeaveClass } from './use-classes';

function MemberClassItem({
  item,
  onLeave,
}: {
  item: MemberClassOut;
  onLeave: (item: MemberClassOut) => void;
}) {
  return (
    <li className="rounded-lg border border-slate-200 p-3 text-sm">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium break-words text-slate-900">{item.name}</p>
          <p className="text-slate-600">
            {item.instructor_name} · since {formatDate(item.joined_at)}
          </p>
          <p className="text-slate-600">{item.modules.map((module) => module.title).join(', ')}</p>
          <p className="mt-1 text-xs text-slate-600">
            {item.conversations_visible
              ? 'Your instructor can read your tutor conversations.'
              : 'Your tutor conversations are private.'}
          </p>
        </div>
        <button
          type="button"
          onClick={() => onLeave(item)}
          aria-label={`Leave ${item.name}`}
          className="shrink-0 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
        >
          Leave
        </button>
      </div>
    </li>
  );
}

/** The profile page's "My classes": the classes I am a student of, each with Leave. */
export function MyClassesSection() {
  const classes = useClassList();
  const leave = useLeaveClass();
  const [leaving, setLeaving] = useState<MemberClassOut | null>(null);
  const [status, setStatus] = useState('');
  const memberOf = classes.data?.member_of ?? [];

  function handleLeave(item: MemberClassOut) {
    leave.mutate(item.id, {
      onSuccess: () => setStatus(`You left ${item.name}.`),
      onSettled: () => setLeaving(null),
    });
  }

  // Nothing to say to a student in no class (nor while it loads).
  if (memberOf.length === 0 && status === '' && !classes.isError) return null;
  return (
    <section aria-labelledby="my-classes" className="mt-8 border-t border-slate-200 pt-6">
      <h2 id="my-classes" className="text-lg font-semibold text-slate-900">
        My classes
      </h2>
      <p aria-live="polite" className="mt-2 text-sm text-slate-700 empty:hidden">
        {status}
      </p>
      {classes.isError && <Alert tone="error">{errorMessage(classes.error)}</Alert>}
      {leave.isError && <Alert tone="error">{errorMessage(leave.error)}</Alert>}
      <ul className="mt-3 space-y-3" aria-label="My classes">
        {memberOf.map((item) => (
          <MemberClassItem key={item.id} item={item} onLeave={setLeaving} />
        ))}
      </ul>
      {leaving && (
        <Dialog
          title={`Leave ${leaving.name}?`}
          onCancel={() => setLeaving(null)}
          pending={leave.isPending}
          actions={[
            { label: 'Stay', onClick: () => setLeaving(null) },
            { label: 'Leave', onClick: () => handleLeave(leaving), variant: 'danger' },
          ]}
        >
          Your instructor will no longer see your progress, and the class’s limits on the tutor no
          longer apply. Your work stays yours. You need the join link to come back.
        </Dialog>
      )}
    </section>
  );
}
