// "Download my data": everything the app keeps about one student, gathered through each feature's
// own functions (auth's profile, progress and per-exercise progress, classes joined and taught,
// the tutor's error types, the conversation's sessions).
import type { AccountExport } from '@tutor/shared/account';
import { withoutTrustMarkers } from '@tutor/shared/notebook-trust';
import type { FastifyInstance } from 'fastify';
import { loadProfile } from '../auth/users-store';
import { listMessages, listSessions } from '../conversation/session-queries';
import { teachingClasses } from '../courses/class-store';
import { errorContextsOf } from '../courses/error-contexts';
import { memberClasses } from '../courses/members';
import { unauthorized } from '../errors/app-error';
import { type LearningModule, listModules } from '../learning-modules/service';
import { exercisesForNotebook } from '../learning-modules/exercises';
import { toExerciseProgressOut } from '../progress/exercises/routes';
import { listExerciseProgress } from '../progress/exercises/service';
import { getAllProgress } from '../progress/service';

type ExportedModule = AccountExport['modules'][number];
type ExportedSession = AccountExport['chat_sessions'][number];

/**
 * The student's data as one JSON document. A student's data is small (a few notebooks of at most
 * 5 MiB and their conversations), so it is built in memory; reads are not in one transaction, so a
 * save landing during the export may or may not be in it.
 */
export async function exportAccount(app: FastifyInstance, userId: string): Promise<AccountExport> {
  const db = app.database.db;
  const profile = await loadProfile(db, userId);
  if (!profile) throw unauthorized('Account no longer exists');
  const [modules, progress, sessions, classes, classesTaught, errorTypes] = await Promise.all([
    listModules(db),
    getAllProgress(db, userId),
    listSessions(db, userId),
    memberClasses(db, userId),
    // Only the classes they own, whatever their role now (an admin's list would hold every class).
    teachingClasses(db, { id: userId, role: 'instructor' }),
    errorContextsOf(db, userId),
  ]);

  const progressByModule = new Map(progress.map((row) => [row.moduleId, row]));
  const exported: ExportedModule[] = [];
  for (const module of modules) {
    const entry = await exportModule(app, userId, module, progressByModule.get(module.id));
    if (entry) exported.push(entry);
  }

  const chatSessions: ExportedSession[] = [];
  for (const session of sessions) {
    chatSessions.push({
      id: session.id,
      session_type: session.session_type,
      module_id: session.module_id,
      title: session.title,
      created_at: session.created_at,
      messages: (await listMessages(db, userId, session.id)) ?? [],
    });
  }

  return {
    format: 'numerical-tutor-account-export',
    version: 1,
    exported_at: new Date().toISOString(),
    profile,
    modules: exported,
    classes,
    classes_taught: classesTaught,
    tutor_error_types: errorTypes.map((row) => ({
      module_id: row.moduleId,
      exercise_id: row.exerciseId,
      error: row.error,
      created_at: row.createdAt.toISOString(),
    })),
    chat_sessions: chatSessions,
  };
}

/** One module's record and exercises; undefined when the student has neither. */
async function exportModule(
  app: FastifyInstance,
  userId: string,
  module: LearningModule,
  record: Awaited<ReturnType<typeof getAllProgress>>[number] | undefined,
): Promise<ExportedModule | undefined> {
  const exerciseRows = await listExerciseProgress(app.database.db, userId, module.id);
  if (!record && exerciseRows.length === 0) return undefined;
  const titles = new Map(
    exercisesForNotebook(app.exercises, module.notebookFilename).map((e) => [e.id, e.title]),
  );
  return {
    module_id: module.id,
    title: module.title,
    status: record?.status ?? null,
    attempt_count: record?.attemptCount ?? 0,
    // As the progress API returns it: never trusted (see @tutor/shared/notebook-trust).
    notebook: withoutTrustMarkers(record?.notebookState ?? null),
    notebook_version: record?.version ?? 0,
    updated_at: record?.updatedAt.toISOString() ?? null,
    exercises: exerciseRows
      .sort((a, b) => a.exerciseId.localeCompare(b.exerciseId))
      .map((row) => ({
        ...toExerciseProgressOut({ id: row.exerciseId, title: '' }, row),
        title: titles.get(row.exerciseId) ?? null,
      })),
  };
}
