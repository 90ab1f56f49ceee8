import { describe, expect, it } from 'vitest';
import { LOCAL_THRESHOLDS } from '../embeddings/local/local-embedder';
import { decideKind, type PrefilterScores } from './decide';

const scores = (overrides: Partial<PrefilterScores>): PrefilterScores => ({
  greeting: 0,
  topic: 0,
  offTopic: 0,
  sameProblem: null,
  elaboration: 0,
  ...overrides,
});
const decide = (message: string, overrides: Partial<PrefilterScores>) =>
  decideKind(scores(overrides), { message }, LOCAL_THRESHOLDS);

describe('decideKind', () => {
  it('does not refuse a message for matching no topic: the filter is lenient', () => {
    expect(decide('why is the sky blue?', { topic: 0.02, offTopic: 0.05 })).toBe('new_problem');
  });

  it('refuses on positive evidence: near an off-topic anchor and clearly nearer than any topic', () => {
    expect(decide('best pizza in town', { topic: 0.05, offTopic: 0.4 })).toBe('off_topic');
    // Close to both: borderline, so it passes.
    expect(decide('a microwave heats food', { topic: 0.31, offTopic: 0.36 })).toBe('new_problem');
    // Code or maths notation is evidence of a topic, whatever the words.
    expect(decide('8 pizza slices, I eat 3: what fraction is left?', { offTopic: 0.4 })).toBe(
      'new_problem',
    );
  });

  it('never takes a greeting with content for a greeting', () => {
    expect(decide('hello there', { greeting: 0.8 })).toBe('greeting');
    expect(decide('the hello protocol', { greeting: 0.8 })).toBe('new_problem');
    expect(decide('hello, my loop never ends', { greeting: 0.6 })).toBe('new_problem');
  });

  it('keeps follow-ups, replies and bare requests on the same problem', () => {
    const context = { sameProblem: 0.05, topic: 0.05 };
    expect(decide('can I make it shorter?', context)).toBe('same_problem');
    expect(decide('3x^2', context)).toBe('same_problem');
    expect(decide('I am lost, explain again', { ...context, elaboration: 0.5 })).toBe(
      'elaboration',
    );
    expect(decide('explain how binary search works', { ...context, elaboration: 0.5 })).toBe(
      'new_problem',
    );
    expect(decide('How do I transpose a matrix?', { ...context, topic: 0.5 })).toBe('new_problem');
  });
});
