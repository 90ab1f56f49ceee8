import { useLocation } from 'react-router';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { PageCard } from '../components/page-card';
import { TextLink } from '../components/text-link';
import { useForm } from '../lib/use-form';
import { EmailField } from './account-fields';
import { useAuth } from './auth-context';
import type { RedirectState } from './redirect';
import { loginFields, validateLoginForm } from './validation';

export function LoginPage() {
  const { login } = useAuth();
  const location = useLocation();
  const cameFromProtectedPage = Boolean((location.state as RedirectState | null)?.from);
  // GuestOnlyRoute moves on to the remembered page once signed in.
  const { values, setValue, errors, formError, pending, formRef, handleSubmit } = useForm({
    initialValues: { email: '', password: '' },
    fields: loginFields,
    validate: validateLoginForm,
    submit: login,
  });

  return (
    <PageCard
      title="Log in"
      description="Welcome back. Pick up where you left off."
      footer={
        <>
          New here? {/* Keep the remembered destination when switching to registration. */}
          <TextLink to="/register" state={location.state}>
            Create an account
          </TextLink>
        </>
      }
    >
      <title>Log in · Numerical Tutor</title>
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="space-y-5">
        {cameFromProtectedPage && !formError && <Alert>Please log in to continue.</Alert>}
        {formError && <Alert tone="error">{formError}</Alert>}
        <EmailField
          value={values.email}
          error={errors.email}
          onChange={(email) => setValue('email', email)}
        />
        <FormField
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          required
          value={values.password}
          error={errors.password}
          onChange={(event) => setValue('password', event.target.value)}
        />
        <p className="-mt-2 text-right text-sm">
          <TextLink to="/forgot-password">Forgot password?</TextLink>
        </p>
        <Button type="submit" pending={pending} className="w-full">
          Log in
        </Button>
      </form>
    </PageCard>
  );
}
