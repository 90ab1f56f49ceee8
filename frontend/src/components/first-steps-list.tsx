import type { ReactNode } from 'react';

interface FirstStepsListProps {
  /** Replaces the first step's detail (the module list names the first module). */
  pickDetail?: ReactNode;
  /** The heading level of each step's title within the page. */
  headingLevel?: 'h3' | 'h4';
}

/**
 * How the app is used, in three numbered steps: pick a module, run its notebook in the browser,
 * ask the tutor. The landing page explains the app with it; the module list greets new students.
 */
export function FirstStepsList({ pickDetail, headingLevel = 'h3' }: FirstStepsListProps) {
  const Heading = headingLevel;
  const steps: { title: string; detail: ReactNode }[] = [
    {
      title: 'Pick a module',
      detail:
        pickDetail ??
        'Each module is a notebook of short explanations and exercises, with checks that tell you when an answer is right.',
    },
    {
      title: 'The notebook runs in your browser',
      detail:
        'Python runs right in this page, with NumPy, SciPy and Matplotlib: nothing to install. Your work is saved to your account as you go.',
    },
    {
      title: 'Ask the tutor when you are stuck',
      detail:
        'The tutor sees the cell you are working on and your latest error, and answers with graduated hints: a nudge first, more only if you need it, rather than the answer.',
    },
  ];
  return (
    <ol className="grid gap-5 md:grid-cols-3 md:gap-6">
      {steps.map((step, index) => (
        <li key={step.title} className="flex gap-3">
          <span
            aria-hidden="true"
            className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-800 ring-1 ring-brand-100"
          >
            {index + 1}
          </span>
          <div>
            <Heading className="font-semibold text-slate-900">{step.title}</Heading>
            <p className="mt-1 text-sm leading-relaxed text-slate-600">{step.detail}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
