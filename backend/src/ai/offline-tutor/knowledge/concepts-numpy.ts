import type { KnowledgeEntry } from './types';

// Module 1: NumPy arrays, plus the general notes on floats and vectorisation.

export const ARRAY_CREATION: KnowledgeEntry = {
  id: 'array-creation',
  title: 'Creating NumPy arrays',
  keywords: [
    'create array',
    'np.array',
    'np.zeros',
    'np.ones',
    'arange',
    'linspace',
    'zeros',
    'ones',
    'np.eye',
    'identity',
    'dtype',
    'evenly spaced',
    'make an array',
  ],
  questions: [
    'Do you know the values themselves, only the shape, or a start, end and spacing?',
    'Should the end point be included? How many points do you want?',
    'Do you need integers or floating-point numbers?',
  ],
  concept:
    'An **ndarray** is a grid of values of one type (`dtype`) with a **shape** such as $(3, 4)$. You can build one from a Python list, by shape (all zeros, all ones, the identity $I$), or from a range: `arange` takes a *step* and stops before the end (half-open $[a, b)$), `linspace` takes a *number of points* and includes both ends, with spacing $h = (b - a)/(n - 1)$.',
  analogy:
    'Choosing between "count from 0 in steps of 2" (arange) and "put 5 fence posts evenly between here and there" (linspace).',
  steps: [
    'From existing values: `np.array(list_of_values)`.',
    'By shape: `np.zeros(shape)`, `np.ones(shape)`, `np.full(shape, value)`, `np.eye(n)`; the shape is one tuple.',
    'By step: `np.arange(start, stop, step)`, remembering that `stop` is excluded.',
    'By number of points: `np.linspace(start, stop, num)`, end included.',
    'Check the result with `.shape` and `.dtype`.',
  ],
  example: {
    intro: 'Fill in the gaps:',
    code: 'import numpy as np\n\nA = np.zeros((___, ___))        # a 2x3 array of zeros\nodd = np.arange(1, ___, 2)      # 1, 3, 5, 7, 9\nt = np.linspace(0, 1, ___)      # 0, 0.25, 0.5, 0.75, 1\nprint(A.shape, odd, t)',
  },
  solution: {
    intro: 'The common ways to create arrays:',
    code: 'import numpy as np\n\nv = np.array([1.0, 2.0, 3.0])     # from a list\nA = np.zeros((2, 3))              # shape as a tuple\nI = np.eye(3)                     # 3x3 identity\nodd = np.arange(1, 10, 2)         # [1 3 5 7 9]  (10 excluded)\nt = np.linspace(0, 1, 5)          # [0. 0.25 0.5 0.75 1.]\nprint(v.dtype, A.shape, I, odd, t, sep="\\n")',
    explanation:
      '`arange` is best for integer steps; `linspace` for a number of points between fixed ends, because a float step in `arange` can give one point more or less than expected.',
  },
  pitfalls: [
    '`np.zeros(2, 3)` passes 3 as the dtype; write `np.zeros((2, 3))`.',
    '`np.arange(0, 1, 0.1)` may or may not include values near 1 due to rounding.',
    '`np.array([1, 2])` is an integer array: `a[0] = 0.5` stores 0.',
  ],
  variations: [
    '`np.zeros_like(a)`, `np.ones_like(a)` copy a shape.',
    '`np.random.default_rng(0).random((2, 3))` for random arrays.',
  ],
};

export const INDEXING_SLICING: KnowledgeEntry = {
  id: 'indexing-slicing',
  title: 'Indexing and slicing arrays',
  keywords: [
    'index',
    'indexing',
    'slice',
    'slicing',
    'row',
    'column',
    'submatrix',
    'last element',
    'every second',
    'step',
    'boolean mask',
    'mask',
    'reverse',
  ],
  questions: [
    'If the first element has index 0, what index does the element you want have?',
    'For a 2-D array, which part of `[row, column]` should be a single index and which a range?',
    'What would a negative index or a negative step do?',
  ],
  concept:
    'Indices start at 0; negative indices count from the end ($-1$ is the last). A **slice** `start:stop:step` takes elements from `start` up to but **not including** `stop`. For a 2-D array `A[i, j]` selects row $i$, column $j$; `A[i, :]` is a whole row, `A[:, j]` a whole column. Slices of NumPy arrays are **views** (changing them changes the original), whereas a boolean mask such as `A[A > 0]` makes a copy.',
  analogy: 'A slice is like the page range "from page 3 up to, but not including, page 7".',
  steps: [
    'Write down the indices you need, counting from 0.',
    'Use one index for a single position, `start:stop` for a range, `::step` to skip, `::-1` to reverse.',
    'For 2-D, separate the row part and the column part with a comma.',
    'Use `.copy()` if you will modify the selection without touching the original.',
  ],
  example: {
    intro: 'On a 4x4 array, complete the selections:',
    code: 'import numpy as np\n\nA = np.arange(16).reshape(4, 4)\nsecond_row = A[___, :]\nlast_col = A[:, ___]\ninner = A[1:___, 1:___]      # the 2x2 centre\nprint(second_row, last_col, inner, sep="\\n")',
  },
  solution: {
    intro: 'Indexing and slicing in one place:',
    code: 'import numpy as np\n\nA = np.arange(16).reshape(4, 4)\nprint(A[1, :])        # second row\nprint(A[:, -1])       # last column\nprint(A[1:3, 1:3])    # centre block (stop excluded)\nprint(A[::3, ::3])    # the four corners, step 3\nprint(A[::-1])        # rows reversed\nprint(A[A % 2 == 0])  # boolean mask: even entries (a copy)',
    explanation:
      'Stops are excluded, so `1:3` takes indices 1 and 2. A step of 3 on a length-4 axis takes indices 0 and 3, the corners.',
  },
  pitfalls: [
    '`A[1][2]` works but `A[1, 2]` is the NumPy way and also works with slices.',
    'Modifying a slice modifies the original array.',
    'A single index drops an axis: `A[1, :]` is 1-D, `A[1:2, :]` stays 2-D.',
  ],
  variations: [
    'Fancy indexing with a list: `A[[0, 2], :]`.',
    '`np.where(cond)` returns the indices where a condition holds.',
  ],
};

