import { useState } from 'react';
import { changePassword } from '../api/auth/change-password';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { PageCard } from '../components/page-card';
import { TextLink } from '../components/text-link';
import { useForm } from '../lib/use-form';
import { useAuth } from './auth-context';
import { PasswordMeter, usePasswordStrength, type CheckedPassword } from './password-meter';
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
        <NewPasswordFields values={values} errors={errors} checked={checked} onChange={setValue} />
        <Button type="submit" pending={pending} className="w-full">
          Change password
        </Button>
      </form>
    </PageCard>
  );
}

type NewPasswordValues = Pick<PasswordChangeValues, 'new_password' | 'confirm_password'>;

interface NewPasswordFieldsProps {
  values: NewPasswordValues;
  errors: Partial<Record<keyof NewPasswordValues, string>>;
  checked: CheckedPassword | null;
  onChange(field: keyof NewPasswordValues, value: string): void;
}

/** The new password with its strength meter, and the repeat. */
function NewPasswordFields({ values, errors, checked, onChange }: NewPasswordFieldsProps) {
  return (
    <>
      <FormField
        id="new_password"
        name="new_password"
        type="password"
        label="New password"
        hint="At least 8 characters, and hard to guess: a few uncommon words work well."
        autoComplete="new-password"
        required
        value={values.new_password}
        error={errors.new_password}
        onChange={(event) => onChange('new_password', event.target.value)}
      />
      <PasswordMeter
        id="new-password-strength"
        checked={checked}
        fieldError={errors.new_password}
      />
      <FormField
        id="confirm_password"
        name="confirm_password"
        type="password"
        label="Repeat new password"
        autoComplete="new-password"
        required
        value={values.confirm_password}
        error={errors.confirm_password}
        onChange={(event) => onChange('confirm_password', event.target.value)}
      />
    </>
  );
}
