// The class dashboard: a students-by-exercises grid and per-exercise figures. Set-based: the
// roster, the class's progress rows and its error counts are three queries run together, whatever
// the number of students (bench/dashboard.ts measures a class of 500).
import { type DashboardCell, type DashboardOut, INACTIVE_AFTER_DAYS } from '@tutor/shared/courses';
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { type ExerciseCatalog, exercisesForNotebook } from '../learning-modules/exercises';
import { exerciseProgress } from '../progress/exercises/schema';
import { classModuleRows, type RosterRow, roster } from './members';
import { type ClassRow, classMembers, tutorErrorContexts } from './schema';

const DAY_MS = 24 * 60 * 60 * 1000;
const COMMON_ERRORS = 3;

export interface ClassExercise {
  exerciseId: string;
  moduleId: string;
  moduleTitle: string;
  title: string;
}

/** The class's modules in its order, with their exercises from the catalog. */
export async function classExercises(db: Database, catalog: ExerciseCatalog, classId: string) {
  const modules = await classModuleRows(db, [classId]);
  return modules.map((module) => ({
    ...module,
    exercises: exercisesForNotebook(catalog, module.notebook).map((exercise): ClassExercise => ({
      exerciseId: exercise.id,
      moduleId: module.moduleId,
      moduleTitle: module.title,
      title: exercise.title,
    })),
  }));
}

/** An ISO 8601 text in UTC as `Date.toISOString()` writes it, made by PostgreSQL. */
const isoText = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The class's students' cells on the class's modules, one row per student with their cells as a
 * JSON object built by PostgreSQL (one query): parsing 500 JSON texts is far cheaper in Node than
 * thousands of rows with timestamps. The state is `exerciseStateOf`'s rule.
 */
function classCells(db: Database, classId: string, moduleIds: string[]) {
  const ep = exerciseProgress;
  return db
    .select({
      userId: ep.userId,
      cells: sql<string>`json_object_agg(${ep.exerciseId}, json_build_object(
        'state', case when ${ep.passedAt} is not null then 'passed'
                      when ${ep.runs} > 0 then 'not_yet' else 'not_tried' end,
        'runs', ${ep.runs},
        'highest_hint_level', nullif(${ep.highestHintLevel}, 0),
        'last_run_at', ${isoText(sql`${ep.lastRunAt}`)}))::text`,
    })
    .from(ep)
    .innerJoin(
      classMembers,
      and(eq(classMembers.userId, ep.userId), eq(classMembers.classId, classId)),
    )
    .where(inArray(ep.moduleId, moduleIds))
    .groupBy(ep.userId);
}

/** Error types the class's students asked the tutor about, counted per exercise (one query). */
function classErrors(db: Database, classId: string, moduleIds: string[]) {
  const occurrences = count();
  return db
    .select({
      exerciseId: tutorErrorContexts.exerciseId,
      error: tutorErrorContexts.error,
      count: occurrences,
    })
    .from(tutorErrorContexts)
    .innerJoin(
      classMembers,
      and(eq(classMembers.userId, tutorErrorContexts.userId), eq(classMembers.classId, classId)),
    )
    .where(inArray(tutorErrorContexts.moduleId, moduleIds))
    .groupBy(tutorErrorContexts.exerciseId, tutorErrorContexts.error)
    .orderBy(desc(occurrences), asc(tutorErrorContexts.error));
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const NOT_TRIED: DashboardCell = {
  state: 'not_tried',
  runs: 0,
  highest_hint_level: null,
  last_run_at: null,
};

type Cells = Map<string, Map<string, DashboardCell>>;

/** Per exercise: the share of the class that passed, the median hint level, the top errors. */
function exerciseFigures(
  exercises: ClassExercise[],
  students: RosterRow[],
  cells: Cells,
  errors: { exerciseId: string; error: string; count: number }[],
): DashboardOut['exercises'] {
  return exercises.map((exercise) => {
    let passed = 0;
    const levels: number[] = [];
    for (const student of students) {
      const cell = cells.get(student.userId)?.get(exercise.exerciseId);
      if (cell?.state === 'passed') passed++;
      if (cell?.highest_hint_level) levels.push(cell.highest_hint_level);
    }
    return {
      exercise_id: exercise.exerciseId,
      module_id: exercise.moduleId,
      module_title: exercise.moduleTitle,
      title: exercise.title,
      passed_share: students.length ? passed / students.length : 0,
      median_hint_level: median(levels),
      common_errors: errors
        .filter((error) => error.exerciseId === exercise.exerciseId)
        .slice(0, COMMON_ERRORS)
        .map((error) => ({ error: error.error, count: Number(error.count) })),
    };
  });
}

export interface Dashboard {
  out: DashboardOut;
  roster: RosterRow[];
  exercises: ClassExercise[];
}

export async function classDashboard(
  db: Database,
  catalog: ExerciseCatalog,
  row: ClassRow,
  now = new Date(),
): Promise<Dashboard> {
  const modules = await classExercises(db, catalog, row.id);
  const moduleIds = modules.map((module) => module.moduleId);
  const exercises = modules.flatMap((module) => module.exercises);
  const [students, cellRows, errors] = await Promise.all([
    roster(db, row.id),
    moduleIds.length ? classCells(db, row.id, moduleIds) : [],
    moduleIds.length ? classErrors(db, row.id, moduleIds) : [],
  ]);
  const cells: Cells = new Map(
    cellRows.map((cellRow) => [
      cellRow.userId,
      new Map(Object.entries(JSON.parse(cellRow.cells) as Record<string, DashboardCell>)),
    ]),
  );
  const inactiveBefore = now.getTime() - INACTIVE_AFTER_DAYS * DAY_MS;
  const out: DashboardOut = {
    class: { id: row.id, name: row.name },
    self_reported: true,
    generated_at: now.toISOString(),
    exercises: exerciseFigures(exercises, students, cells, errors),
    students: students.map((student) => ({
      user_id: student.userId,
      username: student.username,
      last_activity_at: student.lastActivityAt?.toISOString() ?? null,
      inactive: !student.lastActivityAt || student.lastActivityAt.getTime() < inactiveBefore,
      exercises: Object.fromEntries(
        exercises.map((exercise) => [
          exercise.exerciseId,
          cells.get(student.userId)?.get(exercise.exerciseId) ?? NOT_TRIED,
        ]),
      ),
    })),
  };
  return { out, roster: students, exercises };
}
