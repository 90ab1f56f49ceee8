import type { ClassOut } from '@tutor/shared/courses';
import { Alert } from '../components/alert';
import { Spinner } from '../components/spinner';
import { TextLink } from '../components/text-link';
import { CreateClassForm } from './create-class-form';
import { errorMessage } from './errors';
import { Section } from './section';
import { useClassList } from './use-classes';

function ClassCard({ item }: { item: ClassOut }) {
  return (
    <article className="rounded-lg border border-slate-200 p-4">
      <h3 className="font-semibold text-slate-900">
        <TextLink to={`/classes/${item.id}`}>{item.name}</TextLink>
      </h3>
      <p className="mt-1 text-sm text-slate-600">
        {item.student_count === 1 ? '1 student' : `${item.student_count} students`} ·{' '}
        {item.modules.map((module) => module.title).join(', ')}
        {!item.joining_open && ' · joining closed'}
      </p>
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <TextLink to={`/classes/${item.id}`} aria-label={`Settings of ${item.name}`}>
          Settings
        </TextLink>
        <TextLink to={`/classes/${item.id}/dashboard`} aria-label={`Dashboard of ${item.name}`}>
          Dashboard
        </TextLink>
      </p>
    </article>
  );
}

/** `/classes`: the classes I teach, and a form for a new one. */
export function ClassesPage() {
  const classes = useClassList();
  return (
    <div className="mx-auto w-full max-w-4xl space-y-6 px-4 py-8">
      <title>Classes · Numerical Tutor</title>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Your classes</h1>
        <p className="mt-1 text-slate-600">
          Students join a class through its link. Each class sets how much help the tutor gives.
        </p>
      </div>
      <Section title="Classes you teach">
        {classes.isPending && <Spinner label="Loading your classes" />}
        {classes.isError && <Alert tone="error">{errorMessage(classes.error)}</Alert>}
        {classes.data && classes.data.teaching.length === 0 && (
          <p className="text-sm text-slate-600">No classes yet: create the first one below.</p>
        )}
        {classes.data && classes.data.teaching.length > 0 && (
          <ul className="grid gap-3 sm:grid-cols-2" aria-label="Classes you teach">
            {classes.data.teaching.map((item) => (
              <li key={item.id}>
                <ClassCard item={item} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="New class">
        <CreateClassForm />
      </Section>
    </div>
  );
}
