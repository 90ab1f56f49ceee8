// Lookups: "which function…", "how do I compute … with numpy?". The offline tutor answers them
// directly, with the function and a two-line example; graduated hints are for exercises and the
// student's own problems.

export interface LookupEntry {
  /** Matches the thing asked for in the question (lower case). */
  asks: RegExp;
  name: string;
  what: string;
  example: string;
}

export const LOOKUPS: LookupEntry[] = [
  {
    asks: /linear system|ax ?= ?b|solve .*(system|equations)/,
    name: 'np.linalg.solve',
    what: 'solves the linear system M x = rhs for a square, invertible M (no explicit inverse needed)',
    example:
      'M = np.array([[3.0, 1.0], [1.0, 2.0]])\nsol = np.linalg.solve(M, np.array([9.0, 8.0]))  # array([2., 3.])',
  },
  {
    asks: /eigen ?(value|vector)/,
    name: 'np.linalg.eig',
    what: 'returns the eigenvalues and the eigenvectors (as columns); for a symmetric matrix use `np.linalg.eigh`, which sorts the eigenvalues ascending',
    example:
      'S = np.array([[2.0, 1.0], [1.0, 2.0]])\nvals, vecs = np.linalg.eigh(S)  # vals: array([1., 3.])',
  },
  {
    asks: /evenly spaced|equally spaced|linspace/,
    name: 'np.linspace',
    what: 'gives `num` evenly spaced values from start to stop, both included',
    example: 'grid = np.linspace(0.0, 2.0, 5)\n# array([0. , 0.5, 1. , 1.5, 2. ])',
  },
  {
    asks: /determinant/,
    name: 'np.linalg.det',
    what: 'computes the determinant of a square matrix (in floating point: expect tiny round-off)',
    example: 'M = np.array([[2.0, 1.0], [1.0, 3.0]])\nnp.linalg.det(M)  # 5.000000000000001',
  },
  {
    asks: /\bnorm\b|length of a vector|magnitude/,
    name: 'np.linalg.norm',
    what: 'computes the Euclidean length of a vector by default (`ord=` for other norms, `axis=` per row or column)',
    example: 'w = np.array([3.0, 4.0])\nnp.linalg.norm(w)  # 5.0',
  },
  {
    asks: /fit .*polynomial|polynomial .*fit|least.squares fit|curve fit/,
    name: 'np.polyfit',
    what: 'fits a polynomial of a given degree in the least-squares sense and returns its coefficients, highest power first (`np.polyval` evaluates them)',
    example: 'coeffs = np.polyfit([0, 1, 2, 3], [1, 3, 7, 13], 2)\nnp.polyval(coeffs, 4.0)  # 21.0',
  },
  {
    asks: /\binverse\b|\binvert\b/,
    name: 'np.linalg.inv',
    what: 'computes the inverse of a square matrix; to solve a system prefer `np.linalg.solve`, which is faster and more accurate',
    example:
      'M = np.array([[2.0, 0.0], [0.0, 4.0]])\nnp.linalg.inv(M)  # array([[0.5 , 0.  ], [0.  , 0.25]])',
  },
  {
    asks: /index of the (largest|biggest|maximum|max)|argmax|where the max/,
    name: 'np.argmax',
    what: 'returns the index of the largest value (the first one on ties; `axis=` per row or column)',
    example: 'vals = np.array([4, 9, 2])\nnp.argmax(vals)  # 1',
  },
  {
    asks: /index of the (smallest|minimum|min)|argmin/,
    name: 'np.argmin',
    what: 'returns the index of the smallest value',
    example: 'vals = np.array([4, 9, 2])\nnp.argmin(vals)  # 2',
  },
  {
    asks: /compar\w* floats?|tolerance|almost equal|isclose|allclose/,
    name: 'np.isclose',
    what: 'compares floats with a tolerance, element by element (`np.allclose` answers for a whole array at once)',
    example: 'np.isclose(0.1 + 0.2, 0.3)  # True\n0.1 + 0.2 == 0.3            # False',
  },
  {
    asks: /stack|concatenat|join two arrays|combine arrays/,
    name: 'np.vstack',
    what: 'stacks arrays on top of each other (`np.hstack` side by side, `np.concatenate` along any axis)',
    example:
      'top, bottom = np.array([1, 2]), np.array([3, 4])\nnp.vstack([top, bottom])  # array([[1, 2], [3, 4]])',
  },
  {
    asks: /transpose/,
    name: '.T',
    what: 'gives the transpose of an array (or use `np.transpose`); it is a view, no copy',
    example: 'M = np.array([[1, 2, 3], [4, 5, 6]])\nM.T.shape  # (3, 2)',
  },
  {
    asks: /dot product|inner product/,
    name: 'np.dot',
    what: 'computes the dot product of two vectors; the `@` operator does the same',
    example:
      'p, q = np.array([1.0, 2.0]), np.array([3.0, 4.0])\np @ q  # 11.0, same as np.dot(p, q)',
  },
  {
    asks: /matrix (multiplication|product)|multiply (two )?matri/,
    name: '@',
    what: 'multiplies matrices (as `np.matmul` does); `*` multiplies element by element',
    example: 'P = np.array([[1, 2], [3, 4]])\nP @ P  # array([[ 7, 10], [15, 22]])',
  },
  {
    asks: /reshape|change the shape/,
    name: 'reshape',
    what: 'gives the same data a new shape with `.reshape` (one dimension may be -1: computed for you)',
    example: 'a = np.arange(6)\na.reshape(2, 3)  # array([[0, 1, 2], [3, 4, 5]])',
  },
  {
    asks: /condition number/,
    name: 'np.linalg.cond',
    what: 'computes the condition number of a matrix: large values mean small input errors grow a lot in the solution',
    example: 'M = np.array([[1.0, 1.0], [1.0, 1.0001]])\nnp.linalg.cond(M)  # about 4e4',
  },
  {
    asks: /\bsvd\b|singular value/,
    name: 'np.linalg.svd',
    what: 'computes the singular value decomposition M = U Σ Vᵀ; the singular values come sorted, largest first',
    example:
      'M = np.array([[3.0, 0.0], [0.0, 1.0]])\nnp.linalg.svd(M, compute_uv=False)  # array([3., 1.])',
  },
  {
    asks: /interpolat/,
    name: 'np.interp',
    what: 'interpolates linearly between given points (x values increasing); polynomial interpolation is `np.polyfit` with degree n-1',
    example: 'np.interp(1.5, [1.0, 2.0], [10.0, 20.0])  # 15.0',
  },
  {
    asks: /identity matrix/,
    name: 'np.eye',
    what: 'builds an identity matrix (ones on the diagonal)',
    example: 'np.eye(3)\n# 3x3 with ones on the diagonal',
  },
  {
    asks: /array of zeros|zeros array|fill .*zeros/,
    name: 'np.zeros',
    what: 'builds an array of zeros of a given shape (a tuple for 2-D)',
    example: 'np.zeros((2, 3))\n# array([[0., 0., 0.], [0., 0., 0.]])',
  },
  {
    asks: /\bmean\b|\baverage\b/,
    name: 'np.mean',
    what: 'averages all values, or along an axis with `axis=`',
    example: 'T = np.array([[1, 2], [3, 4]])\nT.mean(axis=0)  # array([2., 3.])',
  },
  {
    asks: /\bsort\b/,
    name: 'np.sort',
    what: 'returns a sorted copy (`np.argsort` gives the order instead)',
    example: 'np.sort(np.array([3, 1, 2]))  # array([1, 2, 3])',
  },
];

