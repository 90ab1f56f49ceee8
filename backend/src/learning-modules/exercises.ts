import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type pino from 'pino';
import { z } from 'zod';
import type { ExerciseMaterial } from '../pedagogy/types';
import { fromRepoRoot } from '../config/paths';
import { describeZodError } from '../errors/validation';

// Authored material for the tutor: notebooks/tutor/<notebook basename>.json. It holds the
// solutions, so it is read on the server only; no route returns it and the notebooks the student
// opens carry none.

const ExerciseSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  prompt: z.string().min(1),
  concepts: z.array(z.string()),
  hints: z.tuple([z.string(), z.string(), z.string(), z.string()]),
  solution: z.string(),
  explanation: z.string(),
});

const TutorFileSchema = z.object({
  notebook: z.string().regex(/^[\w.-]+\.ipynb$/, 'must be a notebook file name'),
  exercises: z.array(ExerciseSchema),
});

export interface ExerciseCatalog {
  byId: ReadonlyMap<string, ExerciseMaterial>;
  byNotebook: ReadonlyMap<string, readonly ExerciseMaterial[]>;
}

type Log = Pick<pino.Logger, 'info' | 'warn'>;

/** Reads every `*.json` of `dir`; invalid files are logged and skipped; a missing dir is empty. */
export function loadExerciseCatalog(dir: string, log: Log): ExerciseCatalog {
  const byId = new Map<string, ExerciseMaterial>();
  const byNotebook = new Map<string, ExerciseMaterial[]>();
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch {
    log.info({ dir }, 'no tutor exercise folder: the tutor runs without authored exercises');
    return { byId, byNotebook };
  }
  for (const file of files) {
    const path = join(dir, file);
    let parsed: z.infer<typeof TutorFileSchema>;
    try {
      const result = TutorFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!result.success) {
        log.warn(
          { file: path, problems: describeZodError(result.error) },
          'skipping invalid tutor exercise file',
        );
        continue;
      }
      parsed = result.data;
    } catch (error) {
      log.warn({ file: path, err: error }, 'skipping unreadable tutor exercise file');
      continue;
    }
    const exercises: ExerciseMaterial[] = [];
    for (const exercise of parsed.exercises) {
      if (byId.has(exercise.id)) {
        log.warn(
          { file: path, exercise: exercise.id },
          'skipping tutor exercise with a duplicate id',
        );
        continue;
      }
      const material = Object.freeze({
        ...exercise,
        concepts: [...exercise.concepts],
      }) as ExerciseMaterial;
      byId.set(exercise.id, material);
      exercises.push(material);
    }
    byNotebook.set(parsed.notebook, [...(byNotebook.get(parsed.notebook) ?? []), ...exercises]);
  }
  log.info({ dir, exercises: byId.size, notebooks: byNotebook.size }, 'tutor exercises loaded');
  return { byId, byNotebook };
}

/** The folder of the tutor files: `<NOTEBOOKS_DIR>/tutor`. */
export function exercisesDir(notebooksDir: string): string {
  return join(fromRepoRoot(notebooksDir), 'tutor');
}

/** The authored material of one exercise (`metadata.tutor.exercise` of a notebook cell). */
export function findExercise(
  catalog: ExerciseCatalog,
  exerciseId: string,
): ExerciseMaterial | undefined {
  return catalog.byId.get(exerciseId);
}

/** The exercises of one notebook, in authored order (empty when it has no tutor file). */
export function exercisesForNotebook(
  catalog: ExerciseCatalog,
  notebookFilename: string,
): readonly ExerciseMaterial[] {
  return catalog.byNotebook.get(basename(notebookFilename)) ?? [];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The tutor's authored exercises, read once at start-up. */
    exercises: ExerciseCatalog;
  }
}

/** Reads the catalog from `<NOTEBOOKS_DIR>/tutor` of the validated config, with the app's logger. */
export function registerExerciseCatalog(app: FastifyInstance): void {
  app.decorate('exercises', loadExerciseCatalog(exercisesDir(app.config.NOTEBOOKS_DIR), app.log));
}
