import { FormField } from '../components/form-field';
import { LevelSlider } from './level-slider';
import { PasswordMeter, type CheckedPassword } from './password-meter';

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

/** The new password's field name: `password` on registration, `new_password` on a change. */
type NewPasswordName = 'password' | 'new_password';

const NEW_PASSWORD_LABELS: Record<NewPasswordName, { label: string; repeat: string }> = {
  password: { label: 'Password', repeat: 'Repeat password' },
  new_password: { label: 'New password', repeat: 'Repeat new password' },
};

interface NewPasswordFieldsProps<Name extends NewPasswordName> {
  name: Name;
  values: Record<Name | 'confirm_password', string>;
  errors: Partial<Record<Name | 'confirm_password', string>>;
  checked: CheckedPassword | null;
  onChange(field: Name | 'confirm_password', value: string): void;
}

/** A new password with its strength meter, and its repeat (registration, password change). */
export function NewPasswordFields<Name extends NewPasswordName>(
  props: NewPasswordFieldsProps<Name>,
) {
  const { name, values, errors, onChange } = props;
  const labels = NEW_PASSWORD_LABELS[name];
  return (
    <>
      <FormField
        id={name}
        name={name}
        type="password"
        label={labels.label}
        hint="At least 8 characters, and hard to guess: a few uncommon words work well."
        autoComplete="new-password"
        required
        value={values[name]}
        error={errors[name]}
        onChange={(event) => onChange(name, event.target.value)}
      />
      <PasswordMeter
        id={`${name.replace('_', '-')}-strength`}
        checked={props.checked}
        fieldError={errors[name]}
      />
      <FormField
        id="confirm_password"
        name="confirm_password"
        type="password"
        label={labels.repeat}
        autoComplete="new-password"
        required
        value={values.confirm_password}
        error={errors.confirm_password}
        onChange={(event) => onChange('confirm_password', event.target.value)}
      />
    </>
  );
}
