import type { EmbeddingThresholds } from '../../types';
import { reportAt, type CalibrationReport, type ScoredCase } from './evaluate';

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

/**
 * Thresholds for an embedder from the calibration scores, one check at a time in the order the
 * checks depend on each other: off-topic (no on-topic phrase refused, as many off-topic caught as
 * possible, leaning lenient), greeting (precision 1 first, then recall), same problem (accuracy on
 * short and long contexts), elaboration (accuracy). A starting point for EMBEDDING_THRESHOLDS.
 */
export function suggestThresholds(
  cases: ScoredCase[],
  start: EmbeddingThresholds,
): EmbeddingThresholds {
  const at = (thresholds: EmbeddingThresholds) => reportAt(cases, thresholds);
  const t = { ...start, elaborationMaxTopic: undefined } as EmbeddingThresholds;
  const offTopicScore = (r: CalibrationReport) =>
    r.offTopic.onTopicRejected === 0
      ? 1 + r.offTopic.offTopicCaught / Math.max(1, r.offTopic.offTopicTotal)
      : -r.offTopic.onTopicRejected;
  t.offTopic = best((value) => offTopicScore(at({ ...t, offTopic: value })), 0.25);
  t.greeting = best((value) => {
    const r = at({ ...t, greeting: value });
    return r.greeting.precision < 1 ? -1 + r.greeting.precision : r.greeting.recall;
  });
  t.sameProblem = best((value) => {
    const r = at({ ...t, sameProblem: value });
    return r.sameProblem.accuracy + r.sameProblemLongAnswers.accuracy;
  });
  t.elaboration = best((value) => at({ ...t, elaboration: value }).elaboration.accuracy);
  t.elaborationMaxTopic = best(
    (value) => at({ ...t, elaborationMaxTopic: value }).elaboration.accuracy,
  );
  return t;
}
