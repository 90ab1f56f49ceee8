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

const FILLED = ['bg-red-600', 'bg-red-600', 'bg-amber-500', 'bg-green-600', 'bg-green-700'];

/** Five bars and a sentence; the sentence is announced politely as it changes. */
export function PasswordMeter({ id, checked }: { id: string; checked: CheckedPassword | null }) {
  const strength = checked?.strength;
  const filled = strength ? strength.score + 1 : 0;
  return (
    <div id={id} className="space-y-1" data-testid="password-meter" data-score={strength?.score}>
      <div className="flex gap-1" aria-hidden="true">
        {FILLED.map((colour, index) => (
          <span
            key={index}
            className={`h-1.5 flex-1 rounded-full ${index < filled ? FILLED[filled - 1] : 'bg-slate-200'}`}
          />
        ))}
      </div>
      <p className="text-xs text-slate-700" aria-live="polite">
        {strength
          ? `Strength: ${strength.label}.${strength.advice ? ` ${strength.advice}` : ''}`
          : 'Use a few uncommon words; the bar shows how hard the password is to guess.'}
      </p>
    </div>
  );
}
