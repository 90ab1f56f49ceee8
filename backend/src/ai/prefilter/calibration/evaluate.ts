import type { MessageKind } from '../../../pedagogy/types';
import { decideKind } from '../decide';
import type { PrefilterThresholds } from '../thresholds';
import { ACCEPTS, type Group, type ScoredCase } from './cases';

export { scoreCalibrationSet, type Group, type ScoredCase } from './cases';

/** How the phrases of one category were classified. */
export interface Tally {
  total: number;
  /** Phrases given a verdict their category accepts. */
  right: number;
  /** Phrases per verdict, right or wrong. */
  kinds: Partial<Record<MessageKind, number>>;
}

export interface Miss {
  group: Group;
  text: string;
  got: MessageKind;
  scores: string;
}

export interface CalibrationReport {
  /** Labelled phrases (each counted once, not once per context it is tried against). */
  phrases: number;
  groups: Record<Group, Tally>;
  /** Tallies per subject within a group ("off-topic" · "food"), in the order of the set. */
  subjects: { group: Group; subject: string; tally: Tally }[];
  misses: Miss[];
}

/** The categories tried once per tutor answer level: their misses would only repeat the short ones. */
const LONG_GROUPS: Group[] = ['follow-up-long', 'answer-long', 'new-problem-long'];

const emptyTally = (): Tally => ({ total: 0, right: 0, kinds: {} });

function count(tally: Tally, kind: MessageKind, right: boolean): void {
  tally.total++;
  if (right) tally.right++;
  tally.kinds[kind] = (tally.kinds[kind] ?? 0) + 1;
}

function describeScores(s: ScoredCase['scores']): string {
  const two = (value: number | null | undefined) => value?.toFixed(2) ?? '-';
  return `g=${two(s.greeting)} t=${two(s.topic)} o=${two(s.offTopic)} s=${two(s.sameProblem)} e=${two(s.elaboration)}`;
}

/** The decision rule's verdicts on the calibration set at the given thresholds. */
export function reportAt(cases: ScoredCase[], thresholds: PrefilterThresholds): CalibrationReport {
  const groups = Object.fromEntries(
    Object.keys(ACCEPTS).map((group) => [group, emptyTally()]),
  ) as Record<Group, Tally>;
  const subjects = new Map<string, { group: Group; subject: string; tally: Tally }>();
  const misses: Miss[] = [];
  for (const item of cases) {
    const kind = decideKind(item.scores, { message: item.text }, thresholds);
    const right = ACCEPTS[item.group](kind);
    count(groups[item.group], kind, right);
    if (item.subject !== undefined) {
      const key = `${item.group}/${item.subject}`;
      if (!subjects.has(key))
        subjects.set(key, { group: item.group, subject: item.subject, tally: emptyTally() });
      count((subjects.get(key) as { tally: Tally }).tally, kind, right);
    }
    if (!right && !LONG_GROUPS.includes(item.group)) {
      misses.push({
        group: item.group,
        text: item.text,
        got: kind,
        scores: describeScores(item.scores),
      });
    }
  }
  const phrases = cases.filter((item) => !LONG_GROUPS.includes(item.group)).length;
  return { phrases, groups, subjects: [...subjects.values()], misses };
}

/** The tallies of several categories added up. */
export function combined(report: CalibrationReport, groups: Group[]): Tally {
  const sum = emptyTally();
  for (const group of groups) {
    const tally = report.groups[group];
    sum.total += tally.total;
    sum.right += tally.right;
    for (const [kind, n] of Object.entries(tally.kinds) as [MessageKind, number][])
      sum.kinds[kind] = (sum.kinds[kind] ?? 0) + n;
  }
  return sum;
}

export const rate = (tally: Tally) => (tally.total === 0 ? 1 : tally.right / tally.total);

export interface Goal {
  name: string;
  groups: Group[];
  /** The least share of right verdicts. */
  min: number;
}

/** The pre-filter's goals on the calibration set; `npm run eval -- prefilter` fails below them. */
export const GOALS: Goal[] = [
  { name: 'on-topic kept', groups: ['on-topic'], min: 1 },
  { name: 'borderline kept', groups: ['borderline'], min: 1 },
  { name: 'greeting with content never a greeting', groups: ['greeting-with-content'], min: 1 },
  { name: 'greeting recognised', groups: ['greeting'], min: 0.85 },
  { name: 'off-topic caught', groups: ['off-topic'], min: 0.85 },
  { name: 'same problem', groups: ['follow-up', 'answer', 'new-problem'], min: 0.9 },
  {
    name: "same problem, against the offline tutor's answers",
    groups: ['follow-up-long', 'answer-long', 'new-problem-long'],
    min: 0.9,
  },
  { name: 'elaboration', groups: ['elaboration', 'look-alike'], min: 0.9 },
];

export interface GoalResult {
  goal: Goal;
  tally: Tally;
  met: boolean;
}

export function checkGoals(report: CalibrationReport): GoalResult[] {
  return GOALS.map((goal) => {
    const tally = combined(report, goal.groups);
    return { goal, tally, met: rate(tally) >= goal.min };
  });
}

/**
 * Recall and false positives per verdict: the share of the phrases that should get it that do,
 * and how many of the phrases that should not get it do.
 */
export interface Verdict {
  name: string;
  kinds: MessageKind[];
  positives: Group[];
  negatives: Group[];
}

export const VERDICTS: Verdict[] = [
  {
    name: 'greeting',
    kinds: ['greeting'],
    positives: ['greeting'],
    negatives: ['greeting-with-content', 'on-topic', 'borderline', 'off-topic'],
  },
  {
    name: 'off-topic',
    kinds: ['off_topic'],
    positives: ['off-topic'],
    negatives: ['on-topic', 'borderline'],
  },
  {
    name: 'same problem',
    kinds: ['same_problem', 'elaboration'],
    positives: ['follow-up', 'answer'],
    negatives: ['new-problem'],
  },
  {
    name: 'same problem (offline tutor)',
    kinds: ['same_problem', 'elaboration'],
    positives: ['follow-up-long', 'answer-long'],
    negatives: ['new-problem-long'],
  },
  {
    name: 'elaboration',
    kinds: ['same_problem', 'elaboration'],
    positives: ['elaboration'],
    negatives: ['look-alike'],
  },
];

export function falsePositives(report: CalibrationReport, verdict: Verdict): Tally {
  const negatives = combined(report, verdict.negatives);
  const wrong = verdict.kinds.reduce((sum, kind) => sum + (negatives.kinds[kind] ?? 0), 0);
  return { total: negatives.total, right: wrong, kinds: negatives.kinds };
}
