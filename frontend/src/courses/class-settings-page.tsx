import { useParams } from 'react-router';
import { Alert } from '../components/alert';
import { FullPageSpinner } from '../components/spinner';
import { TextLink } from '../components/text-link';
import { ClassDetailsForm } from './class-details-form';
import { errorMessage, isMissing } from './errors';
import { JoinLinkCard } from './join-link-card';
import { ModulePolicyForm } from './module-policy-form';
import { Roster } from './roster';
import { Section } from './section';
import { useClass } from './use-classes';

/** A class page's error: someone else's class is "not found", like one that does not exist. */
export function ClassUnavailable({ error }: { error: unknown }) {
  return (
    <div className="mx-auto w-full max-w-3xl space-y-3 px-4 py-10">
      <title>Class · Numerical Tutor</title>
      <Alert tone="error" title="The class could not be opened">
        {isMissing(error) ? 'There is no such class among yours.' : errorMessage(error)}
      </Alert>
      <TextLink to="/classes">Back to your classes</TextLink>
    </div>
  );
}

/** `/classes/:classId`: a class's settings, join link, help policies and roster. */
export function ClassSettingsPage() {
  const { classId = '' } = useParams();
  const query = useClass(classId);
  if (query.isPending) return <FullPageSpinner label="Loading the class" />;
  if (query.isError) return <ClassUnavailable error={query.error} />;
  const item = query.data;

  return (
    <div className="mx-auto w-full max-w-4xl space-y-6 px-4 py-8">
      <title>{`${item.name} · Numerical Tutor`}</title>
      <div>
        <TextLink to="/classes" className="text-sm">
          ← Classes
        </TextLink>
        <div className="mt-2 flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">
            {item.name}
          </h1>
          <TextLink to={`/classes/${item.id}/dashboard`}>Open the dashboard →</TextLink>
        </div>
      </div>
      <Section
        title="Join link"
        description="Students who follow this link see the class and its settings, then join."
      >
        <JoinLinkCard item={item} />
      </Section>
      <Section title="Settings">
        <ClassDetailsForm key={item.id} item={item} />
      </Section>
      <Section
        title="Help policy per module"
        description="How far the tutor's hints may go, and when it answers at all. The server enforces it; students see it beside the tutor."
      >
        <div className="space-y-4">
          {item.modules.map((module) => (
            <ModulePolicyForm key={module.module_id} classId={item.id} module={module} />
          ))}
        </div>
      </Section>
      <Section
        title={`Students (${item.student_count})`}
        description="Select a student to see their progress."
      >
        <Roster classId={item.id} />
      </Section>
    </div>
  );
}
