import { useEffect, useState } from 'react';
import type * as Estimator from '@tutor/shared/password-strength';
import type { PasswordStrength } from '@tutor/shared/password-strength';

// The estimator and its dictionaries are a large chunk of their own, loaded once the student
// starts typing a new password (never on other pages).
let estimator: Promise<typeof Estimator> | undefined;
const loadEstimator = () => (estimator ??= import('@tutor/shared/password-strength'));

export interface CheckedPassword {
  password: string;
  strength: PasswordStrength;
  /** The server's field error for this password, or undefined when it is strong enough. */
  error: string | undefined;
}

/**
 * The strength of `password` by the server's own rule, estimated shortly after typing stops;
 * `personal` are the account's email and username, which a password must not lean on.
 */
export function usePasswordStrength(
  label: string,
  password: string,
  personal: (string | undefined)[],
): CheckedPassword | null {
  const [checked, setChecked] = useState<CheckedPassword | null>(null);
  const personalKey = personal.map((value) => value ?? '').join('\n');
  useEffect(() => {
    if (password === '') return;
    let cancelled = false;
    const timer = setTimeout(() => {
      loadEstimator()
        .then(({ passwordStrength, personalWords, weakPasswordMessage }) => {
          if (cancelled) return;
          const strength = passwordStrength(password, personalWords(...personalKey.split('\n')));
          const error = strength.acceptable ? undefined : weakPasswordMessage(label, strength);
          setChecked({ password, strength, error });
        })
        // Without the estimator the server still checks; the meter just stays empty.
        .catch(() => undefined);
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [label, password, personalKey]);
  return checked?.password === password ? checked : null;
}

const COLOURS = ['bg-red-600', 'bg-red-600', 'bg-amber-500', 'bg-green-600', 'bg-green-700'];

/**
 * Five bars and a sentence, announced politely as it changes. When the field already shows the
 * refusal (`fieldError`), the sentence gives only the rating, so the advice is not said twice.
 */
export function PasswordMeter({
  id,
  checked,
  fieldError,
}: {
  id: string;
  checked: CheckedPassword | null;
  fieldError?: string;
}) {
  const strength = checked?.strength;
  const filled = strength ? strength.score + 1 : 0;
  const colour = COLOURS[filled - 1] ?? 'bg-slate-200';
  const advice = strength?.advice && !fieldError ? ` ${strength.advice}` : '';
  return (
    <div id={id} className="space-y-1" data-testid="password-meter" data-score={strength?.score}>
      <div className="flex gap-1" aria-hidden="true">
        {COLOURS.map((_, index) => (
          <span
            key={index}
            className={`h-1.5 flex-1 rounded-full ${index < filled ? colour : 'bg-slate-200'}`}
          />
        ))}
      </div>
      <p className="min-h-4 text-xs text-slate-700" aria-live="polite">
        {strength ? `Strength: ${strength.label}.${advice}` : ''}
      </p>
    </div>
  );
}
