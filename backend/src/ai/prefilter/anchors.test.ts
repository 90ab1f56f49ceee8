import { describe, expect, it } from 'vitest';
import { ELABORATION_ANCHORS, GREETING_ANCHORS, OFF_TOPIC_ANCHORS, TOPIC_ANCHORS } from './anchors';
import elaboration from './calibration/elaboration.json' with { type: 'json' };
import followUps from './calibration/follow-ups.json' with { type: 'json' };
import greetings from './calibration/greetings.json' with { type: 'json' };
import topics from './calibration/topics.json' with { type: 'json' };

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

describe('anchors and calibration phrases', () => {
  it('share no phrase, so the calibration measures generalisation', () => {
    const anchors = new Set(
      [
        ...GREETING_ANCHORS,
        ...Object.values(TOPIC_ANCHORS).flat(),
        ...Object.values(OFF_TOPIC_ANCHORS).flat(),
        ...ELABORATION_ANCHORS,
      ].map(normalise),
    );
    const calibration = [
      ...greetings.greetings,
      ...greetings.nearMisses,
      ...Object.values(topics.onTopic).flat(),
      ...Object.values(topics.borderline).flat(),
      ...Object.values(topics.offTopic).flat(),
      ...followUps.contexts.flatMap((context) => [
        ...context.same,
        ...context.answers,
        ...context.new,
      ]),
      ...elaboration.requests,
      ...elaboration.lookAlikes,
    ].map(normalise);
    expect(calibration.filter((phrase) => anchors.has(phrase))).toEqual([]);
  });
});
