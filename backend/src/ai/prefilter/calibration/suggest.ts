import type { EmbeddingThresholds } from '../../types';
import { offTopicRule, type PrefilterThresholds } from '../thresholds';
import type { Group, ScoredCase } from './cases';
import { combined, rate, reportAt, type CalibrationReport } from './evaluate';

const GRID = Array.from({ length: 199 }, (_, i) => (i + 1) / 200);

/** The middle of the best run of grid values (ties broken towards `lean` of the run). */
function best(score: (value: number) => number, lean = 0.5): number {
  let top = -Infinity;
  let run: number[] = [];
  for (const value of GRID) {
    const s = score(value);
    if (s > top + 1e-12) {
      top = s;
      run = [value];
    } else if (Math.abs(s - top) <= 1e-12 && run.at(-1) === GRID[GRID.indexOf(value) - 1]) {
      run.push(value);
    }
  }
  return run[Math.floor((run.length - 1) * lean)] ?? 0.5;
}

const FIRST_MESSAGES: Group[] = [
  'greeting',
  'greeting-with-content',
  'on-topic',
  'borderline',
  'off-topic',
];

/** Nothing on-topic or borderline refused first (negative otherwise), then as many caught as possible. */
function offTopicScore(report: CalibrationReport): number {
  const kept = combined(report, ['on-topic', 'borderline']);
  return kept.right < kept.total
    ? kept.right - kept.total
    : 1 + rate(combined(report, ['off-topic']));
}

/** Nothing else taken for a greeting first (negative otherwise), then recall. */
function greetingScore(report: CalibrationReport): number {
  const others = combined(report, ['greeting-with-content', 'on-topic', 'borderline', 'off-topic']);
  const taken = others.kinds.greeting ?? 0;
  return taken > 0 ? -taken : rate(report.groups.greeting);
}

const accuracy = (report: CalibrationReport, groups: Group[]) => rate(combined(report, groups));

/** Same problem on the short and the long contexts, and elaboration. */
function conversationScore(report: CalibrationReport): number {
  return (
    accuracy(report, ['follow-up', 'answer', 'new-problem']) +
    accuracy(report, ['follow-up-long', 'answer-long', 'new-problem-long']) +
    accuracy(report, ['elaboration', 'look-alike'])
  );
}

/**
 * Thresholds for an embedder from the calibration scores, one at a time in the order the checks
 * depend on each other: the off-topic rule (no on-topic or borderline phrase refused, as many
 * off-topic ones caught as possible, leaning lenient), the topic floor (accuracy of the
 * conversation checks and of greetings), same problem, greeting (nothing else taken for one, then
 * recall), elaboration.
 * A starting point for EMBEDDING_THRESHOLDS.
 */
export function suggestThresholds(
  cases: ScoredCase[],
  start: EmbeddingThresholds,
): PrefilterThresholds {
  const first = cases.filter((item) => FIRST_MESSAGES.includes(item.group));
  const at = (thresholds: PrefilterThresholds) => reportAt(cases, thresholds);
  const rule = offTopicRule(start);
  const t: PrefilterThresholds = {
    ...start,
    elaborationMaxTopic: undefined,
    offTopicMatch: rule.match,
    offTopicMargin: rule.margin,
  };
  for (let pass = 0; pass < 2; pass++) {
    t.offTopicMargin = best(
      (v) => offTopicScore(reportAt(first, { ...t, offTopicMargin: v })),
      0.75,
    );
    t.offTopicMatch = best((v) => offTopicScore(reportAt(first, { ...t, offTopicMatch: v })), 0.75);
  }
  t.offTopic = best((value) => {
    const report = at({ ...t, offTopic: value });
    return conversationScore(report) + greetingScore(report);
  });
  t.sameProblem = best((value) => conversationScore(at({ ...t, sameProblem: value })));
  t.greeting = best((value) => greetingScore(reportAt(first, { ...t, greeting: value })));
  t.elaboration = best((value) => conversationScore(at({ ...t, elaboration: value })));
  t.elaborationMaxTopic = best((value) =>
    conversationScore(at({ ...t, elaborationMaxTopic: value })),
  );
  return t;
}
