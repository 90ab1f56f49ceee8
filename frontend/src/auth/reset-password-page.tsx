import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { confirmPasswordReset } from '../api/auth/password-reset';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { PageCard } from '../components/page-card';
import { TextLink } from '../components/text-link';
import { useForm } from '../lib/use-form';
import { NewPasswordFields } from './account-fields';
import { usePasswordStrength } from './password-meter';
import { resetPasswordFields, validateResetPasswordForm, withPasswordError } from './validation';

const emptyValues = { new_password: '', confirm_password: '' };

/** `/reset-password?token=...`: the page a reset mail links to. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const { values, setValue, errors, formError, pending, formRef, handleSubmit } = useForm({
    initialValues: emptyValues,
    fields: resetPasswordFields,
    // Called on submit, after `checked` below is set for this render.
    validate: (form: typeof emptyValues) =>
      withPasswordError(validateResetPasswordForm(token, form), 'new_password', checked?.error),
    async submit(request) {
      await confirmPasswordReset(request);
      setDone(true);
      return emptyValues;
    },
  });
  // The account's email and username are not known here; the server counts them too.
  const checked = usePasswordStrength('New password', values.new_password, []);

  return (
    <PageCard
      title="Choose a new password"
      footer={
        <>
          Link expired or already used? <TextLink to="/forgot-password">Ask for a new one</TextLink>
        </>
      }
    >
      <title>Reset password · Numerical Tutor</title>
      {done ? (
        <div className="space-y-5">
          <Alert tone="success" title="Your password has been changed">
            You have been signed out everywhere. Log in with your new password.
          </Alert>
          <TextLink to="/login">Log in</TextLink>
        </div>
      ) : token === '' ? (
        <Alert tone="error">
          This link is incomplete. Open the link from the email again, or ask for a new one.
        </Alert>
      ) : (
        <form ref={formRef} onSubmit={handleSubmit} noValidate className="space-y-5">
          {formError && <Alert tone="error">{formError}</Alert>}
          <NewPasswordFields
            name="new_password"
            values={values}
            errors={errors}
            checked={checked}
            onChange={(field, value) => setValue(field, value)}
          />
          <Button type="submit" pending={pending} className="w-full">
            Set new password
          </Button>
        </form>
      )}
    </PageCard>
  );
}
