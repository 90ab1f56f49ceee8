import { cosine, maxSimilarity, weightedMean } from '../embeddings/similarity';
import type {
  Classification,
  EmbeddingThresholds,
  ClassifyInput,
  Embedder,
  MessageClassifier,
} from '../types';
import type { MessageKind } from '../../pedagogy/types';
import { ELABORATION_ANCHORS, GREETING_ANCHORS, TOPIC_ANCHORS } from './anchors';
import { estimateDifficulty, labelExamples, type LabelledEmbedding } from './difficulty';
import { DIFFICULTY_EXAMPLES } from './difficulty-examples';
import { hasFollowUpCue, isClosingRemark } from '../../pedagogy/follow-up';

export { hasFollowUpCue } from '../../pedagogy/follow-up';

/** The longest message that can still be a pure greeting ("hi there, good morning to you!"). */
const MAX_GREETING_WORDS = 10;
/** Fraction of the same-problem threshold that suffices for a message with a follow-up cue. */
const FOLLOW_UP_FACTOR = 0.5;

/** Weight of the question against the answer in the Q+A context vector. */
const QUESTION_WEIGHT = 0.5;

interface AnchorVectors {
  greeting: number[][];
  topic: number[][];
  elaboration: number[][];
  examples: LabelledEmbedding[];
}

/**
 * The decision of foundation §2 from the four similarities, pure so that thresholds can be tuned
 * on recorded scores. Order: greeting; then same problem or elaboration (only with a previous
 * context), which also shields short follow-ups such as "why?" from the off-topic check; then
 * off-topic; then the tutor's same-cell rule; otherwise a new problem.
 */
export function decideKind(
  scores: Classification['scores'],
  input: Pick<ClassifyInput, 'message' | 'sameCell'>,
  thresholds: EmbeddingThresholds,
): MessageKind {
  const { greeting, topic, sameProblem, elaboration } = scores;
  const elaborationMaxTopic = thresholds.elaborationMaxTopic ?? 2 * thresholds.offTopic;
  const words = input.message.trim().split(/\s+/).length;
  // A bare request for more has little topic content of its own.
  const asksForMore = elaboration >= thresholds.elaboration && topic < elaborationMaxTopic;
  // A greeting carries nothing topical ("Hello, how do I reverse a list?" is a question), and
  // within a conversation "ok, and then?" asks for more rather than closing it.
  const isGreeting =
    greeting >= thresholds.greeting &&
    topic < thresholds.offTopic &&
    words <= MAX_GREETING_WORDS &&
    !(sameProblem !== null && asksForMore);
  const cue = hasFollowUpCue(input.message);
  const continuesContext =
    sameProblem !== null &&
    (sameProblem >= thresholds.sameProblem ||
      (cue && sameProblem >= thresholds.sameProblem * FOLLOW_UP_FACTOR));

  if (isGreeting) return 'greeting';
  if (continuesContext) return 'same_problem';
  if (sameProblem !== null && asksForMore) return 'elaboration';
  // A follow-up that refers back ("can I make it shorter?") but names no topic of its own
  // continues the conversation rather than leaving it.
  if (topic < thresholds.offTopic && sameProblem !== null && cue) return 'same_problem';
  if (topic < thresholds.offTopic) return 'off_topic';
  if (sameProblem !== null && input.sameCell === true) return 'same_problem';
  return 'new_problem';
}

export interface PrefilterClassifier extends MessageClassifier {
  /** Embeds the anchors now (otherwise done on first use); safe to call repeatedly. */
  warmUp(signal?: AbortSignal): Promise<void>;
}

/**
 * The embedding pre-filter of foundation §2 on any embedder. Every message is embedded once and
 * every check reuses that vector; `decideKind` makes the decision.
 */
export function createMessageClassifier(embedder: Embedder): PrefilterClassifier {
  const thresholds = embedder.thresholds;
  const topicTexts = Object.values(TOPIC_ANCHORS).flat();
  let anchors: AnchorVectors | undefined;
  let loading: Promise<AnchorVectors> | undefined;

  function loadAnchors(signal?: AbortSignal): Promise<AnchorVectors> {
    if (anchors) return Promise.resolve(anchors);
    loading ??= (async () => {
      const texts = [
        ...GREETING_ANCHORS,
        ...topicTexts,
        ...ELABORATION_ANCHORS,
        ...DIFFICULTY_EXAMPLES.map(([question]) => question),
      ];
      const vectors = await embedder.embed(texts, signal);
      let at = 0;
      const take = (n: number) => vectors.slice(at, (at += n));
      anchors = {
        greeting: take(GREETING_ANCHORS.length),
        topic: take(topicTexts.length),
        elaboration: take(ELABORATION_ANCHORS.length),
        examples: labelExamples(DIFFICULTY_EXAMPLES, take(DIFFICULTY_EXAMPLES.length)),
      };
      return anchors;
    })().finally(() => {
      // A failed load (a remote embedder down) is tried again on the next message.
      loading = undefined;
    });
    return loading;
  }

  return {
    embedderId: embedder.id,
    async warmUp(signal) {
      await loadAnchors(signal);
    },
    async classify(input: ClassifyInput): Promise<Classification> {
      const [loaded, [embedding]] = await Promise.all([
        loadAnchors(),
        embedder.embed([input.message]),
      ]);
      const vector = embedding ?? [];
      const greeting = maxSimilarity(vector, loaded.greeting);
      const topic = maxSimilarity(vector, loaded.topic);
      const elaboration = maxSimilarity(vector, loaded.elaboration);
      const sameProblem = input.previousContext ? cosine(vector, input.previousContext) : null;

      const scores = { greeting, topic, sameProblem, elaboration };
      const kind = decideKind(scores, input, thresholds);

      return {
        kind,
        embedding: vector,
        embedderId: embedder.id,
        scores,
        ...(kind === 'greeting' ? { closing: isClosingRemark(input.message) } : {}),
      };
    },
    async embedContext(question, answer) {
      const [q, a] = await embedder.embed([question, answer]);
      return weightedMean([
        { vector: q ?? [], weight: QUESTION_WEIGHT },
        { vector: a ?? [], weight: 1 - QUESTION_WEIGHT },
      ]);
    },
    estimateDifficulty(embedding) {
      return anchors
        ? estimateDifficulty(embedding, anchors.examples)
        : { programming: 3, maths: 3 };
    },
  };
}
