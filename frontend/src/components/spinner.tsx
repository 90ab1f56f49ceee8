interface SpinnerProps {
  /** Read by screen readers. */
  label?: string;
  className?: string;
}

export function Spinner({ label = 'Loading', className = 'size-6' }: SpinnerProps) {
  return (
    <span role="status" className="inline-flex items-center">
      <svg
        className={`animate-spin text-brand-700 ${className}`}
        viewBox="0 0 24 24"
        fill="none"
        aria-hidden="true"
      >
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.2" strokeWidth="3" />
        <path
          d="M22 12a10 10 0 0 0-10-10"
          stroke="currentColor"
          strokeWidth="3"
          strokeLinecap="round"
        />
      </svg>
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** Fills the page while something the whole page needs (the session) is loading. */
export function FullPageSpinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="flex min-h-[60vh] items-center justify-center">
      <Spinner label={label} className="size-10" />
    </div>
  );
}
