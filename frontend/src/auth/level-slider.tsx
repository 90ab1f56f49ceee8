import { LEVEL_MAX, LEVEL_MIN } from '@tutor/shared/auth';
import { FieldError } from '../components/form-field';

export const LEVEL_NAMES = [
  'Beginner',
  'Elementary',
  'Intermediate',
  'Advanced',
  'Expert',
] as const;

export function levelName(level: number): string {
  return LEVEL_NAMES[level - LEVEL_MIN] ?? String(level);
}

interface LevelSliderProps {
  id: string;
  label: string;
  value: number;
  onChange(value: number): void;
  hint?: string;
  error?: string;
  disabled?: boolean;
}

/** A 1..5 self-assessment, Beginner to Expert, operable with arrow keys. */
export function LevelSlider({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  disabled,
}: LevelSliderProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-4">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <output htmlFor={id} className="text-sm font-medium text-brand-800">
          {levelName(value)}
        </output>
      </div>
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={id}
        type="range"
        min={LEVEL_MIN}
        max={LEVEL_MAX}
        step={1}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(Number(event.target.value))}
        aria-valuetext={`${value} of ${LEVEL_MAX}, ${levelName(value)}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="w-full cursor-pointer"
      />
      <div className="flex justify-between text-xs text-slate-600" aria-hidden="true">
        <span>Beginner</span>
        <span>Expert</span>
      </div>
      {error && <FieldError id={errorId}>{error}</FieldError>}
    </div>
  );
}
