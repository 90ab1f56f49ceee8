import { describe, expect, it } from 'vitest';
import type { TutorMaterial } from '../types';
import type { ExerciseMaterial, HintLevel } from '../../pedagogy/types';
import { composeAnswer, NEEDS_ATTEMPT_LEADS } from './compose';
import { LOOKUPS, lookupAnswer } from './lookups';
import { detectError } from './match';
import { createOfflineTutor } from './provider';

const LEVELS: HintLevel[] = [1, 2, 3, 4, 5];
const material = (overrides: Partial<TutorMaterial> = {}): TutorMaterial => ({
  question: 'My determinant of a 3x3 matrix with numpy looks wrong: what should I check?',
  programmingLevel: 3,
  mathsLevel: 3,
  ...overrides,
});
const hasCodeBlock = (text: string) => text.includes('```');

const exercise: ExerciseMaterial = {
  id: 'ex-1',
  title: 'Creating arrays',
  prompt: 'Create a 3x4 array of zeros with np.zeros.',
  concepts: ['array creation', 'np.zeros'],
  hints: [
    'HINT-ONE: what shape do you need?',
    'HINT-TWO: np.zeros takes a tuple.',
    'HINT-THREE: call np.zeros with (3, 4).',
    'HINT-FOUR:\n```python\nzeros_3x4 = np.zeros((___, ___))\n```',
  ],
  solution: 'zeros_3x4 = np.zeros((3, 4))',
  explanation: 'EXPLANATION: the shape is one tuple.',
};

