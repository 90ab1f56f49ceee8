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

/** Accuracy per check of the decision rule at the given thresholds. */
export function reportAt(cases: ScoredCase[], thresholds: EmbeddingThresholds): CalibrationReport {
  const misses: Miss[] = [];
  const count = {
    greetingTp: 0,
    greetingFp: 0,
    greetings: 0,
    onRejected: 0,
    onTotal: 0,
    offCaught: 0,
    offTotal: 0,
  };
  const tally = { same: [0, 0], long: [0, 0], elaboration: [0, 0] };
  const describe = (s: Classification['scores']) =>
    `g=${s.greeting.toFixed(2)} t=${s.topic.toFixed(2)} s=${s.sameProblem?.toFixed(2) ?? '-'} e=${s.elaboration.toFixed(2)}`;

  for (const item of cases) {
    const kind = decideKind(item.scores, { message: item.text }, thresholds);
    const ok = item.accept(kind);
    if (item.check === 'greeting') {
      if (item.expected === 'greeting') {
        count.greetings++;
        if (ok) count.greetingTp++;
      } else if (!ok) count.greetingFp++;
    } else if (item.check === 'off-topic') {
      if (item.expected === 'on topic') {
        count.onTotal++;
        if (!ok) count.onRejected++;
      } else {
        count.offTotal++;
        if (ok) count.offCaught++;
      }
    } else {
      const bucket =
        item.check === 'same-problem'
          ? tally.same
          : item.check === 'same-problem-long'
            ? tally.long
            : tally.elaboration;
      bucket[1] = (bucket[1] ?? 0) + 1;
      if (ok) bucket[0] = (bucket[0] ?? 0) + 1;
    }
    if (!ok && item.check !== 'same-problem-long') {
      misses.push({
        check: item.check,
        text: item.text,
        expected: item.expected,
        got: kind,
        scores: describe(item.scores),
      });
    }
  }
  const phrases = cases.filter((item) => item.check !== 'same-problem-long').length;
  return {
    greeting: {
      precision: ratio(count.greetingTp, count.greetingTp + count.greetingFp),
      recall: ratio(count.greetingTp, count.greetings),
      total: cases.filter((item) => item.check === 'greeting').length,
    },
    offTopic: {
      onTopicRejected: count.onRejected,
      onTopicTotal: count.onTotal,
      offTopicCaught: count.offCaught,
      offTopicTotal: count.offTotal,
    },
    sameProblem: {
      accuracy: ratio(tally.same[0] ?? 0, tally.same[1] ?? 0),
      total: tally.same[1] ?? 0,
    },
    sameProblemLongAnswers: {
      accuracy: ratio(tally.long[0] ?? 0, tally.long[1] ?? 0),
      total: tally.long[1] ?? 0,
    },
    elaboration: {
      accuracy: ratio(tally.elaboration[0] ?? 0, tally.elaboration[1] ?? 0),
      total: tally.elaboration[1] ?? 0,
    },
    phrases,
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
