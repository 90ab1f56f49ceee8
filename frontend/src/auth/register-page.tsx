import { DEFAULT_LEVEL } from '@tutor/shared/auth';
import { useLocation } from 'react-router';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { PageCard } from '../components/page-card';
import { TextLink } from '../components/text-link';
import { useForm } from '../lib/use-form';
import { useAuth } from './auth-context';
import { LevelSlider } from './level-slider';
import { PasswordMeter, usePasswordStrength } from './password-meter';
import {
  registerFields,
  validateRegisterForm,
  withPasswordError,
  type RegisterFormValues,
} from './validation';

/** The server's answer for an email that has an account: the form offers to log in instead. */
const EMAIL_TAKEN = 'Email already registered';

const initialValues: RegisterFormValues = {
  email: '',
  username: '',
  password: '',
  confirm_password: '',
  programming_level: DEFAULT_LEVEL,
  maths_level: DEFAULT_LEVEL,
};

export function RegisterPage() {
  const { register } = useAuth();
  const location = useLocation();
  const { values, setValue, errors, formError, pending, formRef, handleSubmit } = useForm({
    initialValues,
    fields: registerFields,
    // Called on submit, after `checked` below is set for this render.
    validate: (form: RegisterFormValues) =>
      withPasswordError(validateRegisterForm(form), 'password', checked?.error),
    submit: register,
  });
  const checked = usePasswordStrength('Password', values.password, [values.email, values.username]);

  return (
    <PageCard
      title="Tell us about you"
      description="Create your account. Your answers help the tutor pitch its hints at the right level; you can change them later."
      footer={
        <>
          Already have an account?{' '}
          <TextLink to="/login" state={location.state}>
            Log in
          </TextLink>
        </>
      }
    >
      <title>Create an account · Numerical Tutor</title>
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="space-y-5">
        {formError && <Alert tone="error">{formError}</Alert>}
        <FormField
          id="email"
          name="email"
          type="email"
          label="Email"
          autoComplete="email"
          inputMode="email"
          autoFocus
          required
          value={values.email}
          error={errors.email}
          onChange={(event) => setValue('email', event.target.value)}
        />
        {errors.email === EMAIL_TAKEN && (
          <p className="-mt-3 text-sm">
            <TextLink to="/login" state={location.state}>
              Log in instead
            </TextLink>
          </p>
        )}
        <FormField
          id="username"
          name="username"
          label="Username"
          hint="3 to 50 characters: letters, digits, spaces and _ . -"
          autoComplete="username"
          required
          value={values.username}
          error={errors.username}
          onChange={(event) => setValue('username', event.target.value)}
        />
        <FormField
          id="password"
          name="password"
          type="password"
          label="Password"
          hint="At least 8 characters, and hard to guess: a few uncommon words work well."
          autoComplete="new-password"
          required
          value={values.password}
          error={errors.password}
          onChange={(event) => setValue('password', event.target.value)}
        />
        <PasswordMeter id="password-strength" checked={checked} fieldError={errors.password} />
        <FormField
          id="confirm_password"
          name="confirm_password"
          type="password"
          label="Repeat password"
          autoComplete="new-password"
          required
          value={values.confirm_password}
          error={errors.confirm_password}
          onChange={(event) => setValue('confirm_password', event.target.value)}
        />
        <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-800">Your experience</legend>
          <LevelSlider
            id="programming_level"
            label="Programming"
            hint="How comfortable are you writing code, in Python or any language?"
            value={values.programming_level}
            error={errors.programming_level}
            onChange={(level) => setValue('programming_level', level)}
          />
          <LevelSlider
            id="maths_level"
            label="Maths"
            hint="How comfortable are you with algebra, calculus and linear algebra?"
            value={values.maths_level}
            error={errors.maths_level}
            onChange={(level) => setValue('maths_level', level)}
          />
        </fieldset>
        <Button type="submit" pending={pending} className="w-full">
          Create account
        </Button>
      </form>
    </PageCard>
  );
}
