import type { DashboardCell } from '@tutor/shared/courses';

/** An exercise's state in the instructor's words ("trying" is the students' "Not yet"). */
export const stateWords: Record<DashboardCell['state'], string> = {
  not_tried: 'Not tried',
  not_yet: 'Trying',
  passed: 'Passed',
};

/** "Passed, 3 runs, hint level 2" for one cell of the grid. */
export function cellSummary(cell: DashboardCell | undefined): string {
  if (!cell || cell.state === 'not_tried') return 'Not tried';
  const runs = cell.runs === 1 ? '1 run' : `${cell.runs} runs`;
  const hint =
    cell.highest_hint_level === null ? 'no hints' : `hint level ${cell.highest_hint_level}`;
  return `${stateWords[cell.state]}, ${runs}, ${hint}`;
}
