import type { ProgressStatus } from '@tutor/shared/progress';

const labels: Record<ProgressStatus, string> = {
  not_started: 'Not Started',
  in_progress: 'In Progress',
  completed: 'Completed',
};

// Grey, amber, green: the text says the same, so colour is never the only signal.
const tones: Record<ProgressStatus, string> = {
  not_started: 'bg-slate-100 text-slate-700 ring-slate-300',
  in_progress: 'bg-amber-100 text-amber-900 ring-amber-300',
  completed: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
};

export function statusLabel(status: ProgressStatus): string {
  return labels[status];
}

/** The module's progress as a coloured pill with its name. */
export function StatusBadge({ status }: { status: ProgressStatus }) {
  return (
    <span
      data-status={status}
      className={`inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[status]}`}
    >
      {labels[status]}
    </span>
  );
}
