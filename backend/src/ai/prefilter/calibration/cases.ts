import { composeAnswer } from '../../offline-tutor/compose';
import { genericAnswer } from '../../offline-tutor/generic';
import type { MessageClassifier } from '../../types';
import type { HintLevel, MessageKind } from '../../../pedagogy/types';
import type { PrefilterScores } from '../decide';
import elaboration from './elaboration.json' with { type: 'json' };
import followUps from './follow-ups.json' with { type: 'json' };
import greetings from './greetings.json' with { type: 'json' };
import topics from './topics.json' with { type: 'json' };

/** The categories of the calibration set, each with the verdicts it accepts (`ACCEPTS`). */
export type Group =
  | 'greeting'
  | 'greeting-with-content'
  | 'on-topic'
  | 'borderline'
  | 'off-topic'
  | 'follow-up'
  | 'answer'
  | 'new-problem'
  | 'follow-up-long'
  | 'answer-long'
  | 'new-problem-long'
  | 'elaboration'
  | 'look-alike';

/** One labelled phrase with its similarity scores, which do not depend on the thresholds. */
export interface ScoredCase {
  group: Group;
  /** The subject within the group ("food", "study help"), where the set names one. */
  subject?: string;
  text: string;
  scores: PrefilterScores;
}

const isSame = (kind: MessageKind) => kind === 'same_problem' || kind === 'elaboration';
const passes = (kind: MessageKind) => kind !== 'off_topic' && kind !== 'greeting';

export const ACCEPTS: Record<Group, (kind: MessageKind) => boolean> = {
  greeting: (kind) => kind === 'greeting',
  'greeting-with-content': (kind) => kind !== 'greeting',
  'on-topic': passes,
  borderline: passes,
  'off-topic': (kind) => kind === 'off_topic',
  'follow-up': isSame,
  answer: isSame,
  'new-problem': (kind) => !isSame(kind),
  'follow-up-long': isSame,
  'answer-long': isSame,
  'new-problem-long': (kind) => !isSame(kind),
  elaboration: isSame,
  'look-alike': (kind) => kind === 'new_problem',
};

type Score = (
  group: Group,
  texts: string[],
  options?: { subject?: string; previousContext?: number[] },
) => Promise<void>;

/** Embeds every labelled phrase of the calibration set once and records its scores. */
export async function scoreCalibrationSet(classifier: MessageClassifier): Promise<ScoredCase[]> {
  const cases: ScoredCase[] = [];
  const score: Score = async (group, texts, { subject, previousContext } = {}) => {
    for (const text of texts) {
      const { scores } = await classifier.classify({ message: text, previousContext });
      cases.push({ group, subject, text, scores: scores as PrefilterScores });
    }
  };
  await scoreFirstMessages(score);
  const contexts = await scoreFollowUps(classifier, score);
  await scoreElaboration(classifier, score, contexts);
  return cases;
}

/** Greetings and topics: first messages of a session, without context. */
async function scoreFirstMessages(score: Score): Promise<void> {
  await score('greeting', greetings.greetings);
  await score('greeting-with-content', greetings.nearMisses);
  const bySubject: [Group, Record<string, string[]>][] = [
    ['on-topic', topics.onTopic],
    ['borderline', topics.borderline],
    ['off-topic', topics.offTopic],
  ];
  for (const [group, subjects] of bySubject) {
    for (const [subject, texts] of Object.entries(subjects)) await score(group, texts, { subject });
  }
}

/**
 * Each follow-up, answer and new question against its context: with the short answer of the file,
 * and, where the offline tutor has notes on the question, with its full answers at each hint level.
 * (Where it has none, its answer is a general method the follow-ups cannot refer to.) Returns the
 * short contexts.
 */
async function scoreFollowUps(classifier: MessageClassifier, score: Score): Promise<number[][]> {
  const shortContexts: number[][] = [];
  for (const context of followUps.contexts) {
    const previous = await classifier.embedContext(context.question, context.answer);
    shortContexts.push(previous);
    await score('follow-up', context.same, { previousContext: previous });
    await score('answer', context.answers, { previousContext: previous });
    await score('new-problem', context.new, { previousContext: previous });
    for (const answer of offlineTutorAnswers(context.question)) {
      const long = await classifier.embedContext(context.question, answer);
      await score('follow-up-long', context.same, { previousContext: long });
      await score('answer-long', context.answers, { previousContext: long });
      await score('new-problem-long', context.new, { previousContext: long });
    }
  }
  return shortContexts;
}

/** The offline tutor's answers at levels 1–5, or none when no note of its matches the question. */
function offlineTutorAnswers(question: string): string[] {
  const material = { question, programmingLevel: 3, mathsLevel: 3 } as const;
  const [fallback = ''] = genericAnswer(material, 1, false).split('\n');
  const levels: HintLevel[] = [1, 2, 3, 4, 5];
  const answers = levels.map((level) => composeAnswer(material, level));
  return answers.some((answer) => answer.includes(fallback)) ? [] : answers;
}

/** Requests for more against the contexts in turn; look-alikes against an unrelated context. */
async function scoreElaboration(
  classifier: MessageClassifier,
  score: Score,
  contexts: number[][],
): Promise<void> {
  for (const [i, text] of elaboration.requests.entries()) {
    await score('elaboration', [text], { previousContext: contexts[i % contexts.length] });
  }
  const unrelated = await classifier.embedContext(
    elaboration.lookAlikeContexts.question,
    elaboration.lookAlikeContexts.answer,
  );
  await score('look-alike', elaboration.lookAlikes, { previousContext: unrelated });
}
