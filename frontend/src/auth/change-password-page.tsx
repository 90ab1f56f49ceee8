import { useState } from 'react';
import { changePassword } from '../api/auth/change-password';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { PageCard } from '../components/page-card';
import { TextLink } from '../components/text-link';
import { useForm } from '../lib/use-form';
import { NewPasswordFields } from './account-fields';
import { useAuth } from './auth-context';
import { usePasswordStrength } from './password-meter';
import { passwordChangeFields, validatePasswordChangeForm, withPasswordError } from './validation';

const emptyValues = { current_password: '', new_password: '', confirm_password: '' };

type PasswordChangeValues = typeof emptyValues;

/** The form: validated with the strength of the new password; a success clears it. */
function useChangePasswordForm() {
  const { user, setAccessToken } = useAuth();
  const [changed, setChanged] = useState(false);
  const { values, setValue, errors, formError, pending, formRef, handleSubmit } = useForm({
    initialValues: emptyValues,
    fields: passwordChangeFields,
    // Called on submit, after `checked` below is set for this render.
    validate: (form: PasswordChangeValues) =>
      withPasswordError(validatePasswordChangeForm(form), 'new_password', checked?.error),
    async submit(request) {
      setChanged(false);
      const token = await changePassword(request);
      if (token) setAccessToken(token);
      setChanged(true);
      return emptyValues;
    },
  });

  const checked = usePasswordStrength('New password', values.new_password, [
    user?.email,
    user?.username,
  ]);
  return {
    values,
    setValue,
    errors,
    formError,
    pending,
    formRef,
    handleSubmit,
    user,
    changed,
    checked,
  };
}

export function ChangePasswordPage() {
  const form = useChangePasswordForm();
  const { values, setValue, errors, formError, pending, formRef, handleSubmit } = form;
  const { user, changed, checked } = form;

  return (
    <PageCard
      title="Change password"
      footer={<TextLink to="/profile">Back to your profile</TextLink>}
    >
      <title>Change password · Numerical Tutor</title>
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="space-y-5">
        {formError && <Alert tone="error">{formError}</Alert>}
        {changed && <Alert tone="success">Your password has been changed.</Alert>}
        {/* Lets password managers tie the new password to the account. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          hidden
          readOnly
          value={user?.email ?? ''}
        />
        <FormField
          id="current_password"
          name="current_password"
          type="password"
          label="Current password"
          autoComplete="current-password"
          required
          value={values.current_password}
          error={errors.current_password}
          onChange={(event) => setValue('current_password', event.target.value)}
        />
        <NewPasswordFields
          name="new_password"
          values={values}
          errors={errors}
          checked={checked}
          onChange={(field, value) => setValue(field, value)}
        />
        <Button type="submit" pending={pending} className="w-full">
          Change password
        </Button>
      </form>
    </PageCard>
  );
}
