// The error type of a tutor question's error output, kept for the dashboard's common errors:
// the last "SomethingError: message" line of the traceback, with the specifics (numbers, quoted
// names, parenthesised shapes) taken out so equal mistakes count together. No code is kept.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { tutorErrorContexts } from './schema';

const ERROR_LINE = /^([A-Za-z_][\w.]*(?:Error|Exception|Warning)):?\s*(.*)$/;
const MAX_CHARS = 120;

export function errorTypeOf(errorOutput: string | null | undefined): string | null {
  if (!errorOutput) return null;
  const lines = errorOutput.split('\n').map((line) => line.trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = ERROR_LINE.exec(lines[i]!);
    if (!match) continue;
    const name = match[1]!.split('.').pop()!;
    const message = match[2]!
      .replace(/\([^)]*\)/g, ' ')
      .replace(/(['"]).*?\1/g, ' ')
      .replace(/:.*$/, '')
      .replace(/\b(and|with)\s+(?=\b(not|and|with)\b)/g, '')
      .replace(/[\d.]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return (message ? `${name}: ${message}` : name).slice(0, MAX_CHARS);
  }
  return null;
}

export async function recordErrorContext(
  db: Database,
  entry: { userId: string; moduleId: string; exerciseId: string; error: string },
): Promise<void> {
  await db.insert(tutorErrorContexts).values(entry);
}

/** The error types recorded for `userId`, oldest first (their account export). */
export function errorContextsOf(db: Database, userId: string) {
  return db
    .select({
      moduleId: tutorErrorContexts.moduleId,
      exerciseId: tutorErrorContexts.exerciseId,
      error: tutorErrorContexts.error,
      createdAt: tutorErrorContexts.createdAt,
    })
    .from(tutorErrorContexts)
    .where(eq(tutorErrorContexts.userId, userId))
    .orderBy(asc(tutorErrorContexts.createdAt));
}