describe('offline tutor: hint levels', () => {
  it.each([1, 2, 3] as HintLevel[])('writes no code at level %i', (level) => {
    for (const question of [
      'My determinant of a 3x3 matrix with numpy looks wrong: what should I check?',
      'Why does my interpolation polynomial oscillate near the ends?',
      'what is the difference between @ and * ?',
      'tell me about the weather on Mars',
    ]) {
      const answer = composeAnswer(material({ question }), level);
      expect(hasCodeBlock(answer), `${question} at level ${level}`).toBe(false);
      expect(answer.length).toBeGreaterThan(200);
    }
  });

  it('asks only guiding questions at level 1', () => {
    const answer = composeAnswer(material(), 1);
    expect(answer).toMatch(/1\. .+\?/);
    expect(answer).not.toContain('np.linalg.det(');
  });

  it('gives partial code with gaps at level 4 and a full solution with pitfalls and variations at level 5', () => {
    const four = composeAnswer(material(), 4);
    expect(four).toContain('```python');
    expect(four).toContain('___');
    const five = composeAnswer(material(), 5);
    expect(five).toContain('```python');
    expect(five).toContain('np.linalg.det(A)');
    expect(five).not.toContain('___');
    expect(five).toMatch(/### Why it works[\s\S]+### Pitfalls[\s\S]+### Variations/);
    expect(five).toContain('$'); // LaTeX in the explanation
  });

  it('gets more concrete level by level', () => {
    const lengths = LEVELS.map((level) => composeAnswer(material(), level).length);
    expect(lengths[4]).toBeGreaterThan(lengths[0] as number);
  });

  it('weaves the exercise hint of the level in, and gives the authored solution at level 5', () => {
    const on = material({ question: 'I am stuck on this exercise', exercise });
    expect(composeAnswer(on, 1)).toContain('HINT-ONE');
    expect(composeAnswer(on, 2)).toContain('HINT-TWO');
    expect(composeAnswer(on, 3)).toContain('HINT-THREE');
    expect(composeAnswer(on, 4)).toContain('HINT-FOUR');
    const five = composeAnswer(on, 5);
    expect(five).toContain('zeros_3x4 = np.zeros((3, 4))');
    expect(five).toContain('EXPLANATION');
    expect(five).toContain('**Creating arrays**');
  });

  it('is honest that it is the offline tutor when nothing matches, at every level', () => {
    for (const level of LEVELS) {
      expect(
        composeAnswer(material({ question: 'tell me about the weather on Mars' }), level),
      ).toContain('offline tutor');
    }
  });

  it('finds the problem in the history for a bare follow-up', () => {
    const answer = composeAnswer(material({ question: "I don't understand" }), 3, [
      { role: 'user', content: 'How do I compute eigenvalues of a matrix?' },
      { role: 'assistant', content: 'What does A v = lambda v mean?' },
      { role: 'user', content: "I don't understand" },
    ]);
    expect(answer.toLowerCase()).toContain('eigen');
  });

  it('stays on the earlier topic for a follow-up that names none, and switches when one is named', () => {
    const history = [
      {
        role: 'user' as const,
        content: 'How do I find the largest eigenvalue with power iteration?',
      },
      { role: 'assistant' as const, content: 'What happens after many multiplications?' },
    ];
    const follow = composeAnswer(
      material({ question: 'should I normalise after every multiplication?' }),
      3,
      history,
    );
    expect(follow).toContain('Eigenvalues and eigenvectors');
    const switched = composeAnswer(material({ question: 'How does np.polyfit work?' }), 3, history);
    expect(switched).toContain('polyfit');
    expect(switched).not.toContain('Eigenvalues and eigenvectors');
    // A new question without a note of its own gets the generic answer, not the old topic.
    const unrelated = composeAnswer(
      material({ question: 'How do I write a class in Python?' }),
      3,
      history,
    );
    expect(unrelated).toContain('offline tutor');
    expect(unrelated).not.toContain('Eigenvalues and eigenvectors');
  });

  it('adapts the wording: analogies for beginners, shorter for advanced students', () => {
    const beginner = composeAnswer(material({ programmingLevel: 1, mathsLevel: 2 }), 2);
    const advanced = composeAnswer(material({ programmingLevel: 5, mathsLevel: 4 }), 2);
    expect(beginner).toContain('In everyday terms');
    expect(advanced).not.toContain('In everyday terms');
    const advancedFive = composeAnswer(material({ programmingLevel: 5, mathsLevel: 5 }), 5);
    expect(advancedFive.length).toBeLessThan(composeAnswer(material(), 5).length);
  });
});

describe('offline tutor: errors', () => {
  const tracebacks: [string, string][] = [
    ["NameError: name 'totl' is not defined", 'name-error'],
    ["TypeError: unsupported operand type(s) for +: 'int' and 'str'", 'type-error'],
    ['IndexError: index 5 is out of bounds for axis 0 with size 5', 'index-error'],
    ["KeyError: 'alpha'", 'key-error'],
    ["AttributeError: 'list' object has no attribute 'shape'", 'attribute-error'],
    ["AttributeError: module 'numpy' has no attribute 'det'", 'attribute-error'],
    [
      'ValueError: operands could not be broadcast together with shapes (3,) (4,)',
      'broadcast-error',
    ],
    [
      'ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0',
      'broadcast-error',
    ],
    ["ValueError: invalid literal for int() with base 10: '3.5'", 'value-error'],
    ['numpy.linalg.LinAlgError: Singular matrix', 'singular-matrix'],
    ['ZeroDivisionError: division by zero', 'zero-division'],
    ['SyntaxError: invalid syntax', 'syntax-error'],
    ["SyntaxError: '(' was never closed", 'syntax-error'],
    ['IndentationError: unexpected indent', 'indentation-error'],
    ["ModuleNotFoundError: No module named 'sklearn'", 'module-not-found'],
  ];

  it.each(tracebacks)('recognises %s', (line, id) => {
    const traceback = `Traceback (most recent call last):\n  Cell In[2], line 1\n    x = 1\n${line}`;
    expect(detectError(traceback)?.entry.id).toBe(id);
  });

  it('explains every error at every level, code only at 4 and 5', () => {
    for (const [line] of tracebacks) {
      for (const level of LEVELS) {
        const answer = composeAnswer(
          material({ question: 'why does this fail?', errorOutput: line }),
          level,
        );
        expect(answer).toContain('Your code raises');
        expect(hasCodeBlock(answer), `${line} at ${level}`).toBe(level >= 4);
        expect(answer).not.toMatch(/\{(name|attr|key|module|detail|shapes|owner)\}/);
      }
    }
  });

  it('detects an error named in the question when there is no output', () => {
    expect(
      composeAnswer(
        material({ question: 'what does IndexError: list index out of range mean?' }),
        2,
      ),
    ).toContain('IndexError');
  });

  it("quotes the student's failing line and uses the names from the message", () => {
    const cellCode = 'import numpy as np\nx = np.arange(5)\nprint(totl + x)';
    const errorOutput =
      "Cell In[3], line 3\n----> 3 print(totl + x)\n\nNameError: name 'totl' is not defined";
    const one = composeAnswer(material({ question: 'why?', cellCode, errorOutput }), 1);
    expect(one).toContain('`print(totl + x)`');
    expect(one).toContain('`totl`');
    const five = composeAnswer(material({ question: 'why?', cellCode, errorOutput }), 5);
    expect(five).toContain('```python\nprint(totl + x)\n```');
  });

  it('quotes the lines of the cell that a concept question is about', () => {
    const cellCode = 'import numpy as np\nA = np.eye(3)\nd = np.linalg.det(A)\nprint(d)';
    const answer = composeAnswer(material({ question: 'is my determinant right?', cellCode }), 2);
    expect(answer).toContain('`d = np.linalg.det(A)`');
  });
});

describe("offline tutor: the student's code", () => {
  it('quotes the line a question names, also on an exercise', () => {
    const cellCode = 'import numpy as np\nevens = np.arange(0, 20, 2)\ngrid = np.linspace(0, 1, 4)';
    const answer = composeAnswer(
      material({ question: 'my evens array stops at 18, why?', cellCode, exercise }),
      2,
    );
    expect(answer).toContain('`evens = np.arange(0, 20, 2)`');
    expect(answer).not.toContain('linspace(0, 1, 4)');
    expect(answer).toContain('HINT-TWO');
  });
});

describe('offline tutor: provider', () => {
  it('streams the answer in small pieces and labels itself', async () => {
    const tutor = createOfflineTutor();
    expect(tutor).toMatchObject({ id: 'offline', label: 'Offline tutor', offline: true });
    const pieces: string[] = [];
    const request = {
      system: '',
      messages: [{ role: 'user' as const, content: material().question }],
      hintLevel: 2 as const,
      material: material(),
      signal: new AbortController().signal,
    };
    for await (const piece of tutor.stream(request)) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(20);
    expect(pieces.join('')).toBe(composeAnswer(material(), 2, request.messages));
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const pieces: string[] = [];
    const request = {
      system: '',
      messages: [],
      hintLevel: 5 as const,
      material: material(),
      signal: controller.signal,
    };
    for await (const piece of createOfflineTutor().stream(request)) {
      pieces.push(piece);
      if (pieces.length === 3) controller.abort();
    }
    expect(pieces).toHaveLength(3);
  });
});

describe('offline tutor: where the student stands on the exercise', () => {
  const checks = (
    state: 'not_tried' | 'not_yet' | 'passed',
    runs = state === 'not_tried' ? 0 : 1,
  ) => ({
    state,
    lastMessage: state === 'not_tried' ? null : '❌ Not yet: `zeros_3x4` is still None',
    runs,
    ranSinceLastHint: false,
  });

  it('recognises a passed check and offers a deeper question instead of a hint', () => {
    const answer = composeAnswer(
      material({ question: 'more', exercise, checks: checks('passed') }),
      3,
    );
    expect(answer).toContain('Well done');
    expect(answer).toContain('Creating arrays');
    expect(answer).not.toContain('HINT-THREE');
    expect(hasCodeBlock(answer)).toBe(false);
  });

  it('asks for a run first when the student asks why it fails and nothing ran', () => {
    const answer = composeAnswer(
      material({ question: 'Why does my code fail?', exercise, checks: checks('not_tried') }),
      1,
    );
    expect(answer).toMatch(/Run your cell, then the check cell/);
    expect(answer).not.toContain('HINT-ONE');
  });

  it('answers as usual once something ran or there is an error', () => {
    const ran = composeAnswer(
      material({ question: 'Why does my code fail?', exercise, checks: checks('not_yet') }),
      1,
    );
    expect(ran).toContain('HINT-ONE');
    const failed = composeAnswer(
      material({
        question: 'Why does my code fail?',
        exercise,
        checks: checks('not_tried'),
        errorOutput: "NameError: name 'np' is not defined",
      }),
      1,
    );
    expect(failed).not.toMatch(/Run your cell, then the check cell/);
  });

  it('says why the level was held and asks for an attempt', () => {
    const answer = composeAnswer(
      material({ question: 'more', exercise, checks: checks('not_yet'), needsAttempt: true }),
      3,
    );
    expect(answer.startsWith(NEEDS_ATTEMPT_LEADS[0]!)).toBe(true);
    expect(answer).toContain('HINT-THREE');
  });
});

describe('offline tutor: lookups are answered directly', () => {
  it.each([
    ['How do I compute eigenvalues with numpy?', 'np.linalg.eig'],
    ['Which NumPy function solves a linear system Ax = b?', 'np.linalg.solve'],
    ['What function gives evenly spaced numbers?', 'np.linspace'],
    ['How can I transpose a matrix?', '.T'],
  ])('%s names %s at once, with a two-line example', (question, name) => {
    const answer = composeAnswer(material({ question, exercise }), 1);
    expect(answer).toContain(`\`${name}\``);
    expect(answer.match(/```python\n([\s\S]*?)\n```/)?.[1]?.split('\n')).toHaveLength(2);
    expect(answer).not.toContain('HINT-ONE');
  });

  it('reads as a sentence for every function it knows', () => {
    for (const entry of LOOKUPS) {
      expect(lookupAnswer(entry), entry.name).toMatch(/^Use `[^`]+`: it [a-z]+s\b/);
    }
  });

  it('leaves a question with a second part to the graduated answer', () => {
    const answer = composeAnswer(
      material({
        question: 'How do I transpose a matrix and why does my Lagrange interpolation oscillate?',
      }),
      1,
    );
    expect(answer).not.toMatch(/^Use `/);
  });

  it("keeps graduated hints for the student's own code and errors", () => {
    const answer = composeAnswer(
      material({ question: 'How do I compute the mean in my code? It fails.', exercise }),
      1,
    );
    expect(answer).not.toMatch(/^Use `/);
  });

  it('never ends two replies in a row with the same sentence', () => {
    const history: { role: 'user' | 'assistant'; content: string }[] = [];
    let previous = '';
    for (const level of [1, 2, 3, 3, 4] as HintLevel[]) {
      const answer = composeAnswer(material({ question: 'more', exercise }), level, history);
      const last = answer.trim().split('\n').at(-1)!;
      expect(last).not.toBe(previous);
      previous = last;
      history.push({ role: 'user', content: 'more' }, { role: 'assistant', content: answer });
    }
  });
});

describe('offline tutor: explanations and examples asked for', () => {
  it('states the broadcasting rule when asked what broadcasting is', () => {
    const answer = composeAnswer(material({ question: 'What is broadcasting?' }), 1);
    expect(answer).toMatch(/compares them from the last axis: sizes must be equal or 1/);
  });

  it('gives the example asked for, as code', () => {
    const answer = composeAnswer(
      material({ question: 'Explain linear interpolation with a small example' }),
      1,
    );
    expect(hasCodeBlock(answer)).toBe(true);
    expect(answer).not.toMatch(/\.\.\.|___/);
  });

  it("keeps graduated hints for a question about the student's own code", () => {
    const answer = composeAnswer(
      material({ question: 'What is wrong with my broadcasting code?' }),
      1,
    );
    expect(answer).not.toMatch(/compares them from the last axis/);
  });
});

describe('offline tutor: while Python is down', () => {
  it('never asks the student to run code', () => {
    for (const level of LEVELS) {
      const answer = composeAnswer(
        material({ question: 'more', exercise, pythonDown: true }),
        level,
      );
      const closing = answer.trim().split('\n').at(-1)!;
      expect(closing).toMatch(/Python/);
      expect(closing).not.toMatch(/\b(give it a go|try that first)\b/i);
    }
    const first = composeAnswer(
      material({
        question: 'Why does my code fail?',
        exercise,
        pythonDown: true,
        checks: { state: 'not_tried', lastMessage: null, runs: 0, ranSinceLastHint: true },
      }),
      1,
    );
    expect(first).toMatch(/Python is not running in your notebook/);
  });
});
