import type { ErrorEntry } from './types';

// Errors about shapes and values, singular matrices and division by zero.

export const BROADCAST_ERROR: ErrorEntry = {
  id: 'broadcast-error',
  title: 'ValueError: shapes do not match',
  detect:
    /ValueError:\s*(?:operands could not be broadcast together with shapes\s*(?<shapes>[^\n]+)|shapes\s*(?<aligned>\([^)]*\)\s*and\s*\([^)]*\))\s*not aligned[^\n]*|matmul:[^\n]*|(?:cannot reshape|could not broadcast)[^\n]*)/,
  defaults: { shapes: 'the two shapes', aligned: 'the two shapes' },
  keywords: [
    'could not be broadcast',
    'broadcast',
    'broadcasting',
    'shape mismatch',
    'not aligned',
    'cannot reshape',
    'shapes',
  ],
  questions: [
    'What are the shapes involved ({shapes})? Write them one above the other, aligned on the right.',
    'Going from the last dimension backwards, are the sizes equal, or is one of them 1?',
    'Did you mean an element-by-element operation, or a matrix product?',
    'Which array has a shape you did not expect, and where was it created?',
  ],
  concept:
    'NumPy combines arrays of different shapes by **broadcasting**: it compares the shapes from the last axis backwards, and two sizes are compatible when they are **equal or one of them is 1** (a missing axis counts as 1). The size-1 axis is stretched to match. Shapes $(3, 1)$ and $(4,)$ broadcast to $(3, 4)$; shapes $(3,)$ and $(4,)$ cannot, because $3 \\neq 4$ and neither is 1. A matrix product $AB$ has its own rule: $A$ is $m \\times n$, $B$ must be $n \\times p$, giving $m \\times p$.',
  analogy:
    'Think of pairing up two rows of chairs: it works if both rows are the same length, or if one row is a single chair that can be copied along the other.',
  steps: [
    'Print `a.shape` and `b.shape` just before the failing line.',
    'Align them on the right and check each axis: equal, or one of them 1.',
    'Decide what you meant: element-wise (`*`, `+`) needs broadcastable shapes; a matrix product (`@`) needs inner sizes to agree.',
    'Fix the shape where the array is created, or add an axis with `reshape` / `np.newaxis`, or transpose with `.T`.',
  ],
  example: {
    intro: "A similar case: subtracting each row's mean from a 3×4 array.",
    code: 'import numpy as np\n\nA = np.arange(12.0).reshape(3, 4)\nrow_means = A.mean(axis=1)        # shape (3,)\n# A - row_means fails: (3, 4) and (3,)\ncentred = A - row_means.reshape(___, ___)\nprint(centred.shape)',
    after: 'Which shape makes the means line up with the rows? Check it against the rule above.',
  },
  solution: {
    intro: 'Give the smaller array a size-1 axis where it must be stretched:',
    code: 'import numpy as np\n\nA = np.arange(12.0).reshape(3, 4)\nrow_means = A.mean(axis=1)              # (3,)\ncentred = A - row_means[:, np.newaxis]  # (3, 4) - (3, 1) -> (3, 4)\nprint(centred.shape)\n\n# Matrix product: inner sizes must agree\nB = np.ones((4, 2))\nprint((A @ B).shape)                    # (3, 4) @ (4, 2) -> (3, 2)',
    explanation:
      'In your error the shapes were {shapes}. Aligned on the right, at least one axis differs without being 1. Adding an axis with `[:, np.newaxis]` (or `reshape(-1, 1)`) turns a length-3 vector into a 3×1 column that broadcasts across the 4 columns.',
  },
  pitfalls: [
    'A 1-D array of shape `(n,)` is neither a row nor a column; reshape it explicitly.',
    'Broadcasting can succeed silently with the wrong meaning: `(3,1) - (3,)` gives a 3×3 result.',
    'Off-by-one lengths (for example from `np.arange` stopping early) cause mismatches further down.',
  ],
  variations: [
    '`A.mean(axis=1, keepdims=True)` keeps the axis so the result broadcasts directly.',
    '`np.broadcast_shapes(s1, s2)` tells you the result shape or raises.',
  ],
};

