import type { EmbeddingThresholds } from '../types';

/**
 * The pre-filter's thresholds: the embedder's `EmbeddingThresholds` plus the two of the off-topic
 * rule. `offTopic` is the topic floor: a message whose nearest topic anchor scores below it names no
 * topic of its own (a bare "why?", "ok", "can I make it shorter?"). It no longer refuses anything
 * on its own: a message is refused only on positive evidence, when its nearest off-topic anchor
 * scores at least `offTopicMatch` and beats its nearest topic anchor by `offTopicMargin`.
 */
export interface PrefilterThresholds extends EmbeddingThresholds {
  /** Similarity to the nearest off-topic anchor from which a message may be off-topic. */
  offTopicMatch?: number;
  /** How much closer to an off-topic anchor than to every topic anchor an off-topic message is. */
  offTopicMargin?: number;
}

export interface OffTopicRule {
  match: number;
  margin: number;
}

/**
 * The off-topic rule of an embedder. Without calibrated values (remote embedders until their
 * calibration is run): an off-topic anchor must match as well as a topic anchor must to count
 * (`offTopic`), and beat every topic anchor by a quarter of that.
 */
export function offTopicRule(thresholds: EmbeddingThresholds): OffTopicRule {
  const { offTopicMatch, offTopicMargin } = thresholds as PrefilterThresholds;
  return {
    match: offTopicMatch ?? thresholds.offTopic,
    margin: offTopicMargin ?? thresholds.offTopic / 4,
  };
}
