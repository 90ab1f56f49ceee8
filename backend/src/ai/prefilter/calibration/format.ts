import type { MessageKind } from '../../../pedagogy/types';
import { ACCEPTS, type Group } from './cases';
import {
  checkGoals,
  falsePositives,
  rate,
  VERDICTS,
  combined,
  type CalibrationReport,
  type Tally,
} from './evaluate';

const LABELS: Record<Group, string> = {
  greeting: 'greeting',
  'greeting-with-content': 'greeting with content',
  'on-topic': 'on-topic',
  borderline: 'borderline',
  'off-topic': 'off-topic',
  'follow-up': 'same problem: follow-up question',
  answer: "same problem: student's answer",
  'new-problem': 'new problem after a context',
  'follow-up-long': 'follow-up question, offline tutor answers',
  'answer-long': "student's answer, offline tutor answers",
  'new-problem-long': 'new problem, offline tutor answers',
  elaboration: 'request for more',
  'look-alike': 'look-alike of a request',
};

const percent = (tally: Tally) => `${(rate(tally) * 100).toFixed(1)}%`.padStart(6);
const fraction = (part: number, whole: number) => `${part}/${whole}`.padStart(9);

/** The verdicts a category does not accept, with their counts ("off_topic 2"). */
function others(group: Group, tally: Tally): string {
  return (Object.entries(tally.kinds) as [MessageKind, number][])
    .filter(([kind]) => !ACCEPTS[group](kind))
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
}

function verdictTable(report: CalibrationReport): string[] {
  const lines = [`  ${'verdict'.padEnd(30)}${'recall'.padStart(17)}   false positives`];
  for (const verdict of VERDICTS) {
    const caught = combined(report, verdict.positives);
    const wrong = falsePositives(report, verdict);
    lines.push(
      `  ${verdict.name.padEnd(30)}${fraction(caught.right, caught.total)} ${percent(caught)}   ${fraction(wrong.right, wrong.total).trim()} (${verdict.negatives.map((group) => LABELS[group]).join(', ')})`,
    );
  }
  return lines;
}

function categoryRow(label: string, group: Group, tally: Tally): string {
  return `  ${label.padEnd(46)}${fraction(tally.right, tally.total)} ${percent(tally)}   ${others(group, tally)}`;
}

function categoryTable(report: CalibrationReport): string[] {
  const lines = [
    `  ${'category'.padEnd(46)}${'right'.padStart(9)} ${'rate'.padStart(6)}   wrong verdicts`,
  ];
  for (const [group, tally] of Object.entries(report.groups) as [Group, Tally][]) {
    lines.push(categoryRow(LABELS[group], group, tally));
    for (const subject of report.subjects.filter((entry) => entry.group === group))
      lines.push(categoryRow(`  · ${subject.subject}`, group, subject.tally));
  }
  return lines;
}

function goalTable(report: CalibrationReport): string[] {
  const results = checkGoals(report);
  const unmet = results.filter((result) => !result.met);
  return [
    `  ${'goal'.padEnd(56)}${'result'.padStart(17)}   target`,
    ...results.map(
      ({ goal, tally, met }) =>
        `  ${goal.name.padEnd(56)}${fraction(tally.right, tally.total)} ${percent(tally)}   ≥ ${(goal.min * 100).toFixed(0)}%  ${met ? 'met' : 'NOT MET'}`,
    ),
    unmet.length === 0
      ? '  All goals met.'
      : `  ${unmet.length} goal(s) not met: ${unmet.map(({ goal }) => goal.name).join('; ')}.`,
  ];
}

/** The report as printed by `npm run eval -- prefilter`: verdicts, categories, goals, misses. */
export function formatReport(embedderId: string, report: CalibrationReport): string {
  return [
    `Pre-filter calibration (${embedderId}, ${report.phrases} labelled phrases)`,
    '',
    ...verdictTable(report),
    '',
    ...categoryTable(report),
    '',
    ...goalTable(report),
    ...(report.misses.length > 0
      ? ['', '  Misses (scores: greeting, topic, off-topic, same problem, elaboration):']
      : []),
    ...report.misses.map(
      (miss) => `  [${LABELS[miss.group]}] got ${miss.got} (${miss.scores}): ${miss.text}`,
    ),
  ].join('\n');
}
