import type { TutorMaterial } from '../types';
import type { HintLevel } from '../../pedagogy/types';

// The offline tutor's answer when no error, exercise or concept note matches: honest about what
// it is, still useful as a method for the level.

const TOPICS =
  "NumPy arrays (creating, indexing, slicing, broadcasting), matrix multiplication, determinants, eigenvalues, linear systems, the condition number, Lagrange and Newton interpolation, `polyfit`, Runge's phenomenon, Chebyshev nodes, floating-point comparison, vectorisation, and the common Python errors (NameError, TypeError, IndexError, KeyError, AttributeError, ValueError, LinAlgError, ZeroDivisionError, SyntaxError, IndentationError, ModuleNotFoundError)";

const HONEST =
  "I'm the built-in offline tutor: I answer from notes written in advance rather than with a language model, and none of my notes matches this question closely.";

export function genericAnswer(material: TutorMaterial, level: HintLevel, simple: boolean): string {
  const name = material.studentName ? `, ${material.studentName}` : '';
  switch (level) {
    case 1:
      return [
        HONEST,
        `Let's still make progress${name}. Think about these questions:`,
        [
          '1. What exactly should the result be? Can you describe it for a tiny example you could check by hand?',
          '2. What are the inputs, and what form (number, list, array, matrix) do they have?',
          '3. Which part is unclear: the mathematics, or how to express it in Python?',
          '4. If there is an error message, what does its last line say?',
        ].join('\n'),
        `If you paste the error message or the line of code, or name the topic, I can help more precisely. I have notes on ${TOPICS}.`,
      ].join('\n\n');
    case 2:
      return [
        HONEST,
        'The idea that helps with most problems in numerical computing: separate **what** you compute (the mathematics: inputs, outputs, the formula or property the result must satisfy) from **how** you compute it (the data structures and functions). Once the what is written down for a small case, the how is usually a short translation into NumPy.',
        simple
          ? 'In everyday terms: first decide what the finished dish should taste like, then pick the recipe.'
          : '',
        `Which of the two is the difficulty here? I have notes on ${TOPICS}.`,
      ]
        .filter((part) => part !== '')
        .join('\n\n');
    case 3:
      return [
        HONEST,
        'A structure that works for most exercises:',
        [
          '1. Write down the inputs and the expected output for a small example, worked by hand.',
          '2. Split the task into steps of one operation each (create the data, transform it, reduce it, check it).',
          '3. For each step, find the NumPy function that does it (the documentation search for the verb helps: "solve", "interpolate", "sum").',
          '4. Run each step on the small example and print intermediate shapes and values.',
          '5. Compare the final result with your hand calculation, with a tolerance for floats.',
        ].join('\n'),
      ].join('\n\n');
    case 4:
      return [
        HONEST,
        'Here is a skeleton that follows the usual structure. Replace the `___` parts with your task:',
        '```python\nimport numpy as np\n\ndef solve_task(data):\n    """Describe in one sentence what this returns."""\n    values = np.asarray(data, dtype=float)\n    result = ___            # the one operation at the heart of the task\n    return result\n\nsmall = ___                  # a tiny input you can check by hand\nexpected = ___               # its result, worked out on paper\nprint(np.allclose(solve_task(small), expected))\n```',
        'Start with the small example; only when it prints `True` run it on the real data.',
      ].join('\n\n');
    case 5:
      return [
        HONEST,
        "So I can't write a reliable complete solution for this specific question. Here is the complete method instead, which you can apply line by line:",
        '```python\nimport numpy as np\n\n# 1. inputs as arrays, with their shapes checked\nx = np.asarray([1.0, 2.0, 3.0])\nprint(x.shape, x.dtype)\n\n# 2. the computation, one step per line, printing intermediate results\ny = x**2\nprint(y)\n\n# 3. a check against a case you know by hand\nassert np.allclose(y, [1.0, 4.0, 9.0])\n```',
        '### Pitfalls\n\n- Comparing floats with `==` instead of `np.isclose`.\n- Confusing `*` (element-wise) with `@` (matrix product).\n- Shapes that broadcast silently into something unintended: print them.',
        `### Variations\n\nIf you name the topic or paste your code and the error, I can give a specific answer. I have notes on ${TOPICS}.`,
      ].join('\n\n');
  }
}
