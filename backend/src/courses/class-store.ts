// The SQL of classes: create, read as ClassOut (set-based for lists), change, rotate the code.
// Every read by id goes through `classForStaff`, which answers 404 to anyone but the owner or an
// admin, so another instructor's class does not exist for them.
import { randomBytes } from 'node:crypto';
import type { ClassCreate, ClassOut, ClassUpdate, ModulePolicy, Role } from '@tutor/shared/courses';
import { and, asc, count, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { notFound, unprocessable } from '../errors/app-error';
import { learningModules } from '../learning-modules/schema';
import { type ClassRow, classMembers, classModules, classes } from './schema';

export const CLASS_NOT_FOUND = 'Class not found';

/** 16 random bytes as base64url: 22 characters, 128 bits, not guessable. */
export const newJoinCode = () => randomBytes(16).toString('base64url');

/** The class if `userId` owns it or is an admin; 404 otherwise. */
export async function classForStaff(
  db: Database,
  user: { id: string; role: Role },
  classId: string,
): Promise<ClassRow> {
  const [found] = await db.select().from(classes).where(eq(classes.id, classId));
  if (!found || (found.ownerId !== user.id && user.role !== 'admin'))
    throw notFound(CLASS_NOT_FOUND);
  return found;
}

/** Refuses unknown modules (422, nothing stored); returns the ids without duplicates. */
async function existingModules(db: Database, moduleIds: string[]): Promise<string[]> {
  const unique = [...new Set(moduleIds)];
  const found = await db
    .select({ id: learningModules.id })
    .from(learningModules)
    .where(inArray(learningModules.id, unique));
  const known = new Set(found.map((row) => row.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw unprocessable(`Unknown module: ${unknown.join(', ')}`, { fields: ['module_ids'] });
  return unique;
}

/** ClassOut of each class, in the order given: three queries whatever the number of classes. */
export async function classesOut(db: Database, rows: ClassRow[]): Promise<ClassOut[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [modules, counts] = await Promise.all([
    db
      .select({
        classId: classModules.classId,
        moduleId: classModules.moduleId,
        title: learningModules.title,
        maxHintLevel: classModules.maxHintLevel,
        tutorEnabled: classModules.tutorEnabled,
        tutorOffFrom: classModules.tutorOffFrom,
        tutorOffUntil: classModules.tutorOffUntil,
      })
      .from(classModules)
      .innerJoin(learningModules, eq(learningModules.id, classModules.moduleId))
      .where(inArray(classModules.classId, ids))
      .orderBy(asc(classModules.position)),
    db
      .select({ classId: classMembers.classId, students: count() })
      .from(classMembers)
      .where(inArray(classMembers.classId, ids))
      .groupBy(classMembers.classId),
  ]);
  const studentCount = new Map(counts.map((row) => [row.classId, Number(row.students)]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    join_code: row.joinCode,
    join_url: `/join/${row.joinCode}`,
    joining_open: row.joiningOpen,
    conversations_visible: row.conversationsVisible,
    chat_enabled: row.chatEnabled,
    created_at: row.createdAt.toISOString(),
    modules: modules
      .filter((module) => module.classId === row.id)
      .map((module) => ({
        module_id: module.moduleId,
        title: module.title,
        max_hint_level: module.maxHintLevel,
        tutor_enabled: module.tutorEnabled,
        tutor_off_from: module.tutorOffFrom?.toISOString() ?? null,
        tutor_off_until: module.tutorOffUntil?.toISOString() ?? null,
      })),
    student_count: studentCount.get(row.id) ?? 0,
  }));
}

export async function classOut(db: Database, row: ClassRow): Promise<ClassOut> {
  const [out] = await classesOut(db, [row]);
  return out!;
}

export async function createClass(
  db: Database,
  ownerId: string,
  input: ClassCreate,
): Promise<ClassOut> {
  const moduleIds = await existingModules(db, input.module_ids);
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(classes)
      .values({
        ownerId,
        name: input.name,
        joinCode: newJoinCode(),
        conversationsVisible: input.conversations_visible,
        chatEnabled: input.chat_enabled,
      })
      .returning();
    await tx
      .insert(classModules)
      .values(moduleIds.map((moduleId, position) => ({ classId: row!.id, moduleId, position })));
    return row!;
  });
  return classOut(db, created);
}

/** The classes `ownerId` teaches (every class for an admin), newest first. */
export async function teachingClasses(
  db: Database,
  user: { id: string; role: Role },
): Promise<ClassOut[]> {
  if (user.role === 'student') return [];
  const query = db.select().from(classes);
  const rows = await (user.role === 'admin' ? query : query.where(eq(classes.ownerId, user.id)))
    .orderBy(desc(classes.createdAt))
    .limit(500);
  return classesOut(db, rows);
}

export async function updateClass(
  db: Database,
  row: ClassRow,
  input: ClassUpdate,
): Promise<ClassOut> {
  const moduleIds = input.module_ids ? await existingModules(db, input.module_ids) : undefined;
  const updated = await db.transaction(async (tx) => {
    const changes = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.joining_open !== undefined && { joiningOpen: input.joining_open }),
      ...(input.conversations_visible !== undefined && {
        conversationsVisible: input.conversations_visible,
      }),
      ...(input.chat_enabled !== undefined && { chatEnabled: input.chat_enabled }),
    };
    const [saved] =
      Object.keys(changes).length > 0
        ? await tx.update(classes).set(changes).where(eq(classes.id, row.id)).returning()
        : [row];
    if (moduleIds) {
      // Modules kept keep their policy; removed ones lose it; new ones start without limits.
      await tx
        .delete(classModules)
        .where(and(eq(classModules.classId, row.id), notInArray(classModules.moduleId, moduleIds)));
      await tx
        .insert(classModules)
        .values(moduleIds.map((moduleId, position) => ({ classId: row.id, moduleId, position })))
        .onConflictDoUpdate({
          target: [classModules.classId, classModules.moduleId],
          set: { position: sql`excluded.position` },
        });
    }
    return saved ?? row;
  });
  return classOut(db, updated);
}

export async function rotateJoinCode(db: Database, row: ClassRow): Promise<ClassOut> {
  const [saved] = await db
    .update(classes)
    .set({ joinCode: newJoinCode() })
    .where(eq(classes.id, row.id))
    .returning();
  return classOut(db, saved ?? row);
}

export async function setModulePolicy(
  db: Database,
  row: ClassRow,
  moduleId: string,
  policy: ModulePolicy,
): Promise<ClassOut> {
  const saved = await db
    .update(classModules)
    .set({
      maxHintLevel: policy.max_hint_level,
      tutorEnabled: policy.tutor_enabled,
      tutorOffFrom: policy.tutor_off_from ? new Date(policy.tutor_off_from) : null,
      tutorOffUntil: policy.tutor_off_until ? new Date(policy.tutor_off_until) : null,
    })
    .where(and(eq(classModules.classId, row.id), eq(classModules.moduleId, moduleId)))
    .returning({ moduleId: classModules.moduleId });
  if (saved.length === 0)
    throw unprocessable('This module is not part of the class', { fields: ['module_id'] });
  return classOut(db, row);
}
