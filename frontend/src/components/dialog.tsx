import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface DialogAction {
  label: string;
  onClick: () => void;
  variant?: 'primary' | 'secondary' | 'danger';
}

interface DialogProps {
  title: string;
  children: ReactNode;
  /** The buttons, in order; the first one has the focus when the dialog opens. */
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

const focusable =
  'button:not([disabled]), [href], input:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab from the last focusable element goes to the first, Shift+Tab from the first to the last. */
function keepTabInside(container: HTMLElement, event: KeyboardEvent<HTMLDivElement>) {
  const items = [...container.querySelectorAll<HTMLElement>(focusable)];
  if (items.length === 0) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * A modal choice: focus moves to the first action, Tab stays inside, Escape cancels (when it may),
 * and focus goes back to whatever opened it.
 */
export function Dialog({ title, children, actions, onCancel, pending = false }: DialogProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const firstActionRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    firstActionRef.current?.focus();
    return () => opener?.focus();
  }, []);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (!pending) onCancel?.();
      return;
    }
    if (event.key === 'Tab' && dialogRef.current) keepTabInside(dialogRef.current, event);
  }

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4">
      <div
        ref={dialogRef}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={handleKeyDown}
        className="w-full max-w-md rounded-lg bg-white p-5 shadow-xl"
      >
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <div id={bodyId} className="mt-2 text-sm text-slate-700">
          {children}
        </div>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          {actions.map((action, index) => (
            <button
              key={action.label}
              ref={index === 0 ? firstActionRef : undefined}
              type="button"
              disabled={pending}
              onClick={action.onClick}
              className={`rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${variants[action.variant ?? 'secondary']}`}
            >
              {action.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
