import type { ClassOut } from '@tutor/shared/courses';
import { useState } from 'react';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { Dialog } from '../components/dialog';
import { errorMessage } from './errors';
import { useRotateJoinCode } from './use-class-settings';

const CLOSED = 'Joining is closed: the link admits nobody new.';

/** Copies the link; `status` says whether it worked (for the live status line). */
function useCopyLink(url: string, setStatus: (status: string) => void) {
  return async function handleCopy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied.');
    } catch {
      setStatus('Could not copy: select the link and copy it yourself.');
    }
  };
}

/** The join link students follow, with Copy, and "New link" (after a confirmation). */
export function JoinLinkCard({ item }: { item: ClassOut }) {
  const url = new URL(item.join_url, window.location.origin).href;
  const rotate = useRotateJoinCode(item.id);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const handleCopy = useCopyLink(url, setStatus);

  function handleRotate() {
    rotate.mutate(undefined, {
      onSuccess: () => setStatus('New link made: the old one no longer works.'),
      onSettled: () => setConfirming(false),
    });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="join-link" className="sr-only">
          Join link
        </label>
        <input
          id="join-link"
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 basis-64 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-800"
        />
        <Button variant="secondary" onClick={() => void handleCopy()}>
          Copy
        </Button>
        <Button variant="ghost" onClick={() => setConfirming(true)}>
          New link
        </Button>
      </div>
      {!item.joining_open && <p className="text-sm text-amber-900">{CLOSED}</p>}
      <p aria-live="polite" className="min-h-5 text-sm text-slate-700">
        {status}
      </p>
      {rotate.isError && <Alert tone="error">{errorMessage(rotate.error)}</Alert>}
      {confirming && (
        <Dialog
          title="Make a new join link?"
          onCancel={() => setConfirming(false)}
          pending={rotate.isPending}
          actions={[
            { label: 'Keep the current link', onClick: () => setConfirming(false) },
            { label: 'Make a new link', onClick: handleRotate, variant: 'danger' },
          ]}
        >
          The current link stops working at once. Students already in the class stay in it.
        </Dialog>
      )}
    </div>
  );
}
