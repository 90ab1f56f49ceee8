import { useParams } from 'react-router';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { FullPageSpinner } from '../components/spinner';
import { TextLink } from '../components/text-link';
import { ClassUnavailable } from './class-settings-page';
import { DashboardGrid } from './dashboard-grid';
import { errorMessage } from './errors';
import { formatDateTime } from './format';
import { SelfReportedNote } from './self-reported-note';
import { useCsvDownload, useDashboard } from './use-dashboard';

/** `/classes/:classId/dashboard`: where the class's students are, exercise by exercise. */
export function DashboardPage() {
  const { classId = '' } = useParams();
  const query = useDashboard(classId);
  const csv = useCsvDownload(classId, query.data?.class.name ?? 'class');
  if (query.isPending) return <FullPageSpinner label="Loading the dashboard" />;
  if (query.isError) return <ClassUnavailable error={query.error} />;
  const dashboard = query.data;
  const inactive = dashboard.students.filter((student) => student.inactive).length;

  return (
    <div className="mx-auto w-full max-w-7xl space-y-4 px-4 py-8">
      <title>{`Dashboard: ${dashboard.class.name} · Numerical Tutor`}</title>
      <div>
        <TextLink to={`/classes/${classId}`} className="text-sm">
          ← Class settings
        </TextLink>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight break-words text-slate-900">
          {dashboard.class.name}: dashboard
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {dashboard.students.length === 1 ? '1 student' : `${dashboard.students.length} students`}
          {inactive > 0 && `, ${inactive} inactive for 7 days or more`} · as of{' '}
          {formatDateTime(dashboard.generated_at)}
        </p>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SelfReportedNote />
        <div className="flex items-center gap-2">
          <Button
            variant="secondary"
            onClick={() => void query.refetch()}
            pending={query.isFetching}
          >
            Refresh
          </Button>
          <Button onClick={() => csv.mutate()} pending={csv.isPending}>
            Download CSV
          </Button>
        </div>
      </div>
      <p aria-live="polite" className="text-sm text-slate-700 empty:hidden">
        {csv.isSuccess ? 'The CSV file was downloaded.' : ''}
      </p>
      {csv.isError && <Alert tone="error">{errorMessage(csv.error)}</Alert>}
      {dashboard.exercises.length === 0 ? (
        <Alert tone="info">The class’s modules have no exercises with checks.</Alert>
      ) : dashboard.students.length === 0 ? (
        <Alert tone="info">
          No students have joined yet. Share the class’s join link with them.
        </Alert>
      ) : (
        <DashboardGrid dashboard={dashboard} />
      )}
    </div>
  );
}
