import type { Classification, ClassifyInput, EmbeddingThresholds } from '../types';
import type { MessageKind } from '../../pedagogy/types';
import { hasFollowUpCue } from '../../pedagogy/follow-up';
import { hasContent, hasTechnicalNotation, isBareRequest, isReplyForm } from './content';
import { offTopicRule } from './thresholds';

/** The longest message that can still be a pure greeting ("hi there, good morning to you!"). */
const MAX_GREETING_WORDS = 10;
/** Fraction of the same-problem threshold that suffices for a message with a follow-up cue. */
const FOLLOW_UP_FACTOR = 0.5;

/** The classifier's similarities, with `offTopic`: the similarity to the nearest off-topic anchor. */
export type PrefilterScores = Classification['scores'] & { offTopic: number };

/**
 * The decision of foundation §2 from the similarities, pure so that thresholds can be tuned on
 * recorded scores. Order: greeting; then same problem (only with a previous context); then
 * off-topic, which needs positive evidence (see `isOffTopic`); then elaboration; then a follow-up
 * that names no topic of its own, and the tutor's same-cell rule; otherwise a new problem. The
 * filter is lenient: a message that matches no topic anchor is not refused for that.
 */
export function decideKind(
  scores: PrefilterScores,
  input: Pick<ClassifyInput, 'message' | 'sameCell'>,
  thresholds: EmbeddingThresholds,
): MessageKind {
  const hasContext = scores.sameProblem !== null;
  const elaborates = hasContext && asksForMore(scores, input.message, thresholds);
  // A follow-up that refers back ("so…", "…it") or a reply to the tutor's question ("3x^2").
  const cue = hasFollowUpCue(input.message) || isReplyForm(input.message);

  if (isGreeting(scores, input.message, thresholds, elaborates)) return 'greeting';
  if (continuesContext(scores.sameProblem, cue, thresholds)) return 'same_problem';
  if (isOffTopic(scores, input.message, thresholds)) return 'off_topic';
  if (elaborates) return 'elaboration';
  // A follow-up or a reply that names no topic of its own ("can I make it shorter?", "y = 0.8")
  // continues the conversation rather than starting a new problem.
  if (hasContext && cue && scores.topic < thresholds.offTopic) return 'same_problem';
  if (hasContext && input.sameCell === true) return 'same_problem';
  return 'new_problem';
}

/**
 * Refused only on positive evidence of an everyday subject (food, sport, films, the weather, the
 * tutor's age...): close to an off-topic anchor, clearly closer than to every topic anchor, and
 * without code or maths notation. Study help, any computing or science question and anything
 * borderline pass.
 */
export function isOffTopic(
  scores: PrefilterScores,
  message: string,
  thresholds: EmbeddingThresholds,
): boolean {
  const { match, margin } = offTopicRule(thresholds);
  return (
    scores.offTopic >= match &&
    scores.offTopic - scores.topic >= margin &&
    !hasTechnicalNotation(message)
  );
}

/**
 * A bare request for more has little topic content of its own, and no word beyond those of a
 * request ("give me an example of recursion" asks a new question).
 */
function asksForMore(
  scores: PrefilterScores,
  message: string,
  thresholds: EmbeddingThresholds,
): boolean {
  const elaborationMaxTopic = thresholds.elaborationMaxTopic ?? 2 * thresholds.offTopic;
  return (
    scores.elaboration >= thresholds.elaboration &&
    scores.topic < elaborationMaxTopic &&
    isBareRequest(message)
  );
}

/**
 * A greeting carries nothing else: "Hello, how do I reverse a list?", "the hello protocol" and
 * "greeting cards in CSS" are questions, and within a conversation "ok, and then?" asks for more.
 */
function isGreeting(
  scores: PrefilterScores,
  message: string,
  thresholds: EmbeddingThresholds,
  elaborates: boolean,
): boolean {
  const words = message.trim().split(/\s+/).length;
  return (
    scores.greeting >= thresholds.greeting &&
    scores.topic < thresholds.offTopic &&
    words <= MAX_GREETING_WORDS &&
    !elaborates &&
    !hasContent(message)
  );
}

/** Close enough to the previous context, or a follow-up cue or a reply and half as close. */
function continuesContext(
  sameProblem: number | null,
  cue: boolean,
  thresholds: EmbeddingThresholds,
): boolean {
  return (
    sameProblem !== null &&
    (sameProblem >= thresholds.sameProblem ||
      (cue && sameProblem >= thresholds.sameProblem * FOLLOW_UP_FACTOR))
  );
}
