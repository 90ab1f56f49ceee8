// Class membership: the roster, joining, leaving and removal, and the classes a student is in.
import type { ClassStudentOut, MemberClassOut } from '@tutor/shared/courses';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { users } from '../auth/schema';
import { chatSessions } from '../conversation/schema';
import type { Database } from '../db/client';
import { learningModules } from '../learning-modules/schema';
import { exerciseProgress } from '../progress/exercises/schema';
import { classMembers, classModules, classes } from './schema';

/** A member's latest activity: a check run or a tutor answer, or a chat turn (indexed per user). */
export const lastActivityAt = sql<Date | null>`greatest(
  (select max(${exerciseProgress.updatedAt}) from ${exerciseProgress} where ${exerciseProgress.userId} = ${classMembers.userId}),
  (select max(${chatSessions.updatedAt}) from ${chatSessions} where ${chatSessions.userId} = ${classMembers.userId})
)`.mapWith((value: string | Date | null) => (value === null ? null : new Date(value)));

export interface RosterRow {
  userId: string;
  username: string;
  email: string;
  joinedAt: Date;
  lastActivityAt: Date | null;
}

/** The class's students with their latest activity, by name (one query). */
export function roster(db: Database, classId: string): Promise<RosterRow[]> {
  return db
    .select({
      userId: classMembers.userId,
      username: users.username,
      email: users.email,
      joinedAt: classMembers.joinedAt,
      lastActivityAt,
    })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.userId))
    .where(eq(classMembers.classId, classId))
    .orderBy(sql`lower(${users.username})`);
}

export const toStudentOut = (row: RosterRow): ClassStudentOut => ({
  user_id: row.userId,
  username: row.username,
  email: row.email,
  joined_at: row.joinedAt.toISOString(),
  last_activity_at: row.lastActivityAt?.toISOString() ?? null,
});

export async function membership(db: Database, classId: string, userId: string) {
  const [row] = await db
    .select()
    .from(classMembers)
    .where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)));
  return row;
}

/** Joins (idempotent: joining again keeps the first joined_at). */
export async function addMember(db: Database, classId: string, userId: string): Promise<void> {
  await db.insert(classMembers).values({ classId, userId }).onConflictDoNothing();
}

/** Removes a member; false when they were not one. */
export async function removeMember(db: Database, classId: string, userId: string) {
  const removed = await db
    .delete(classMembers)
    .where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)))
    .returning({ userId: classMembers.userId });
  return removed.length > 0;
}

/** The modules of some classes in each class's order, with their titles and notebooks (one query). */
export function classModuleRows(db: Database, classIds: string[]) {
  return db
    .select({
      classId: classModules.classId,
      moduleId: classModules.moduleId,
      title: learningModules.title,
      notebook: learningModules.notebookFilename,
    })
    .from(classModules)
    .innerJoin(learningModules, eq(learningModules.id, classModules.moduleId))
    .where(inArray(classModules.classId, classIds))
    .orderBy(asc(classModules.position));
}

/** The modules of some classes as {module_id, title}, grouped by class (one query). */
export async function moduleRefsOf(db: Database, classIds: string[]) {
  const byClass = new Map<string, { module_id: string; title: string }[]>();
  if (classIds.length === 0) return byClass;
  for (const row of await classModuleRows(db, classIds)) {
    const list = byClass.get(row.classId) ?? [];
    list.push({ module_id: row.moduleId, title: row.title });
    byClass.set(row.classId, list);
  }
  return byClass;
}

/** The classes `userId` is a student of, latest joined first. */
export async function memberClasses(db: Database, userId: string): Promise<MemberClassOut[]> {
  const rows = await db
    .select({
      id: classes.id,
      name: classes.name,
      instructorName: users.username,
      conversationsVisible: classes.conversationsVisible,
      joinedAt: classMembers.joinedAt,
    })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(users, eq(users.id, classes.ownerId))
    .where(eq(classMembers.userId, userId))
    .orderBy(desc(classMembers.joinedAt));
  const modules = await moduleRefsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    instructor_name: row.instructorName,
    conversations_visible: row.conversationsVisible,
    joined_at: row.joinedAt.toISOString(),
    modules: modules.get(row.id) ?? [],
  }));
}
