import type { Profile } from '@tutor/shared/auth';
import { useState } from 'react';
import { updateProfile } from '../api/auth/update-profile';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { PageCard } from '../components/page-card';
import { TextLink } from '../components/text-link';
import { MyClassesSection } from '../courses/my-classes-section';
import { useForm } from '../lib/use-form';
import { AccountDataSection } from './account-data-section';
import { ExperienceFieldset, UsernameField } from './account-fields';
import { useAuth } from './auth-context';
import { profileFields, validateProfileForm } from './validation';

const memberSince = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : memberSince.format(date);
}

export function ProfilePage() {
  const { user } = useAuth();
  // ProtectedRoute renders this page only with a user.
  if (!user) return null;
  return <ProfileForm user={user} />;
}

/** The profile form's state: saving refreshes the signed-in user; `dirty` while it differs. */
function useProfileForm(user: Profile) {
  const { setUser } = useAuth();
  const [saved, setSaved] = useState(false);
  const { values, setValue, errors, formError, pending, formRef, handleSubmit } = useForm({
    initialValues: {
      username: user.username,
      programming_level: user.programming_level,
      maths_level: user.maths_level,
    },
    fields: profileFields,
    validate: validateProfileForm,
    async submit(request) {
      setSaved(false);
      const profile = await updateProfile(request);
      setUser(profile);
      setSaved(true);
      return {
        username: profile.username,
        programming_level: profile.programming_level,
        maths_level: profile.maths_level,
      };
    },
  });
  const dirty =
    values.username !== user.username ||
    values.programming_level !== user.programming_level ||
    values.maths_level !== user.maths_level;
  return { values, setValue, errors, formError, pending, formRef, handleSubmit, saved, dirty };
}

function ProfileForm({ user }: { user: Profile }) {
  const { values, setValue, errors, formError, pending, formRef, handleSubmit, saved, dirty } =
    useProfileForm(user);

  return (
    <PageCard
      title="Your profile"
      description={
        <>
          Member since <time dateTime={user.created_at}>{formatDate(user.created_at)}</time>
        </>
      }
      footer={<TextLink to="/profile/password">Change password</TextLink>}
    >
      <title>Profile · Numerical Tutor</title>
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="space-y-5">
        {formError && <Alert tone="error">{formError}</Alert>}
        {saved && !dirty && <Alert tone="success">Profile saved.</Alert>}
        <FormField
          id="email"
          name="email"
          type="email"
          label="Email"
          hint="Your email is your login and cannot be changed."
          autoComplete="email"
          readOnly
          value={user.email}
        />
        <UsernameField
          value={values.username}
          error={errors.username}
          onChange={(username) => setValue('username', username)}
        />
        <ExperienceFieldset
          values={values}
          errors={errors}
          onChange={(field, level) => setValue(field, level)}
        />
        <Button type="submit" pending={pending} disabled={!dirty} className="w-full">
          Save changes
        </Button>
      </form>
      <MyClassesSection />
      <AccountDataSection />
    </PageCard>
  );
}
