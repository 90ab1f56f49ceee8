import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogAction {
  label: string;
  onClick: () => void;
  variant?: 'primary' | 'secondary' | 'danger';
}

interface WorkspaceDialogProps {
  title: string;
  children: ReactNode;
  actions: DialogAction[];
  /** Escape runs this; without it the dialog cannot be dismissed (a choice is required). */
  onCancel?: () => void;
  /** An action is under way: every button is disabled. */
  pending?: boolean;
}

const variants = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100',
  danger: 'bg-red-700 text-white hover:bg-red-800',
};

/**
 * A modal built on the native <dialog> (showModal keeps focus inside and makes the page inert);
 * focus returns to whatever opened it.
 */
export function WorkspaceDialog({
  title,
  children,
  actions,
  onCancel,
  pending,
}: WorkspaceDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel?.();
      }}
      className="m-auto w-full max-w-md rounded-lg bg-white p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id={titleId} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <div id={bodyId} className="mt-2 text-sm text-slate-700">
        {children}
      </div>
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        {actions.map((action) => (
          <button
            key={action.label}
            type="button"
            disabled={pending}
            onClick={action.onClick}
            className={`rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${variants[action.variant ?? 'secondary']}`}
          >
            {action.label}
          </button>
        ))}
      </div>
    </dialog>
  );
}
