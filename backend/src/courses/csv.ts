// The dashboard grid as CSV: one row per student. Cells a spreadsheet would read as a formula
// (starting with = + - @, or a tab / carriage return) get a leading apostrophe.
import type { Dashboard } from './dashboard';

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function dashboardCsv({ out, roster, exercises }: Dashboard): string {
  const header = ['username', 'email', 'last_activity_at'];
  for (const exercise of exercises) {
    const id = exercise.exerciseId;
    header.push(`${id} state`, `${id} runs`, `${id} hint level`);
  }
  const emails = new Map(roster.map((student) => [student.userId, student.email]));
  const lines = [header.map(csvCell).join(',')];
  for (const student of out.students) {
    const cells: (string | number | null)[] = [
      student.username,
      emails.get(student.user_id) ?? '',
      student.last_activity_at,
    ];
    for (const exercise of exercises) {
      const cell = student.exercises[exercise.exerciseId]!;
      cells.push(cell.state, cell.runs, cell.highest_hint_level);
    }
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
