import { describe, expect, it } from 'vitest';
import { createLocalEmbedder } from '../embeddings/local/local-embedder';
import type { Embedder } from '../types';
import { composeAnswer } from '../offline-tutor/compose';
import { createMessageClassifier, hasFollowUpCue } from './classifier';

const classifier = createMessageClassifier(createLocalEmbedder());

describe('message classifier (local embedder)', () => {
  it('recognises greetings but not questions that start with one', async () => {
    expect((await classifier.classify({ message: 'hello' })).kind).toBe('greeting');
    expect((await classifier.classify({ message: 'Hello, how do I reverse a list?' })).kind).toBe(
      'new_problem',
    );
    expect((await classifier.classify({ message: 'print hello world' })).kind).not.toBe('greeting');
  });

  it('refuses off-topic messages and lets topical ones through', async () => {
    expect((await classifier.classify({ message: 'best pizza in London' })).kind).toBe('off_topic');
    expect(
      (
        await classifier.classify({
          message: 'How do I compute the determinant of a 3x3 matrix with numpy?',
        })
      ).kind,
    ).toBe('new_problem');
  });

  it('is lenient: study help, computing and science questions pass, and a greeting needs no content', async () => {
    for (const message of [
      'can you go through my homework with me?',
      'I have a test next week on vectors',
      'what is a neural network?',
      'how does public key encryption work?',
      'why do magnets attract iron?',
      'the hello handshake in a network protocol',
    ]) {
      expect((await classifier.classify({ message })).kind, message).toBe('new_problem');
    }
    for (const message of ['who will win the world cup?', 'what is your favourite film?']) {
      expect((await classifier.classify({ message })).kind, message).toBe('off_topic');
    }
  });

  it('treats the first message of a session as a new problem, even a bare "why?"', async () => {
    const result = await classifier.classify({ message: 'I do not understand, explain more' });
    expect(result.kind).not.toBe('elaboration');
    expect(result.scores.sameProblem).toBeNull();
  });

  it('follows the same problem, elaboration and a change of topic', async () => {
    const context = await classifier.embedContext(
      'How do I compute the determinant of a 3x3 matrix with numpy?',
      'What does a determinant tell you? Look in np.linalg for a function named after it.',
    );
    expect(
      (
        await classifier.classify({
          message: 'does np.linalg.det work for a 4x4 matrix too?',
          previousContext: context,
        })
      ).kind,
    ).toBe('same_problem');
    expect(
      (await classifier.classify({ message: "I don't understand", previousContext: context })).kind,
    ).toBe('elaboration');
    expect(
      (
        await classifier.classify({
          message: 'What are Chebyshev nodes?',
          previousContext: context,
        })
      ).kind,
    ).toBe('new_problem');
    expect(
      (
        await classifier.classify({
          message: 'What are Chebyshev nodes?',
          previousContext: context,
          sameCell: true,
        })
      ).kind,
    ).toBe('same_problem');
  });

  it('estimates difficulty from the nearest labelled examples', async () => {
    const easy = await classifier.classify({
      message: 'how do I print a message on the screen in python',
    });
    const hard = await classifier.classify({
      message: 'why does the condition number make an ill-conditioned system lose accuracy?',
    });
    const e = classifier.estimateDifficulty(easy.embedding);
    const h = classifier.estimateDifficulty(hard.embedding);
    expect(e.maths).toBeLessThan(h.maths);
    expect(e.programming).toBeLessThanOrEqual(2);
    expect(h.maths).toBeGreaterThanOrEqual(4);
  });

  it('embeds the anchors once, in one batch', async () => {
    const batches: number[] = [];
    const local = createLocalEmbedder();
    const counting: Embedder = {
      ...local,
      embed: (texts) => (batches.push(texts.length), local.embed(texts)),
    };
    const counted = createMessageClassifier(counting);
    await Promise.all([
      counted.classify({ message: 'hi' }),
      counted.classify({ message: 'hello' }),
    ]);
    await counted.classify({ message: 'what is a matrix' });
    const anchorBatches = batches.filter((size) => size > 10);
    expect(anchorBatches).toHaveLength(1);
  });

  it('walks through the conversation of issue 5 with the offline tutor answering', async () => {
    expect((await classifier.classify({ message: 'hello' })).kind).toBe('greeting');
    expect((await classifier.classify({ message: 'best pizza in London' })).kind).toBe('off_topic');
    const question = 'How do I compute the determinant of a 3x3 matrix with numpy?';
    expect((await classifier.classify({ message: question })).kind).toBe('new_problem');
    const answer = composeAnswer({ question, programmingLevel: 3, mathsLevel: 3 }, 2);
    const context = await classifier.embedContext(question, answer);
    expect(
      (await classifier.classify({ message: "I don't understand", previousContext: context })).kind,
    ).toBe('elaboration');
    // The chat page's "Next hint" button sends exactly this.
    const nextHint = 'Can you give me the next hint?';
    expect((await classifier.classify({ message: nextHint, previousContext: context })).kind).toBe(
      'elaboration',
    );
    expect(
      (
        await classifier.classify({
          message: 'How do I fit a polynomial with polyfit?',
          previousContext: context,
        })
      ).kind,
    ).toBe('new_problem');
  });

  it('closes a turn on an acknowledgement, but not when it asks for more', async () => {
    const context = await classifier.embedContext(
      'How do I compute the determinant of a 3x3 matrix with numpy?',
      'Look in np.linalg for a function named after the determinant.',
    );
    for (const message of ['ok', 'got it, thanks', 'great']) {
      expect(await classifier.classify({ message, previousContext: context })).toMatchObject({
        kind: 'greeting',
        closing: true,
      });
    }
    expect(await classifier.classify({ message: 'hi there' })).toMatchObject({
      kind: 'greeting',
      closing: false,
    });
    expect(
      (await classifier.classify({ message: 'ok, and then what?', previousContext: context })).kind,
    ).toBe('elaboration');
    expect(
      (await classifier.classify({ message: 'ok so I use det?', previousContext: context })).kind,
    ).toBe('same_problem');
  });

  it('recognises follow-up cues', () => {
    expect(hasFollowUpCue('so I use det?')).toBe(true);
    expect(hasFollowUpCue('can I make it shorter')).toBe(true);
    expect(hasFollowUpCue('How do I reverse a list?')).toBe(false);
  });
});