export const VALUE_ERROR: ErrorEntry = {
  id: 'value-error',
  title: 'ValueError',
  detect: /ValueError(?::\s*(?<detail>[^\n]+))?/,
  defaults: { detail: 'a function received a value it cannot use' },
  keywords: ['valueerror', 'invalid literal', 'truth value of an array', 'ambiguous'],
  questions: [
    'The message says "{detail}". Which argument does it complain about?',
    'The type is right, but is the *value* sensible for this function (for example text that is not a number, or an array where a single True/False is needed)?',
    'What does the value look like if you print it just before the failing line?',
  ],
  concept:
    'A **ValueError** means the argument has an acceptable type but an unacceptable value: `int("3.5")` gets a string, but not one that spells an integer; `if array > 0:` asks for one truth value from many ("the truth value of an array is ambiguous"); `math.sqrt(-1)` is outside the domain. The fix is to look at the actual value, not its type.',
  steps: [
    'Print the value passed to the failing call.',
    "Read the function's documentation for the values it accepts.",
    'For arrays in conditions, decide whether you mean "any element" or "all elements" (`.any()` / `.all()`), or use `np.where` for element-wise choices.',
    'Clean or convert the input (for example `float()` before `int()`).',
  ],
  example: {
    intro: 'A similar case: an `if` on an array.',
    code: 'import numpy as np\n\nx = np.array([-1.0, 2.0, 3.0])\nif (x > 0).___():\n    print("all positive")\nclipped = np.where(x > 0, x, ___)',
  },
  solution: {
    intro: 'Say precisely what you mean for each value:',
    code: 'import numpy as np\n\nx = np.array([-1.0, 2.0, 3.0])\nif (x > 0).all():\n    print("all positive")\nelse:\n    print("some are not positive")\nclipped = np.where(x > 0, x, 0.0)   # element-wise choice\nprint(clipped)\n\nprint(int(float("3.5")))             # 3',
    explanation:
      'Your message: "{detail}". Print the offending value; then either convert it, reduce the array to one truth value, or use an element-wise function.',
  },
  pitfalls: [
    '`and` / `or` on arrays raise the same "ambiguous" error; use `&` / `|` with parentheses.',
    '`int("3.5")` fails; convert to float first.',
  ],
  variations: [
    '`np.clip(x, 0, None)` for bounds.',
    'Validate inputs at the top of a function and raise your own clear ValueError.',
  ],
};

export const SINGULAR_MATRIX: ErrorEntry = {
  id: 'singular-matrix',
  title: 'LinAlgError: Singular matrix',
  detect: /LinAlgError(?::\s*(?<detail>[^\n]+))?|singular matrix/i,
  defaults: { detail: 'Singular matrix' },
  keywords: ['linalgerror', 'singular matrix', 'singular', 'not invertible', 'no inverse'],
  questions: [
    'What is the determinant of your matrix? What would a determinant of zero tell you?',
    'Is one row (or column) a multiple or a combination of the others?',
    'How many solutions can a system with such a matrix have?',
    'Did you build the matrix as intended, or could a typo have repeated a row?',
  ],
  concept:
    'A square matrix $A$ is **singular** when it has no inverse: $\\det A = 0$, its columns are linearly dependent, and $A\\mathbf{x} = \\mathbf{b}$ has either no solution or infinitely many. `np.linalg.solve` and `np.linalg.inv` then raise **LinAlgError: Singular matrix**. Geometrically, $A$ squashes space onto a lower dimension, so the squashing cannot be undone. Nearly singular matrices (huge condition number $\\kappa(A)$) are solvable in principle but the answer is unreliable.',
  analogy:
    'Two equations that say the same thing twice ("x + y = 2" and "2x + 2y = 4") cannot pin down two unknowns.',
  steps: [
    'Print the matrix and compute `np.linalg.det(A)` and `np.linalg.matrix_rank(A)`.',
    'Look for a row or column that is a combination of others.',
    'If the matrix is wrong, fix how it is built. If it is genuinely singular, the problem has no unique solution.',
    'For a least-squares answer use `np.linalg.lstsq`; check the conditioning with `np.linalg.cond`.',
  ],
  example: {
    intro: 'A similar check before solving:',
    code: 'import numpy as np\n\nA = np.array([[1.0, 2.0], [2.0, 4.0]])\nb = np.array([3.0, 6.0])\nprint(np.linalg.matrix_rank(A))   # compare with A.shape[0]\nif ___:\n    x = np.linalg.solve(A, b)\nelse:\n    x, *_ = np.linalg.___(A, b, rcond=None)',
  },
  solution: {
    intro: 'Detect singularity and choose the right tool:',
    code: 'import numpy as np\n\nA = np.array([[1.0, 2.0], [2.0, 4.0]])   # row 2 = 2 × row 1\nb = np.array([3.0, 6.0])\nrank = np.linalg.matrix_rank(A)\nprint("rank", rank, "det", np.linalg.det(A))\nif rank == A.shape[0]:\n    x = np.linalg.solve(A, b)\nelse:\n    # infinitely many solutions here: take the least-squares, minimum-norm one\n    x, residuals, rank, sv = np.linalg.lstsq(A, b, rcond=None)\nprint(x)                                   # [0.6 1.2]\nprint(np.allclose(A @ x, b))               # True',
    explanation:
      'Rank 1 < 2 means the rows are dependent: the second equation repeats the first, so there is a whole line of solutions. `lstsq` returns the one of smallest norm. If your matrix should be invertible, the construction is wrong: print it and check each row.',
  },
  pitfalls: [
    'Testing `det(A) == 0` exactly: rounding gives values like `1e-17`; use the rank or the condition number.',
    'A tiny determinant does not by itself mean near-singular (scaling matters); `np.linalg.cond` does.',
    'Never compute `inv(A) @ b` to solve a system; `solve` is faster and more accurate.',
  ],
  variations: [
    '`scipy.linalg.lu_factor` to reuse a factorisation.',
    'Regularise with $A + \\lambda I$ when the system comes from data fitting.',
  ],
};

