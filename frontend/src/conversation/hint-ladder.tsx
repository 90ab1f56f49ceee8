import { MAX_HINT_LEVEL } from '@tutor/shared/chat';
import { useId } from 'react';

const levelNames = ['Guiding question', 'Concept', 'Structure', 'Worked example', 'Full solution'];

interface HintLadderProps {
  /** The level of the latest answer; nothing is shown before the first answer. */
  level: number | null;
  onNextHint: () => void;
  /** False while answering, disconnected, or at the top of the ladder. */
  canRequestNext: boolean;
  /** The tutor waits for the student to try their code before it climbs further. */
  needsAttempt?: boolean;
  /** Why the problem's ladder starts where it does (its first answer), e.g. "Starting at hint 3: …". */
  startReason?: string | null;
  /** Asks for the same problem from hint 1 (offered with a start above hint 1). */
  onStartOver?: () => void;
  canStartOver?: boolean;
  /** The highest level the student's class allows (below 5: "Next hint" stops there). */
  maxLevel?: number;
}

/** Where the student is on the hint ladder ("Hint 2 of 5") and a way up it. */
export function HintLadder({
  level,
  onNextHint,
  canRequestNext,
  needsAttempt = false,
  startReason = null,
  onStartOver,
  canStartOver = false,
  maxLevel = MAX_HINT_LEVEL,
}: HintLadderProps) {
  const descriptionId = useId();
  if (level === null) return null;
  const atTop = level >= maxLevel;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <LadderDots level={level} describedBy={descriptionId} />
        <span id={descriptionId} className="text-slate-700" data-testid="hint-level">
          Hint {level} of {MAX_HINT_LEVEL}
          <span className="text-slate-500"> · {levelNames[level - 1]}</span>
        </span>
        {!atTop && (
          <button
            type="button"
            onClick={onNextHint}
            disabled={!canRequestNext}
            className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-400"
          >
            Next hint
          </button>
        )}
        {atTop && maxLevel < MAX_HINT_LEVEL && (
          <span className="text-xs text-slate-600" data-testid="hint-cap">
            The highest hint your class allows
          </span>
        )}
      </div>
      {startReason && (
        <StartReason
          reason={startReason}
          onStartOver={level > 1 ? onStartOver : undefined}
          canStartOver={canStartOver}
        />
      )}
      {needsAttempt && (
        <p role="status" className="text-xs text-amber-900" data-testid="needs-attempt">
          Try your code, then ask for the next hint
        </p>
      )}
    </div>
  );
}

/** Why the ladder starts where it does, and one click to start from hint 1 instead. */
function StartReason({
  reason,
  onStartOver,
  canStartOver,
}: {
  reason: string;
  onStartOver?: () => void;
  canStartOver: boolean;
}) {
  return (
    <p
      className="flex flex-wrap items-center gap-2 text-xs text-slate-600"
      data-testid="start-reason"
    >
      <span>{reason}</span>
      {onStartOver && (
        <button
          type="button"
          onClick={onStartOver}
          disabled={!canStartOver}
          className="rounded border border-slate-300 bg-white px-2 py-0.5 font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-400"
        >
          Start from hint 1
        </button>
      )}
    </p>
  );
}

/** The ladder as five dots, the reached ones filled (an accessible progress bar). */
function LadderDots({ level, describedBy }: { level: number; describedBy: string }) {
  return (
    <div
      role="progressbar"
      aria-valuemin={1}
      aria-valuemax={MAX_HINT_LEVEL}
      aria-valuenow={level}
      aria-valuetext={`Hint ${level} of ${MAX_HINT_LEVEL}: ${levelNames[level - 1]}`}
      aria-label="Hint level"
      aria-describedby={describedBy}
      className="flex gap-1"
    >
      {Array.from({ length: MAX_HINT_LEVEL }, (_, index) => (
        <span
          key={index}
          className={`h-2 w-6 rounded-full ${index < level ? 'bg-brand-600' : 'bg-slate-200'}`}
        />
      ))}
    </div>
  );
}
