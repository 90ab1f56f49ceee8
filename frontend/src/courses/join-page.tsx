import type { JoinPreviewOut } from '@tutor/shared/courses';
import { useParams } from 'react-router';
import { ApiError } from '../api/api-error';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { PageCard } from '../components/page-card';
import { FullPageSpinner } from '../components/spinner';
import { TextLink } from '../components/text-link';
import { conversationsText } from './class-texts';
import { errorMessage } from './errors';
import { useJoinClass, useJoinPreview } from './use-join';

/** Why a join link does not work, in words a student can act on. */
function joinErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 404 || error.status === 422)
      return 'This join link does not work: it may be mistyped or replaced by a newer one. Ask your instructor for the current link.';
    if (error.status === 429 && error.retryAfterSeconds !== undefined)
      return `${error.message} Try again in ${Math.ceil(error.retryAfterSeconds / 60)} minutes.`;
  }
  return errorMessage(error, 'The class could not be loaded. Try again.');
}

/** What joining means, said before the Join button: the instructor, modules and what they see. */
function ClassFacts({ preview }: { preview: JoinPreviewOut }) {
  return (
    <div className="space-y-4 text-sm text-slate-700">
      <p>
        Instructor: <span className="font-medium text-slate-900">{preview.instructor_name}</span>
      </p>
      <div>
        <p className="font-medium text-slate-900">Modules</p>
        <ul className="mt-1 list-disc pl-5">
          {preview.modules.map((module) => (
            <li key={module.module_id}>{module.title}</li>
          ))}
        </ul>
      </div>
      <div
        className={`rounded-md border px-3 py-2 ${
          preview.conversations_visible
            ? 'border-amber-300 bg-amber-50 text-amber-950'
            : 'border-slate-200 bg-slate-50'
        }`}
        data-testid="conversations-visibility"
      >
        <p className="font-semibold">
          {preview.conversations_visible
            ? 'Your instructor can read your tutor conversations'
            : 'Your tutor conversations stay private'}
        </p>
        <p className="mt-1">{conversationsText(preview.conversations_visible)}</p>
      </div>
      <p>
        Your instructor will see your progress on these modules’ exercises (checks run, hint levels,
        last activity), and the class may limit the tutor’s hints.
      </p>
    </div>
  );
}

/** `/join/:code`: the class behind the link, what joining shares, and the Join button. */
export function JoinPage() {
  const { code = '' } = useParams();
  const preview = useJoinPreview(code);
  const join = useJoinClass(code);

  if (preview.isPending) return <FullPageSpinner label="Loading the class" />;
  if (preview.isError) {
    return (
      <PageCard title="Join a class" footer={<TextLink to="/modules">Go to the modules</TextLink>}>
        <title>Join a class · Numerical Tutor</title>
        <Alert tone="error">{joinErrorText(preview.error)}</Alert>
      </PageCard>
    );
  }
  const data = preview.data;
  const member = data.already_member || join.isSuccess;

  return (
    <PageCard
      title={`Join ${data.name}`}
      footer={<TextLink to="/modules">Go to the modules</TextLink>}
    >
      <title>{`Join ${data.name} · Numerical Tutor`}</title>
      <div className="space-y-5">
        <ClassFacts preview={data} />
        <div aria-live="polite">
          {member && (
            <Alert tone="success">
              {join.isSuccess ? `You joined ${data.name}.` : `You are in ${data.name}.`}{' '}
              <TextLink to="/modules">Open the modules</TextLink>
            </Alert>
          )}
        </div>
        {join.isError && <Alert tone="error">{joinErrorText(join.error)}</Alert>}
        {!member && !data.joining_open && (
          <Alert tone="error">This class is not accepting new students.</Alert>
        )}
        {!member && data.joining_open && (
          <Button onClick={() => join.mutate()} pending={join.isPending} className="w-full">
            Join the class
          </Button>
        )}
      </div>
    </PageCard>
  );
}
