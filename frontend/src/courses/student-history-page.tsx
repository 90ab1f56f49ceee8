import type { StudentConversationOut, StudentHistoryOut } from '@tutor/shared/courses';
import { useParams } from 'react-router';
import { FullPageSpinner } from '../components/spinner';
import { TextLink } from '../components/text-link';
import { ClassUnavailable } from './class-settings-page';
import { cellSummary } from './exercise-state-text';
import { formatDate, formatDateTime } from './format';
import { Section } from './section';
import { SelfReportedNote } from './self-reported-note';
import { useStudentHistory } from './use-dashboard';

const statusWords: Record<string, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
};

function ModuleProgress({ module }: { module: StudentHistoryOut['modules'][number] }) {
  return (
    <div>
      <h3 className="font-semibold text-slate-900">
        {module.title}{' '}
        <span className="text-sm font-normal text-slate-600">
          · {statusWords[module.status] ?? module.status}
        </span>
      </h3>
      <ul className="mt-2 divide-y divide-slate-100 text-sm">
        {module.exercises.map((exercise) => (
          <li key={exercise.exercise_id} className="py-1.5">
            <p className="flex flex-wrap justify-between gap-x-3">
              <span className="font-medium text-slate-800">{exercise.title}</span>
              <span className="text-slate-700">{cellSummary(exercise)}</span>
            </p>
            {(exercise.last_message || exercise.last_run_at) && (
              <p className="text-xs text-slate-600">
                {exercise.last_run_at && `Last run ${formatDateTime(exercise.last_run_at)}`}
                {exercise.last_message && (
                  <>
                    {exercise.last_run_at && ': '}
                    <span className="font-mono">{exercise.last_message}</span>
                  </>
                )}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Conversation({ conversation }: { conversation: StudentConversationOut }) {
  return (
    <details className="rounded-lg border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-medium text-slate-900">
        {conversation.title}{' '}
        <span className="font-normal text-slate-600">
          · {formatDateTime(conversation.updated_at)} · {conversation.messages.length} messages
        </span>
      </summary>
      <ol className="mt-3 space-y-2 text-sm">
        {conversation.messages.map((message, index) => (
          <li
            key={index}
            className={`rounded-md px-3 py-2 whitespace-pre-wrap ${
              message.role === 'user' ? 'bg-brand-50 text-slate-900' : 'bg-slate-50 text-slate-800'
            }`}
          >
            <p className="mb-1 text-xs font-semibold text-slate-600">
              {message.role === 'user' ? 'Student' : 'Tutor'}
              {message.hint_level !== null && ` · hint level ${message.hint_level}`} ·{' '}
              {formatDateTime(message.created_at)}
            </p>
            {message.content}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** `/classes/:classId/students/:userId`: one student's work, and their conversations if shared. */
export function StudentHistoryPage() {
  const { classId = '', userId = '' } = useParams();
  const query = useStudentHistory(classId, userId);
  if (query.isPending) return <FullPageSpinner label="Loading the student's history" />;
  if (query.isError) return <ClassUnavailable error={query.error} />;
  const { student, modules, conversations } = query.data;

  return (
    <div className="mx-auto w-full max-w-4xl space-y-6 px-4 py-8">
      <title>{`${student.username} · Numerical Tutor`}</title>
      <div>
        <TextLink to={`/classes/${classId}/dashboard`} className="text-sm">
          ← Dashboard
        </TextLink>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight break-words text-slate-900">
          {student.username}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {student.email} · joined {formatDate(student.joined_at)}
        </p>
      </div>
      <Section title="Exercises" actions={<SelfReportedNote />}>
        <div className="space-y-5">
          {modules.map((module) => (
            <ModuleProgress key={module.module_id} module={module} />
          ))}
        </div>
      </Section>
      <Section title="Tutor conversations">
        {conversations === null ? (
          <p className="text-sm text-slate-600">
            This class keeps tutor conversations private to the students. You can change that in the
            class settings; students are told.
          </p>
        ) : conversations.length === 0 ? (
          <p className="text-sm text-slate-600">No conversations with the tutor yet.</p>
        ) : (
          <div className="space-y-2">
            {conversations.map((conversation) => (
              <Conversation key={conversation.session_id} conversation={conversation} />
            ))}
          </div>
        )}
      </Section>
    </div>
  );
}
