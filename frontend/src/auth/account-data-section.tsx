import { useState } from 'react';
import { deleteAccount } from '../api/auth/delete-account';
import { downloadAccountData } from '../api/auth/export-account';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { Dialog } from '../components/dialog';
import { FormField } from '../components/form-field';
import { formErrorMessage } from '../lib/forms';
import { useForm } from '../lib/use-form';
import { useAuth } from './auth-context';
import { deleteAccountFields, validateDeleteAccountForm } from './validation';

export const ACCOUNT_DELETED_NOTICE =
  'Your account and everything in it have been deleted. Thank you for learning with us.';

/** "Your data" and the danger zone of the profile page: download everything, delete everything. */
export function AccountDataSection() {
  return (
    <>
      <DownloadMyData />
      <DangerZone />
    </>
  );
}

function DownloadMyData() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleDownload() {
    setPending(true);
    setError(null);
    try {
      await downloadAccountData();
    } catch (caught) {
      setError(`Your data could not be downloaded. ${formErrorMessage(caught)}`);
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="your-data" className="mt-8 space-y-3 border-t border-slate-200 pt-6">
      <h2 id="your-data" className="text-base font-semibold text-slate-900">
        Your data
      </h2>
      <p className="text-sm text-slate-600">
        One JSON file with your profile, your notebooks and progress in every module, and all your
        chat and tutor conversations.
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      <Button variant="secondary" pending={pending} onClick={() => void handleDownload()}>
        {pending ? 'Preparing your data…' : 'Download my data'}
      </Button>
    </section>
  );
}

function DangerZone() {
  const [open, setOpen] = useState(false);
  return (
    <section
      aria-labelledby="danger-zone"
      className="mt-8 space-y-3 rounded-md border border-red-200 bg-red-50/40 p-4"
    >
      <h2 id="danger-zone" className="text-base font-semibold text-red-800">
        Danger zone
      </h2>
      <p className="text-sm text-slate-700">
        Deleting your account removes your profile, notebooks, progress and conversations for good.
        Download your data first if you want to keep a copy.
      </p>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800"
      >
        Delete my account
      </button>
      {open && <DeleteAccountDialog onCancel={() => setOpen(false)} />}
    </section>
  );
}

/** Asks for the password; on success the session ends and the landing page says so. */
function DeleteAccountDialog({ onCancel }: { onCancel: () => void }) {
  const { endSession } = useAuth();
  const { values, setValue, errors, formError, pending, formRef, handleSubmit } = useForm({
    initialValues: { password: '' },
    fields: deleteAccountFields,
    validate: validateDeleteAccountForm,
    async submit(request) {
      await deleteAccount(request);
      endSession(ACCOUNT_DELETED_NOTICE);
    },
  });

  return (
    <Dialog
      title="Delete your account?"
      onCancel={onCancel}
      pending={pending}
      actions={[
        { label: 'Cancel', onClick: onCancel },
        {
          label: pending ? 'Deleting…' : 'Delete my account',
          variant: 'danger',
          onClick: () => formRef.current?.requestSubmit(),
        },
      ]}
    >
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="space-y-4">
        <p>This cannot be undone. Enter your password to confirm.</p>
        {formError && <Alert tone="error">{formError}</Alert>}
        <FormField
          id="delete-account-password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          required
          value={values.password}
          error={errors.password}
          onChange={(event) => setValue('password', event.target.value)}
        />
      </form>
    </Dialog>
  );
}
