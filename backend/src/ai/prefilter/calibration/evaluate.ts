import { composeAnswer } from '../../offline-tutor/compose';
import type { Classification, EmbeddingThresholds, MessageClassifier } from '../../types';
import type { HintLevel, MessageKind } from '../../../pedagogy/types';
import { decideKind } from '../classifier';
import elaboration from './elaboration.json' with { type: 'json' };
import followUps from './follow-ups.json' with { type: 'json' };
import greetings from './greetings.json' with { type: 'json' };
import topics from './topics.json' with { type: 'json' };

type Check = 'greeting' | 'off-topic' | 'same-problem' | 'same-problem-long' | 'elaboration';

/** One labelled phrase with its similarity scores, which do not depend on the thresholds. */
export interface ScoredCase {
  check: Check;
  text: string;
  /** What the phrase must be classified as. */
  expected: string;
  accept: (kind: MessageKind) => boolean;
  scores: Classification['scores'];
}

export interface Miss {
  check: string;
  text: string;
  expected: string;
  got: string;
  scores: string;
}

export interface CalibrationReport {
  greeting: { precision: number; recall: number; total: number };
  offTopic: {
    onTopicRejected: number;
    onTopicTotal: number;
    offTopicCaught: number;
    offTopicTotal: number;
  };
  sameProblem: { accuracy: number; total: number };
  /** The same follow-ups against the offline tutor's real answers (levels 1–5) as the context. */
  sameProblemLongAnswers: { accuracy: number; total: number };
  elaboration: { accuracy: number; total: number };
  phrases: number;
  misses: Miss[];
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const isSame = (kind: MessageKind) => kind === 'same_problem' || kind === 'elaboration';

/** Embeds every labelled phrase of the calibration set once and records its scores. */
export async function scoreCalibrationSet(classifier: MessageClassifier): Promise<ScoredCase[]> {
  const cases: ScoredCase[] = [];
  const add = async (
    check: Check,
    text: string,
    expected: string,
    accept: (kind: MessageKind) => boolean,
    previousContext?: number[],
  ) => {
    const { scores } = await classifier.classify({ message: text, previousContext });
    cases.push({ check, text, expected, accept, scores });
  };

  // Greetings and off-topic: first messages of a session, without context.
  for (const text of greetings.greetings)
    await add('greeting', text, 'greeting', (kind) => kind === 'greeting');
  for (const text of greetings.nearMisses)
    await add('greeting', text, 'not greeting', (kind) => kind !== 'greeting');
  for (const text of Object.values(topics.onTopic).flat()) {
    await add('off-topic', text, 'on topic', (kind) => kind !== 'off_topic' && kind !== 'greeting');
  }
  for (const text of topics.offTopic)
    await add('off-topic', text, 'off_topic', (kind) => kind === 'off_topic');

  // Same problem: each follow-up against its context, with the short answer of the file and with
  // the offline tutor's full answers at each hint level.
  const shortContexts: number[][] = [];
  for (const context of followUps.contexts) {
    const previous = await classifier.embedContext(context.question, context.answer);
    shortContexts.push(previous);
    const longAnswers = await Promise.all(
      ([1, 2, 3, 4, 5] as HintLevel[]).map((level) =>
        classifier.embedContext(
          context.question,
          composeAnswer({ question: context.question, programmingLevel: 3, mathsLevel: 3 }, level),
        ),
      ),
    );
    const labelled = [
      ...context.same.map((text) => ({ text, same: true })),
      ...context.new.map((text) => ({ text, same: false })),
    ];
    for (const { text, same } of labelled) {
      const accept = (kind: MessageKind) => isSame(kind) === same;
      await add('same-problem', text, same ? 'same' : 'new', accept, previous);
      for (const long of longAnswers)
        await add('same-problem-long', text, same ? 'same' : 'new', accept, long);
    }
  }

  // Elaboration: requests against the contexts in turn; look-alikes against an unrelated one.
  for (const [i, text] of elaboration.requests.entries()) {
    await add('elaboration', text, 'elaboration', isSame, shortContexts[i % shortContexts.length]);
  }
  const unrelated = await classifier.embedContext(
    elaboration.lookAlikeContexts.question,
    elaboration.lookAlikeContexts.answer,
  );
  for (const text of elaboration.lookAlikes) {
    await add('elaboration', text, 'new_problem', (kind) => kind === 'new_problem', unrelated);
  }
  return cases;
}

type AccuracyCheck = Exclude<Check, 'greeting' | 'off-topic'>;

interface Accuracy {
  correct: number;
  total: number;
}

/** Running counts of the decision rule's results over the calibration set. */
interface Tallies {
  greetingTp: number;
  greetingFp: number;
  greetings: number;
  onRejected: number;
  onTotal: number;
  offCaught: number;
  offTotal: number;
  accuracy: Record<AccuracyCheck, Accuracy>;
}

function emptyTallies(): Tallies {
  return {
    greetingTp: 0,
    greetingFp: 0,
    greetings: 0,
    onRejected: 0,
    onTotal: 0,
    offCaught: 0,
    offTotal: 0,
    accuracy: {
      'same-problem': { correct: 0, total: 0 },
      'same-problem-long': { correct: 0, total: 0 },
      elaboration: { correct: 0, total: 0 },
    },
  };
}

function tallyGreeting(tallies: Tallies, expected: string, ok: boolean): void {
  if (expected === 'greeting') {
    tallies.greetings++;
    if (ok) tallies.greetingTp++;
  } else if (!ok) tallies.greetingFp++;
}

function tallyOffTopic(tallies: Tallies, expected: string, ok: boolean): void {
  if (expected === 'on topic') {
    tallies.onTotal++;
    if (!ok) tallies.onRejected++;
  } else {
    tallies.offTotal++;
    if (ok) tallies.offCaught++;
  }
}

function tallyCase(tallies: Tallies, check: Check, expected: string, ok: boolean): void {
  if (check === 'greeting') tallyGreeting(tallies, expected, ok);
  else if (check === 'off-topic') tallyOffTopic(tallies, expected, ok);
  else {
    const bucket = tallies.accuracy[check];
    bucket.total++;
    if (ok) bucket.correct++;
  }
}

function describeScores(s: Classification['scores']): string {
  return `g=${s.greeting.toFixed(2)} t=${s.topic.toFixed(2)} s=${s.sameProblem?.toFixed(2) ?? '-'} e=${s.elaboration.toFixed(2)}`;
}

function accuracyReport({ correct, total }: Accuracy): { accuracy: number; total: number } {
  return { accuracy: ratio(correct, total), total };
}

/** Accuracy per check of the decision rule at the given thresholds. */
export function reportAt(cases: ScoredCase[], thresholds: EmbeddingThresholds): CalibrationReport {
  const misses: Miss[] = [];
  const tallies = emptyTallies();
  for (const item of cases) {
    const kind = decideKind(item.scores, { message: item.text }, thresholds);
    const ok = item.accept(kind);
    tallyCase(tallies, item.check, item.expected, ok);
    // The long-answer cases repeat the same phrases: their misses would only be noise.
    if (!ok && item.check !== 'same-problem-long') {
      misses.push({
        check: item.check,
        text: item.text,
        expected: item.expected,
        got: kind,
        scores: describeScores(item.scores),
      });
    }
  }
  return buildReport(cases, tallies, misses);
}

function buildReport(cases: ScoredCase[], tallies: Tallies, misses: Miss[]): CalibrationReport {
  return {
    greeting: {
      precision: ratio(tallies.greetingTp, tallies.greetingTp + tallies.greetingFp),
      recall: ratio(tallies.greetingTp, tallies.greetings),
      total: cases.filter((item) => item.check === 'greeting').length,
    },
    offTopic: {
      onTopicRejected: tallies.onRejected,
      onTopicTotal: tallies.onTotal,
      offTopicCaught: tallies.offCaught,
      offTopicTotal: tallies.offTotal,
    },
    sameProblem: accuracyReport(tallies.accuracy['same-problem']),
    sameProblemLongAnswers: accuracyReport(tallies.accuracy['same-problem-long']),
    elaboration: accuracyReport(tallies.accuracy.elaboration),
    phrases: cases.filter((item) => item.check !== 'same-problem-long').length,
    misses,
  };
}

export async function evaluateCalibration(
  classifier: MessageClassifier,
  thresholds: EmbeddingThresholds,
): Promise<CalibrationReport> {
  return reportAt(await scoreCalibrationSet(classifier), thresholds);
}

export function formatReport(embedderId: string, report: CalibrationReport): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const { offTopic } = report;
  return [
    `Calibration (${embedderId}, ${report.phrases} labelled phrases):`,
    `  greeting      precision ${percent(report.greeting.precision)}  recall ${percent(report.greeting.recall)}`,
    `  off-topic     on-topic rejected ${offTopic.onTopicRejected}/${offTopic.onTopicTotal}  off-topic caught ${offTopic.offTopicCaught}/${offTopic.offTopicTotal} (${percent(ratio(offTopic.offTopicCaught, offTopic.offTopicTotal))})`,
    `  same problem  accuracy ${percent(report.sameProblem.accuracy)} of ${report.sameProblem.total}`,
    `  same problem  accuracy ${percent(report.sameProblemLongAnswers.accuracy)} of ${report.sameProblemLongAnswers.total} against the offline tutor's full answers (levels 1–5)`,
    `  elaboration   accuracy ${percent(report.elaboration.accuracy)} of ${report.elaboration.total}`,
    ...report.misses.map(
      (miss) =>
        `  miss [${miss.check}] expected ${miss.expected}, got ${miss.got} (${miss.scores}): ${miss.text}`,
    ),
  ].join('\n');
}
