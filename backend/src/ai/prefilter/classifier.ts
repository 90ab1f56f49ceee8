import { cosine, weightedMean } from '../embeddings/similarity';
import type { Classification, ClassifyInput, Embedder, MessageClassifier } from '../types';
import { ELABORATION_ANCHORS, GREETING_ANCHORS, OFF_TOPIC_ANCHORS, TOPIC_ANCHORS } from './anchors';
import { anchorSet, maxSimilarityTo, probeOf, type AnchorSet } from './anchor-set';
import { decideKind, type PrefilterScores } from './decide';
import { estimateDifficulty, labelExamples, type LabelledEmbedding } from './difficulty';
import { DIFFICULTY_EXAMPLES } from './difficulty-examples';
import { isClosingRemark } from '../../pedagogy/follow-up';

export { hasFollowUpCue } from '../../pedagogy/follow-up';
export { decideKind, isOffTopic, type PrefilterScores } from './decide';

/** Weight of the question against the answer in the Q+A context vector. */
const QUESTION_WEIGHT = 0.5;

interface AnchorVectors {
  greeting: AnchorSet;
  topic: AnchorSet;
  offTopic: AnchorSet;
  elaboration: AnchorSet;
  examples: LabelledEmbedding[];
}

export interface PrefilterClassifier extends MessageClassifier {
  /** Embeds the anchors now (otherwise done on first use); safe to call repeatedly. */
  warmUp(signal?: AbortSignal): Promise<void>;
}

/** Embeds every anchor text in one batch and splits the vectors up again. */
async function embedAnchors(embedder: Embedder, signal?: AbortSignal): Promise<AnchorVectors> {
  const topicTexts = Object.values(TOPIC_ANCHORS).flat();
  const offTopicTexts = Object.values(OFF_TOPIC_ANCHORS).flat();
  const texts = [
    ...GREETING_ANCHORS,
    ...topicTexts,
    ...offTopicTexts,
    ...ELABORATION_ANCHORS,
    ...DIFFICULTY_EXAMPLES.map(([question]) => question),
  ];
  const vectors = await embedder.embed(texts, signal);
  let at = 0;
  const take = (n: number) => vectors.slice(at, (at += n));
  return {
    greeting: anchorSet(take(GREETING_ANCHORS.length)),
    topic: anchorSet(take(topicTexts.length)),
    offTopic: anchorSet(take(offTopicTexts.length)),
    elaboration: anchorSet(take(ELABORATION_ANCHORS.length)),
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
): PrefilterScores {
  const probe = probeOf(vector);
  return {
    greeting: maxSimilarityTo(probe, anchors.greeting),
    topic: maxSimilarityTo(probe, anchors.topic),
    offTopic: maxSimilarityTo(probe, anchors.offTopic),
    sameProblem: previousContext ? cosine(vector, previousContext) : null,
    elaboration: maxSimilarityTo(probe, anchors.elaboration),
  };
}

/**
 * The embedding pre-filter of foundation §2 on any embedder. Every message is embedded once and
 * every check reuses that vector; `decideKind` (decide.ts) makes the decision.
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
