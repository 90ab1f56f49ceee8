import type { ReactNode } from 'react';

interface PageCardProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** A centred card for account pages: one heading, the form, an optional footer line. */
export function PageCard({ title, description, children, footer }: PageCardProps) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <section
        aria-labelledby="page-title"
        className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8"
      >
        <h1 id="page-title" className="text-2xl font-semibold tracking-tight text-slate-900">
          {title}
        </h1>
        {description && <div className="mt-2 text-sm text-slate-600">{description}</div>}
        <div className="mt-6">{children}</div>
      </section>
      {footer && <div className="mt-4 text-center text-sm text-slate-600">{footer}</div>}
    </div>
  );
}
