import type { ProgressStatus } from '@tutor/shared/progress';
import { useState } from 'react';
import { Dialog } from '../components/dialog';

export interface CompletionControlProps {
  status: ProgressStatus;
  /** The progress is known, so the status can change. */
  canChange: boolean;
  /** A change is under way. */
  changing: boolean;
  /** How many of the module's exercises passed their checks (null when not known). */
  exercises: { passed: number; total: number } | null;
  /** Leaves "Mark as completed" to the callout (shown when every exercise passes). */
  completeElsewhere?: boolean;
  onComplete: () => void;
  onReopen: () => void;
}

/** True when every exercise of a module that has some passed its check. */
export function allExercisesPass(exercises: CompletionControlProps['exercises']): boolean {
  return exercises !== null && exercises.total > 0 && exercises.passed === exercises.total;
}

/** "3 of 9 exercises have not passed their checks yet." */
function notPassedText(missing: number, total: number): string {
  const verb = missing === 1 ? 'has' : 'have';
  return `${missing} of ${total} ${total === 1 ? 'exercise' : 'exercises'} ${verb} not passed their checks yet.`;
}

/**
 * The header's status control: "Mark as completed" (asking first while some exercises have not
 * passed their checks), or for a completed module "Completed ✓" and "Reopen".
 */
export function CompletionControl(props: CompletionControlProps & { small?: boolean }) {
  const { status, canChange, changing, exercises, small = false } = props;
  const [confirming, setConfirming] = useState(false);
  const size = small ? 'px-2.5 py-1 text-xs' : 'px-3 py-1.5 text-sm';
  if (status === 'completed') {
    return (
      <div className="flex items-center gap-2">
        <p className={`rounded-md bg-emerald-50 font-medium text-emerald-900 ${size}`}>
          Completed ✓
        </p>
        <button
          type="button"
          onClick={props.onReopen}
          disabled={!canChange || changing}
          className={`rounded-md border border-slate-300 bg-white font-medium text-slate-800 hover:bg-slate-100 disabled:text-slate-500 ${size}`}
        >
          Reopen
        </button>
      </div>
    );
  }
  if (props.completeElsewhere) return null;
  const missing = exercises ? exercises.total - exercises.passed : 0;

  function handleComplete() {
    if (missing > 0) setConfirming(true);
    else props.onComplete();
  }

  return (
    <>
      <button
        type="button"
        onClick={handleComplete}
        disabled={!canChange || changing}
        className={`rounded-md border border-brand-700 bg-white font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60 ${size}`}
      >
        Mark as completed
      </button>
      {confirming && exercises && (
        <Dialog
          title="Mark this module as completed?"
          onCancel={() => setConfirming(false)}
          actions={[
            { label: 'Cancel', onClick: () => setConfirming(false) },
            {
              label: 'Mark as completed',
              variant: 'primary',
              onClick: () => {
                setConfirming(false);
                props.onComplete();
              },
            },
          ]}
        >
          {notPassedText(missing, exercises.total)} Mark as completed anyway?
        </Dialog>
      )}
    </>
  );
}

interface AllPassedCalloutProps {
  total: number;
  changing: boolean;
  onComplete: () => void;
  onDismiss: () => void;
}

/** Every exercise passes: the prominent way to mark the module as completed. */
export function AllPassedCallout({
  total,
  changing,
  onComplete,
  onDismiss,
}: AllPassedCalloutProps) {
  const all = total === 1 ? 'The exercise passes' : `All ${total} exercises pass`;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-emerald-200 bg-emerald-50 px-4 py-2 text-sm text-emerald-950">
      <p role="status" className="min-w-0 flex-1 font-medium">
        {all}. Mark this module as completed?
      </p>
      <div className="flex items-center gap-2">
        <button
          type="button"
          onClick={onComplete}
          disabled={changing}
          className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          Mark as completed
        </button>
        <button
          type="button"
          onClick={onDismiss}
          className="rounded-md px-2 py-1.5 text-emerald-950 hover:bg-emerald-100"
        >
          Not now
        </button>
      </div>
    </div>
  );
}
