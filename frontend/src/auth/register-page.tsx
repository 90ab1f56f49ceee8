import { DEFAULT_LEVEL } from '@tutor/shared/auth';
import { useLocation } from 'react-router';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { PageCard } from '../components/page-card';
import { TextLink } from '../components/text-link';
import { useForm } from '../lib/use-form';
import { EmailField, ExperienceFieldset, NewPasswordFields, UsernameField } from './account-fields';
import { useAuth } from './auth-context';
import { usePasswordStrength } from './password-meter';
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
        <EmailField
          value={values.email}
          error={errors.email}
          onChange={(email) => setValue('email', email)}
        />
        {errors.email === EMAIL_TAKEN && <LogInInstead state={location.state} />}
        <UsernameField
          value={values.username}
          error={errors.username}
          onChange={(username) => setValue('username', username)}
        />
        <NewPasswordFields
          name="password"
          values={values}
          errors={errors}
          checked={checked}
          onChange={(field, value) => setValue(field, value)}
        />
        <ExperienceFieldset
          values={values}
          errors={errors}
          onChange={(field, level) => setValue(field, level)}
          withHints
        />
        <Button type="submit" pending={pending} className="w-full">
          Create account
        </Button>
      </form>
    </PageCard>
  );
}

/** Offered under a registered email; keeps the remembered destination. */
function LogInInstead({ state }: { state: unknown }) {
  return (
    <p className="-mt-3 text-sm">
      <TextLink to="/login" state={state}>
        Log in instead
      </TextLink>
    </p>
  );
}
