// One student's history in a class: per module their status and exercises, and their tutor
// conversations on the class's modules only when the class lets the instructor read them.
import type { StudentConversationOut, StudentHistoryOut } from '@tutor/shared/courses';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { users } from '../auth/schema';
import { chatMessages, chatSessions } from '../conversation/schema';
import type { Database } from '../db/client';
import { notFound } from '../errors/app-error';
import type { ExerciseCatalog } from '../learning-modules/exercises';
import { exerciseProgress } from '../progress/exercises/schema';
import { exerciseStateOf } from '../progress/exercises/service';
import { userModuleProgress } from '../progress/schema';
import { classExercises } from './dashboard';
import { classMembers, classModules, type ClassRow } from './schema';

const SESSIONS_SHOWN = 50;
const MESSAGES_PER_SESSION = 200;

/** The student's tutor sessions on the class's modules, newest first, with their messages. */
async function conversations(
  db: Database,
  userId: string,
  classId: string,
): Promise<StudentConversationOut[]> {
  const moduleIds = db
    .select({ id: classModules.moduleId })
    .from(classModules)
    .where(eq(classModules.classId, classId));
  const sessions = await db
    .select()
    .from(chatSessions)
    .where(
      and(
        eq(chatSessions.userId, userId),
        eq(chatSessions.sessionType, 'tutor'),
        inArray(chatSessions.moduleId, moduleIds),
      ),
    )
    .orderBy(desc(chatSessions.updatedAt))
    .limit(SESSIONS_SHOWN);
  if (sessions.length === 0) return [];
  const messages = await db
    .select()
    .from(chatMessages)
    .where(
      inArray(
        chatMessages.sessionId,
        sessions.map((session) => session.id),
      ),
    )
    .orderBy(asc(chatMessages.createdAt));
  return sessions.map((session) => ({
    session_id: session.id,
    title: session.title ?? 'Untitled',
    module_id: session.moduleId,
    updated_at: session.updatedAt.toISOString(),
    messages: messages
      .filter((message) => message.sessionId === session.id)
      .slice(-MESSAGES_PER_SESSION)
      .map((message) => ({
        role: message.role,
        content: message.content,
        created_at: message.createdAt.toISOString(),
        hint_level: message.hintLevelUsed,
      })),
  }));
}

/** Per class module: the student's status and exercises (two queries). */
async function moduleHistories(
  db: Database,
  catalog: ExerciseCatalog,
  classId: string,
  userId: string,
): Promise<StudentHistoryOut['modules']> {
  const modules = await classExercises(db, catalog, classId);
  const moduleIds = modules.map((module) => module.moduleId);
  if (moduleIds.length === 0) return [];
  const [statuses, progress] = await Promise.all([
    db
      .select({ moduleId: userModuleProgress.moduleId, status: userModuleProgress.status })
      .from(userModuleProgress)
      .where(
        and(eq(userModuleProgress.userId, userId), inArray(userModuleProgress.moduleId, moduleIds)),
      ),
    db
      .select()
      .from(exerciseProgress)
      .where(
        and(eq(exerciseProgress.userId, userId), inArray(exerciseProgress.moduleId, moduleIds)),
      ),
  ]);
  const statusOf = new Map(statuses.map((status) => [status.moduleId, status.status]));
  const progressOf = new Map(progress.map((entry) => [entry.exerciseId, entry]));
  return modules.map((module) => ({
    module_id: module.moduleId,
    title: module.title,
    status: statusOf.get(module.moduleId) ?? 'not_started',
    exercises: module.exercises.map((exercise) => {
      const entry = progressOf.get(exercise.exerciseId);
      return {
        exercise_id: exercise.exerciseId,
        title: exercise.title,
        state: exerciseStateOf(entry),
        runs: entry?.runs ?? 0,
        highest_hint_level: entry && entry.highestHintLevel > 0 ? entry.highestHintLevel : null,
        last_run_at: entry?.lastRunAt?.toISOString() ?? null,
        last_message: entry?.lastMessage ?? null,
      };
    }),
  }));
}

export async function studentHistory(
  db: Database,
  catalog: ExerciseCatalog,
  row: ClassRow,
  userId: string,
): Promise<StudentHistoryOut> {
  const [student] = await db
    .select({
      username: users.username,
      email: users.email,
      joinedAt: classMembers.joinedAt,
    })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.userId))
    .where(and(eq(classMembers.classId, row.id), eq(classMembers.userId, userId)));
  if (!student) throw notFound('Student not found in this class');
  const [modules, talks] = await Promise.all([
    moduleHistories(db, catalog, row.id, userId),
    row.conversationsVisible ? conversations(db, userId, row.id) : null,
  ]);
  return {
    student: {
      user_id: userId,
      username: student.username,
      email: student.email,
      joined_at: student.joinedAt.toISOString(),
    },
    modules,
    conversations: talks,
  };
}
