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
  const { topic, sameProblem } = scores;
  const hasContext = sameProblem !== null;
  const elaborates = hasContext && asksForMore(scores, thresholds);
  const cue = hasFollowUpCue(input.message);
  const offTopic = topic < thresholds.offTopic;

  if (isGreeting(scores, input.message, thresholds, elaborates)) return 'greeting';
  if (continuesContext(sameProblem, cue, thresholds)) return 'same_problem';
  if (elaborates) return 'elaboration';
  // A follow-up that refers back ("can I make it shorter?") but names no topic of its own
  // continues the conversation rather than leaving it.
  if (offTopic && hasContext && cue) return 'same_problem';
  if (offTopic) return 'off_topic';
  if (hasContext && input.sameCell === true) return 'same_problem';
  return 'new_problem';
}

/** A bare request for more has little topic content of its own. */
function asksForMore(scores: Classification['scores'], thresholds: EmbeddingThresholds): boolean {
  const elaborationMaxTopic = thresholds.elaborationMaxTopic ?? 2 * thresholds.offTopic;
  return scores.elaboration >= thresholds.elaboration && scores.topic < elaborationMaxTopic;
}

/**
 * A greeting carries nothing topical ("Hello, how do I reverse a list?" is a question), and
 * within a conversation "ok, and then?" asks for more rather than closing it.
 */
function isGreeting(
  scores: Classification['scores'],
  message: string,
  thresholds: EmbeddingThresholds,
  elaborates: boolean,
): boolean {
  const words = message.trim().split(/\s+/).length;
  return (
    scores.greeting >= thresholds.greeting &&
    scores.topic < thresholds.offTopic &&
    words <= MAX_GREETING_WORDS &&
    !elaborates
  );
}

/** Close enough to the previous context, or a follow-up cue and half as close. */
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

export interface PrefilterClassifier extends MessageClassifier {
  /** Embeds the anchors now (otherwise done on first use); safe to call repeatedly. */
  warmUp(signal?: AbortSignal): Promise<void>;
}

/** Embeds every anchor text in one batch and splits the vectors up again. */
async function embedAnchors(embedder: Embedder, signal?: AbortSignal): Promise<AnchorVectors> {
  const topicTexts = Object.values(TOPIC_ANCHORS).flat();
  const texts = [
    ...GREETING_ANCHORS,
    ...topicTexts,
    ...ELABORATION_ANCHORS,
    ...DIFFICULTY_EXAMPLES.map(([question]) => question),
  ];
  const vectors = await embedder.embed(texts, signal);
  let at = 0;
  const take = (n: number) => vectors.slice(at, (at += n));
  return {
    greeting: take(GREETING_ANCHORS.length),
    topic: take(topicTexts.length),
    elaboration: take(ELABORATION_ANCHORS.length),
    examples: labelExamples(DIFFICULTY_EXAMPLES, take(DIFFICULTY_EXAMPLES.length)),
  };
}

interface AnchorLoader {
  /** The anchors, embedding them on the first call; concurrent calls share one load. */
  load(signal?: AbortSignal): Promise<AnchorVectors>;
  /** The anchors if already loaded. */
  loaded(): AnchorVectors | undefined;
}

function createAnchorLoader(embedder: Embedder): AnchorLoader {
  let anchors: AnchorVectors | undefined;
  let loading: Promise<AnchorVectors> | undefined;
  return {
    load(signal) {
      if (anchors) return Promise.resolve(anchors);
      loading ??= (async () => {
        anchors = await embedAnchors(embedder, signal);
        return anchors;
      })().finally(() => {
        // A failed load (a remote embedder down) is tried again on the next message.
        loading = undefined;
      });
      return loading;
    },
    loaded: () => anchors,
  };
}

function scoreMessage(
  vector: number[],
  anchors: AnchorVectors,
  previousContext: number[] | undefined,
): Classification['scores'] {
  return {
    greeting: maxSimilarity(vector, anchors.greeting),
    topic: maxSimilarity(vector, anchors.topic),
    sameProblem: previousContext ? cosine(vector, previousContext) : null,
    elaboration: maxSimilarity(vector, anchors.elaboration),
  };
}

/**
 * The embedding pre-filter of foundation §2 on any embedder. Every message is embedded once and
 * every check reuses that vector; `decideKind` makes the decision.
 */
export function createMessageClassifier(embedder: Embedder): PrefilterClassifier {
  const thresholds = embedder.thresholds;
  const anchors = createAnchorLoader(embedder);

  return {
    embedderId: embedder.id,
    async warmUp(signal) {
      await anchors.load(signal);
    },
    async classify(input: ClassifyInput): Promise<Classification> {
      const [loaded, [embedding]] = await Promise.all([
        anchors.load(),
        embedder.embed([input.message]),
      ]);
      const vector = embedding ?? [];
      const scores = scoreMessage(vector, loaded, input.previousContext);
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
      const loaded = anchors.loaded();
      return loaded ? estimateDifficulty(embedding, loaded.examples) : { programming: 3, maths: 3 };
    },
  };
}