export const ZERO_DIVISION: ErrorEntry = {
  id: 'zero-division',
  title: 'ZeroDivisionError',
  detect: /ZeroDivisionError(?::\s*(?<detail>[^\n]+))?|divide by zero encountered/,
  defaults: { detail: 'division by zero' },
  keywords: ['zerodivisionerror', 'division by zero', 'divide by zero', 'divided by zero'],
  questions: [
    'Which divisor is zero at the moment of the error, and why did it become zero?',
    'Is it a count or a length that can be zero (an empty list, no iterations yet)?',
    'Is it a difference of two nearly equal values, such as $x_i - x_j$ with a repeated node?',
  ],
  concept:
    'Division by zero has no value, so plain Python raises **ZeroDivisionError**. NumPy arrays instead give `inf` or `nan` with a RuntimeWarning ("divide by zero encountered"), and the problem shows up later. In numerical methods a zero divisor usually reveals something: repeated interpolation nodes, a zero derivative in Newton\'s method ($x_{k+1} = x_k - f(x_k)/f\'(x_k)$), or an empty data set.',
  steps: [
    'Print the divisor just before the failing line.',
    'Trace back where it is computed and why it can be zero.',
    'Guard the special case explicitly (an `if`), or fix the input (distinct nodes, non-empty data).',
    'For arrays, use `np.divide(a, b, out=..., where=b != 0)` when zeros are expected.',
  ],
  example: {
    intro: 'A similar guard in an average:',
    code: 'def mean(values):\n    if ___:\n        raise ValueError("mean of an empty list")\n    return sum(values) / len(values)',
  },
  solution: {
    intro: 'Handle the zero case where it can legitimately happen:',
    code: 'import numpy as np\n\ndef mean(values):\n    if len(values) == 0:\n        raise ValueError("mean of an empty list")\n    return sum(values) / len(values)\n\ndef newton_step(f, df, x):\n    slope = df(x)\n    if slope == 0:\n        raise ZeroDivisionError(f"f\'(x) is zero at x = {x}; pick another start")\n    return x - f(x) / slope\n\na = np.array([1.0, 2.0, 3.0])\nb = np.array([1.0, 0.0, 2.0])\nsafe = np.divide(a, b, out=np.zeros_like(a), where=b != 0)\nprint(mean([2, 4]), safe)',
    explanation:
      'Your error ("{detail}") means a divisor was exactly zero. Decide what the zero case means for your problem and handle it before dividing.',
  },
  pitfalls: [
    'Integer arithmetic such as `1 / (n - n)`.',
    'Repeated x-values in interpolation make divided differences divide by zero.',
  ],
  variations: [
    '`np.errstate(divide="raise")` turns NumPy warnings into errors while debugging.',
    '`math.isclose(b, 0)` for values that are only nearly zero.',
  ],
};
