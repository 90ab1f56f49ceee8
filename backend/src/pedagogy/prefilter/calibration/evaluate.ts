import { composeAnswer } from '../../../ai/offline-tutor/compose';
import type { HintLevel, MessageClassifier } from '../../../ai/types';
import elaboration from './elaboration.json' with { type: 'json' };
import followUps from './follow-ups.json' with { type: 'json' };
import greetings from './greetings.json' with { type: 'json' };
import topics from './topics.json' with { type: 'json' };

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

/** Runs every labelled phrase of the calibration set through a classifier. */
export async function evaluateCalibration(
  classifier: MessageClassifier,
): Promise<CalibrationReport> {
  const misses: Miss[] = [];
  const describe = (s: {
    greeting: number;
    topic: number;
    sameProblem: number | null;
    elaboration: number;
  }) =>
    `g=${s.greeting.toFixed(2)} t=${s.topic.toFixed(2)} s=${s.sameProblem?.toFixed(2) ?? '-'} e=${s.elaboration.toFixed(2)}`;

  // Greetings: classified without context (the first message of a session).
  let truePositive = 0;
  let falsePositive = 0;
  for (const text of greetings.greetings) {
    const result = await classifier.classify({ message: text });
    if (result.kind === 'greeting') truePositive++;
    else
      misses.push({
        check: 'greeting',
        text,
        expected: 'greeting',
        got: result.kind,
        scores: describe(result.scores),
      });
  }
  for (const text of greetings.nearMisses) {
    const result = await classifier.classify({ message: text });
    if (result.kind === 'greeting') {
      falsePositive++;
      misses.push({
        check: 'greeting',
        text,
        expected: 'not greeting',
        got: result.kind,
        scores: describe(result.scores),
      });
    }
  }

  // Off-topic: first messages again.
  const onTopic = Object.values(topics.onTopic).flat();
  let onTopicRejected = 0;
  for (const text of onTopic) {
    const result = await classifier.classify({ message: text });
    if (result.kind === 'off_topic' || result.kind === 'greeting') {
      onTopicRejected++;
      misses.push({
        check: 'off-topic',
        text,
        expected: 'on topic',
        got: result.kind,
        scores: describe(result.scores),
      });
    }
  }
  let offTopicCaught = 0;
  for (const text of topics.offTopic) {
    const result = await classifier.classify({ message: text });
    if (result.kind === 'off_topic') offTopicCaught++;
    else
      misses.push({
        check: 'off-topic',
        text,
        expected: 'off_topic',
        got: result.kind,
        scores: describe(result.scores),
      });
  }

  // Same problem: each follow-up against its context.
  let sameCorrect = 0;
  let sameTotal = 0;
  for (const context of followUps.contexts) {
    const previousContext = await classifier.embedContext(context.question, context.answer);
    const cases = [
      ...context.same.map((text) => ({ text, same: true })),
      ...context.new.map((text) => ({ text, same: false })),
    ];
    for (const { text, same } of cases) {
      const result = await classifier.classify({ message: text, previousContext });
      const gotSame = result.kind === 'same_problem' || result.kind === 'elaboration';
      sameTotal++;
      if (gotSame === same) sameCorrect++;
      else {
        misses.push({
          check: 'same-problem',
          text,
          expected: same ? 'same' : 'new',
          got: result.kind,
          scores: describe(result.scores),
        });
      }
    }
  }

  // The same again with realistic contexts: the offline tutor's full answer at each hint level.
  let longCorrect = 0;
  let longTotal = 0;
  for (const context of followUps.contexts) {
    for (const level of [1, 2, 3, 4, 5] as HintLevel[]) {
      const answer = composeAnswer(
        { question: context.question, programmingLevel: 3, mathsLevel: 3 },
        level,
      );
      const previousContext = await classifier.embedContext(context.question, answer);
      const cases = [
        ...context.same.map((text) => ({ text, same: true })),
        ...context.new.map((text) => ({ text, same: false })),
      ];
      for (const { text, same } of cases) {
        const result = await classifier.classify({ message: text, previousContext });
        longTotal++;
        if ((result.kind === 'same_problem' || result.kind === 'elaboration') === same)
          longCorrect++;
      }
    }
  }

  // Elaboration: requests against every context in turn; look-alikes against an unrelated one.
  let elaborationCorrect = 0;
  let elaborationTotal = 0;
  const contexts = await Promise.all(
    followUps.contexts.map((context) => classifier.embedContext(context.question, context.answer)),
  );
  for (const [i, text] of elaboration.requests.entries()) {
    const previousContext = contexts[i % contexts.length];
    const result = await classifier.classify({ message: text, previousContext });
    elaborationTotal++;
    if (result.kind === 'elaboration' || result.kind === 'same_problem') elaborationCorrect++;
    else
      misses.push({
        check: 'elaboration',
        text,
        expected: 'elaboration',
        got: result.kind,
        scores: describe(result.scores),
      });
  }
  const unrelated = await classifier.embedContext(
    elaboration.lookAlikeContexts.question,
    elaboration.lookAlikeContexts.answer,
  );
  for (const text of elaboration.lookAlikes) {
    const result = await classifier.classify({ message: text, previousContext: unrelated });
    elaborationTotal++;
    if (result.kind === 'new_problem') elaborationCorrect++;
    else
      misses.push({
        check: 'elaboration',
        text,
        expected: 'new_problem',
        got: result.kind,
        scores: describe(result.scores),
      });
  }

  return {
    greeting: {
      precision: ratio(truePositive, truePositive + falsePositive),
      recall: ratio(truePositive, greetings.greetings.length),
      total: greetings.greetings.length + greetings.nearMisses.length,
    },
    offTopic: {
      onTopicRejected,
      onTopicTotal: onTopic.length,
      offTopicCaught,
      offTopicTotal: topics.offTopic.length,
    },
    sameProblem: { accuracy: ratio(sameCorrect, sameTotal), total: sameTotal },
    sameProblemLongAnswers: { accuracy: ratio(longCorrect, longTotal), total: longTotal },
    elaboration: { accuracy: ratio(elaborationCorrect, elaborationTotal), total: elaborationTotal },
    phrases:
      greetings.greetings.length +
      greetings.nearMisses.length +
      onTopic.length +
      topics.offTopic.length +
      sameTotal +
      elaboration.requests.length +
      elaboration.lookAlikes.length,
    misses,
  };
}