const ASKS_FOR_A_FUNCTION =
  /\b(which|what)( numpy| np)? (function|method|command|attribute)\b|\bwhat is the (numpy |np )?(function|method)\b|\bhow (do|can|would) (i|you|we) (compute|calculate|get|find|make|create|build|stack|fit|solve|transpose|compare|reshape|sort|invert|multiply)\b/i;
const ABOUT_OWN_WORK =
  /\bmy (code|solution|exercise|answer|attempt)\b|\berror\b|\bfails?\b|\bwrong\b/i;
/** "How do I transpose a matrix and why does my interpolation oscillate?": more than a lookup. */
const SECOND_QUESTION = /\b(and|but|also)\s+(why|how|what|which|when)\b/i;

/** The function a lookup question asks for, or null when it is not a lookup. */
export function lookupOf(question: string): LookupEntry | null {
  if (!ASKS_FOR_A_FUNCTION.test(question) || ABOUT_OWN_WORK.test(question)) return null;
  if (SECOND_QUESTION.test(question)) return null;
  const lower = question.toLowerCase();
  return LOOKUPS.find((entry) => entry.asks.test(lower)) ?? null;
}

/** The direct answer to a lookup: the function, what it does, a two-line example. */
export function lookupAnswer(entry: LookupEntry): string {
  return [
    `Use \`${entry.name}\`: it ${entry.what}.`,
    `\`\`\`python\n${entry.example}\n\`\`\``,
  ].join('\n\n');
}
