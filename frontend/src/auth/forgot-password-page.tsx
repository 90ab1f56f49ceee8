import { useState } from 'react';
import { requestPasswordReset } from '../api/auth/password-reset';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { PageCard } from '../components/page-card';
import { TextLink } from '../components/text-link';
import { useForm } from '../lib/use-form';
import { EmailField } from './account-fields';
import { forgotPasswordFields, validateForgotPasswordForm } from './validation';

/** `/forgot-password`: asks for a reset link by email. */
export function ForgotPasswordPage() {
  // The server's answer is the same whether or not an account uses the email.
  const [sent, setSent] = useState<string | null>(null);
  const { values, setValue, errors, formError, pending, formRef, handleSubmit } = useForm({
    initialValues: { email: '' },
    fields: forgotPasswordFields,
    validate: validateForgotPasswordForm,
    async submit(request) {
      setSent(await requestPasswordReset(request));
    },
  });

  return (
    <PageCard
      title="Forgot your password?"
      description="Enter the email you signed up with and we will send you a link to choose a new password."
      footer={<TextLink to="/login">Back to log in</TextLink>}
    >
      <title>Forgot password · Numerical Tutor</title>
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="space-y-5">
        {formError && <Alert tone="error">{formError}</Alert>}
        {sent && (
          <Alert tone="success" title="Check your email">
            {sent}
          </Alert>
        )}
        <EmailField
          value={values.email}
          error={errors.email}
          onChange={(email) => setValue('email', email)}
        />
        <Button type="submit" pending={pending} className="w-full">
          {sent ? 'Send the link again' : 'Send me a reset link'}
        </Button>
      </form>
    </PageCard>
  );
}
