import { FormField } from '../components/form-field';
import { LevelSlider } from './level-slider';

/** The fields the login, registration and profile forms share, with one wording each. */

interface TextFieldProps {
  value: string;
  error?: string;
  onChange(value: string): void;
}

/** The sign-in email, focused when the page opens (login and registration). */
export function EmailField({ value, error, onChange }: TextFieldProps) {
  return (
    <FormField
      id="email"
      name="email"
      type="email"
      label="Email"
      autoComplete="email"
      inputMode="email"
      autoFocus
      required
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

export function UsernameField({ value, error, onChange }: TextFieldProps) {
  return (
    <FormField
      id="username"
      name="username"
      label="Username"
      hint="3 to 50 characters: letters, digits, spaces and _ . -"
      autoComplete="username"
      required
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

type Levels = { programming_level: number; maths_level: number };

interface ExperienceFieldsetProps {
  values: Levels;
  errors: Partial<Record<keyof Levels, string>>;
  onChange(field: keyof Levels, level: number): void;
  /** Registration explains each level; the profile does not. */
  withHints?: boolean;
}

export function ExperienceFieldset({
  values,
  errors,
  onChange,
  withHints,
}: ExperienceFieldsetProps) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">Your experience</legend>
      <LevelSlider
        id="programming_level"
        label="Programming"
        hint={
          withHints ? 'How comfortable are you writing code, in Python or any language?' : undefined
        }
        value={values.programming_level}
        error={errors.programming_level}
        onChange={(level) => onChange('programming_level', level)}
      />
      <LevelSlider
        id="maths_level"
        label="Maths"
        hint={
          withHints
            ? 'How comfortable are you with algebra, calculus and linear algebra?'
            : undefined
        }
        value={values.maths_level}
        error={errors.maths_level}
        onChange={(level) => onChange('maths_level', level)}
      />
    </fieldset>
  );
}