export const BROADCASTING: KnowledgeEntry = {
  id: 'broadcasting',
  title: 'Broadcasting and element-wise operations',
  keywords: [
    'broadcast',
    'broadcasting',
    'element-wise',
    'elementwise',
    'add a vector to each row',
    'scalar',
    'array arithmetic',
    'axis',
    'sum along',
    'mean along',
    'np.sum',
    'np.mean',
  ],
  questions: [
    'What are the shapes of the two arrays you combine?',
    'Aligned from the right, which axes are equal and which have size 1?',
    'Along which axis should a sum or mean collapse the array?',
  ],
  concept:
    'Arithmetic on arrays is **element-wise**: `a + b`, `a * b`, `np.sin(a)` act on each element. When shapes differ, **broadcasting** compares them from the last axis: sizes must be equal or 1, and size-1 axes are stretched. A scalar broadcasts to anything. Reductions like `sum` and `mean` take an `axis`: `axis=0` collapses the rows (one result per column), `axis=1` collapses the columns (one per row).',
  steps: [
    'Print both shapes and align them on the right.',
    'Reshape the smaller array (`[:, np.newaxis]` or `reshape`) so that the axis to stretch has size 1.',
    'Pick the `axis` of a reduction by asking which dimension should disappear.',
    'Check the result shape before using it.',
  ],
  example: {
    intro: 'Normalise each column of a data matrix to mean 0:',
    code: 'import numpy as np\n\nX = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 30.0]])   # shape (3, 2)\ncol_means = X.mean(axis=___)                          # one per column\nZ = X - col_means\nprint(col_means.shape, Z)',
  },
  solution: {
    intro: 'Broadcasting along rows and along columns:',
    code: 'import numpy as np\n\nX = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 30.0]])   # (3, 2)\ncol_means = X.mean(axis=0)           # (2,): broadcasts across rows\nZ = X - col_means\nrow_sums = X.sum(axis=1)             # (3,)\nshare = X / row_sums[:, np.newaxis]  # (3, 2) / (3, 1)\nprint(Z, share, sep="\\n")',
    explanation:
      '`(3, 2) - (2,)` works because the trailing sizes match. Dividing by the row sums needs them as a column `(3, 1)`, otherwise NumPy would try to align 3 with 2 and fail.',
  },
  pitfalls: [
    '`(n,)` and `(n, 1)` broadcast to an $n \\times n$ matrix, often by accident.',
    '`axis=0` means "down the rows", which many find backwards at first.',
  ],
  variations: [
    '`keepdims=True` keeps reduced axes for easy broadcasting.',
    '`np.outer(a, b)` is `a[:, None] * b[None, :]`.',
  ],
};

export const FLOAT_COMPARISON: KnowledgeEntry = {
  id: 'float-comparison',
  title: 'Comparing floating-point numbers',
  keywords: [
    '0.1 + 0.2',
    '0.1+0.2',
    'floating point',
    'float',
    'rounding error',
    'precision',
    'isclose',
    'allclose',
    'machine epsilon',
    'epsilon',
    'not equal',
    '== false',
    'exactly equal',
    'round-off',
    'roundoff',
  ],
  questions: [
    'Can 0.1 be written exactly as a finite binary fraction, the way 1/3 cannot be written exactly in decimal?',
    'If two results differ by $10^{-17}$, should your program treat them as equal?',
    'How large a difference would be meaningful for your problem?',
  ],
  concept:
    'Floats are stored in binary with about 16 significant decimal digits (double precision, machine epsilon $\\varepsilon \\approx 2.2 \\times 10^{-16}$). Most decimals, like $0.1$, have no exact binary form, so each operation rounds: `0.1 + 0.2` gives `0.30000000000000004`. So never test floats with `==`; compare with a **tolerance**: $|a - b| \\le \\text{atol} + \\text{rtol} \\cdot |b|$.',
  analogy:
    'Like measuring with a ruler marked in millimetres: two lengths that are "the same" may read 100 mm and 101 mm; you decide they match within a tolerance.',
  steps: [
    'Replace `a == b` with `math.isclose(a, b)` for numbers or `np.isclose` / `np.allclose` for arrays.',
    'Choose tolerances: a relative tolerance for large values, an absolute one for values near 0.',
    'Avoid subtracting nearly equal numbers when you can rearrange the formula.',
  ],
  example: {
    intro: 'Fix the comparison:',
    code: 'import math\n\nx = 0.1 + 0.2\nprint(x == 0.3)                # False\nprint(math.___(x, 0.3))        # should print True\nprint(abs(x - 0.3) < ___)',
  },
  solution: {
    intro: 'Compare with a tolerance:',
    code: 'import math\nimport numpy as np\n\nx = 0.1 + 0.2\nprint(x == 0.3)                          # False\nprint(math.isclose(x, 0.3))              # True (rel_tol=1e-9)\nprint(np.isclose(x, 0.3, atol=1e-12))    # True\nprint(np.allclose([x, 1.0], [0.3, 1.0])) # True\nprint(np.finfo(float).eps)               # 2.220446049250313e-16',
    explanation:
      'The exact binary sums differ from 0.3 in the 17th digit. `isclose` checks the difference relative to the size of the numbers, which is what "equal up to rounding" means.',
  },
  pitfalls: [
    '`math.isclose(x, 0)` needs `abs_tol`, since a relative tolerance of 0 is 0.',
    'Loop counters stepping by 0.1 drift; loop over integers and compute `i * 0.1`.',
  ],
  variations: [
    '`fractions.Fraction` or `decimal.Decimal` for exact decimal arithmetic.',
    '`np.testing.assert_allclose` in tests.',
  ],
};

export const VECTORISATION: KnowledgeEntry = {
  id: 'vectorisation',
  title: 'Loops versus vectorisation',
  keywords: [
    'vectorise',
    'vectorize',
    'vectorised',
    'vectorized',
    'for loop',
    'loop',
    'faster',
    'slow',
    'speed up',
    'performance',
    'without a loop',
    'avoid loop',
    'efficient',
  ],
  questions: [
    'What does your loop do to each element? Can that be written as one operation on the whole array?',
    'Does each iteration depend on the result of the previous one?',
    'How many elements are there? Is the loop actually the slow part?',
  ],
  concept:
    'A Python loop executes interpreter bytecode for every element; a NumPy operation on a whole array runs one compiled loop in C. For $10^6$ elements this is often 50–100× faster. **Vectorising** means expressing the computation as whole-array operations: arithmetic, `np.sum`, comparisons and masks, `np.where`, `np.cumsum`. Loops whose iterations depend on earlier ones (a recurrence $x_{k+1} = g(x_k)$) often cannot be vectorised directly.',
  steps: [
    'Write the loop body as a formula in terms of the whole array.',
    'Replace accumulations with reductions (`sum`, `prod`, `max`), conditions with masks or `np.where`.',
    'Check the vectorised result equals the loop result with `np.allclose`.',
    'Measure both with `%timeit`.',
  ],
  example: {
    intro: 'Turn the loop into one line:',
    code: 'import numpy as np\n\nx = np.linspace(0, 1, 1_000_000)\ntotal = 0.0\nfor v in x:\n    total += v**2\nvectorised = ___              # one NumPy expression\nprint(np.isclose(total, vectorised))',
  },
  solution: {
    intro: 'The loop and its vectorised form:',
    code: 'import numpy as np\n\nx = np.linspace(0, 1, 1_000_000)\n\ndef with_loop(x):\n    total = 0.0\n    for v in x:\n        total += v**2\n    return total\n\nvectorised = np.sum(x**2)        # or x @ x\nprint(np.isclose(with_loop(x), vectorised))\n# %timeit with_loop(x)   -> hundreds of ms\n# %timeit np.sum(x**2)   -> a few ms',
    explanation:
      '`x**2` squares every element in compiled code, and `np.sum` adds them in compiled code, so no Python-level iteration is left.',
  },
  pitfalls: [
    'Building arrays by `append` in a loop is slow; preallocate or vectorise.',
    'Vectorising can create large temporaries; watch memory for huge arrays.',
  ],
  variations: [
    '`np.cumsum`, `np.diff` replace many running-total loops.',
    '`np.vectorize` is a convenience, not a speed-up.',
  ],
};
