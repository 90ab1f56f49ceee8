import type { KnowledgeEntry } from './types';

// Module 2: linear algebra with NumPy.

export const MATMUL: KnowledgeEntry = {
  id: 'matmul',
  title: 'Matrix multiplication: @ versus *',
  keywords: [
    '@',
    'matmul',
    'matrix multiplication',
    'multiply matrices',
    'matrix product',
    'np.dot',
    'dot product',
    'element-wise product',
    'a * b',
    'a @ b',
    'multiply two matrices',
  ],
  questions: [
    'For two 2×2 matrices, how do you compute the top-left entry of their product by hand?',
    'Is that the same as multiplying the two top-left entries?',
    'For a product $AB$, how must the number of columns of $A$ relate to the rows of $B$?',
  ],
  concept:
    'In NumPy, `*` multiplies **element by element** (the Hadamard product), while `@` is the **matrix product**: $(AB)_{ij} = \\sum_k A_{ik} B_{kj}$, row of $A$ times column of $B$. It needs $A$ of shape $m \\times n$ and $B$ of shape $n \\times p$ and gives $m \\times p$. Matrix multiplication is not commutative: in general $AB \\neq BA$.',
  analogy:
    '`*` pairs up entries in the same seat; `@` combines a whole row with a whole column, like computing a bill from quantities and prices.',
  steps: [
    'Decide whether you need entry-by-entry products (`*`) or the linear-algebra product (`@`).',
    'Check the shapes: inner sizes must match for `@`.',
    'For vectors, `u @ v` is the dot product; `A @ x` applies the matrix to a vector.',
  ],
  example: {
    intro: 'Predict, then check:',
    code: 'import numpy as np\n\nA = np.array([[1, 2], [3, 4]])\nB = np.array([[0, 1], [1, 0]])\nprint(A * B)     # predict first: ___\nprint(A @ B)     # predict first: ___\nprint(B @ A)     # same as A @ B?',
  },
  solution: {
    intro: 'Both products side by side:',
    code: 'import numpy as np\n\nA = np.array([[1, 2], [3, 4]])\nB = np.array([[0, 1], [1, 0]])\nprint(A * B)   # [[0 2] [3 0]]  element-wise\nprint(A @ B)   # [[2 1] [4 3]]  columns of A swapped\nprint(B @ A)   # [[3 4] [1 2]]  rows of A swapped: AB != BA\nx = np.array([1, 1])\nprint(A @ x)   # [3 7]',
    explanation:
      'Multiplying by the permutation matrix $B$ on the right swaps columns, on the left swaps rows, which shows concretely that order matters.',
  },
  pitfalls: [
    '`np.matrix` (deprecated) used `*` for matrix products; plain arrays do not.',
    'For 1-D arrays `@` gives a scalar (dot product), not a matrix.',
  ],
  variations: [
    '`np.dot(A, B)` equals `A @ B` for 2-D arrays.',
    '`np.einsum("ij,jk->ik", A, B)` spells out the sum.',
  ],
};

export const DETERMINANT: KnowledgeEntry = {
  id: 'determinant',
  title: 'Determinants',
  keywords: [
    'determinant',
    'det',
    'np.linalg.det',
    'cofactor',
    'laplace expansion',
    'sarrus',
    '3x3 determinant',
  ],
  questions: [
    'What does the determinant of a matrix tell you about it, for example when it is zero?',
    'For a 2×2 matrix, do you remember the formula $ad - bc$? How could a 3×3 determinant be built from 2×2 ones?',
    'Which part of NumPy deals with linear algebra, and what might the function be called?',
  ],
  concept:
    'The **determinant** $\\det A$ of a square matrix measures how it scales volume: $|\\det A|$ is the factor by which areas (2-D) or volumes (3-D) grow, and its sign says whether orientation flips. $\\det A = 0$ exactly when $A$ is singular (not invertible). For $2\\times2$: $$\\det\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix} = ad - bc.$$ For $3\\times3$, expand along the first row: $\\det A = a_{11}M_{11} - a_{12}M_{12} + a_{13}M_{13}$, where $M_{1j}$ are the $2\\times2$ minors. NumPy computes it through an LU factorisation, in $O(n^3)$ operations.',
  analogy:
    'Draw a unit square, apply the matrix, and measure the area of the parallelogram you get: that area (with a sign) is the determinant.',
  steps: [
    'Build the matrix as a square 2-D NumPy array, for example with `np.array` and one inner list per row.',
    'Call the determinant function in the `np.linalg` module on it.',
    'Interpret: zero (or tiny relative to the entries) means singular; the sign gives orientation.',
    'To check by hand, expand along a row with the cofactor formula and compare.',
  ],
  example: {
    intro: 'A worked 2×2 case, and the 3×3 one for you to complete:',
    code: 'import numpy as np\n\nB = np.array([[3.0, 1.0], [4.0, 2.0]])\nprint(np.linalg.det(B))        # 3*2 - 1*4 = 2.0 (up to rounding)\n\nA = np.array([[2.0, 0.0, 1.0],\n              [1.0, 3.0, 2.0],\n              [1.0, 1.0, 2.0]])\nd = ___                          # the determinant of A\nby_hand = 2 * (3*2 - 2*1) - 0 * (___) + 1 * (1*1 - 3*1)\nprint(d, by_hand)',
  },
  solution: {
    intro: 'The determinant of a 3×3 matrix with NumPy, checked by cofactor expansion:',
    code: 'import numpy as np\n\nA = np.array([[2.0, 0.0, 1.0],\n              [1.0, 3.0, 2.0],\n              [1.0, 1.0, 2.0]])\nd = np.linalg.det(A)\n\n# cofactor expansion along the first row\nby_hand = (A[0, 0] * (A[1, 1] * A[2, 2] - A[1, 2] * A[2, 1])\n           - A[0, 1] * (A[1, 0] * A[2, 2] - A[1, 2] * A[2, 0])\n           + A[0, 2] * (A[1, 0] * A[2, 1] - A[1, 1] * A[2, 0]))\nprint(d, by_hand)                 # 5.999999999999999 and 6.0\nprint(np.isclose(d, by_hand))     # True',
    explanation:
      '$\\det A = 2(3 \\cdot 2 - 2 \\cdot 1) - 0 + 1(1 \\cdot 1 - 3 \\cdot 1) = 8 - 2 = 6$, so $A$ is invertible and multiplies volumes by 6. NumPy may print `5.999999999999999` because it works in floating point through an LU factorisation; that is why you compare with `np.isclose` rather than `==`. Had the result been (nearly) 0, the matrix would be singular.',
  },
  pitfalls: [
    'Testing `det == 0` exactly; use `np.isclose` or, better, `np.linalg.matrix_rank` / `np.linalg.cond`.',
    'A small determinant does not mean "almost singular" by itself: scaling a matrix by 0.1 scales a $10\\times10$ determinant by $10^{-10}$.',
    'The matrix must be square; `det` of a 2×3 array raises LinAlgError.',
  ],
  variations: [
    '`np.linalg.slogdet` for very large or small determinants (returns sign and log).',
    'The product of the eigenvalues equals the determinant.',
  ],
};

export const EIGENVALUES: KnowledgeEntry = {
  id: 'eigenvalues',
  title: 'Eigenvalues and eigenvectors',
  keywords: [
    'eigenvalue',
    'eigenvalues',
    'eigenvector',
    'eigenvectors',
    'eig',
    'eigh',
    'np.linalg.eig',
    'spectrum',
    'diagonalise',
    'diagonalize',
    'characteristic polynomial',
    'power iteration',
  ],
  questions: [
    'What does it mean for a vector to keep its direction when the matrix is applied to it?',
    'If $A\\mathbf{v} = \\lambda \\mathbf{v}$, what role does $\\lambda$ play?',
    'How could you check a computed pair $(\\lambda, \\mathbf{v})$ numerically?',
  ],
  concept:
    'An **eigenvector** $\\mathbf{v} \\neq 0$ of a square matrix $A$ is only stretched by it: $A\\mathbf{v} = \\lambda\\mathbf{v}$, with the **eigenvalue** $\\lambda$ as the stretch factor. The eigenvalues are the roots of the characteristic polynomial $\\det(A - \\lambda I) = 0$. Real matrices can have complex eigenvalues (rotations); symmetric matrices have real eigenvalues and orthogonal eigenvectors. Numerically they are computed iteratively (QR algorithm), not from the polynomial.',
  analogy:
    'Stretch a rubber sheet: most arrows drawn on it turn, but a few special directions only get longer or shorter. Those are the eigenvectors.',
  steps: [
    'Use `np.linalg.eig(A)`, which returns the eigenvalues and a matrix whose **columns** are the eigenvectors.',
    'For symmetric matrices prefer `np.linalg.eigh` (real, sorted results).',
    'Check each pair with $A\\mathbf{v} \\approx \\lambda \\mathbf{v}$ using `np.allclose`.',
  ],
  example: {
    intro: 'Complete the check for the first pair:',
    code: 'import numpy as np\n\nA = np.array([[2.0, 1.0], [1.0, 2.0]])\nvals, vecs = np.linalg.eig(A)\nv = vecs[___, 0]                  # first eigenvector: a row or a column?\nprint(np.allclose(A @ v, ___ * v))',
  },
  solution: {
    intro: 'Eigen-decomposition and its check:',
    code: 'import numpy as np\n\nA = np.array([[2.0, 1.0], [1.0, 2.0]])\nvals, vecs = np.linalg.eig(A)\nprint(vals)                       # [3. 1.]\nfor i in range(len(vals)):\n    v = vecs[:, i]                # columns are eigenvectors\n    print(np.allclose(A @ v, vals[i] * v))   # True\n\nw, Q = np.linalg.eigh(A)          # symmetric: real, ascending\nprint(w)                          # [1. 3.]',
    explanation:
      'The eigenvector for $\\lambda = 3$ is along $(1, 1)$ and for $\\lambda = 1$ along $(1, -1)$: the matrix stretches the diagonal direction by 3 and leaves the anti-diagonal unchanged.',
  },
  pitfalls: [
    'Taking rows `vecs[i]` instead of columns `vecs[:, i]`.',
    'Eigenvectors are only defined up to scale and sign.',
    '`eig` on a non-symmetric real matrix may return complex numbers.',
  ],
  variations: [
    'Power iteration finds the dominant eigenvalue with repeated `A @ v`.',
    '`np.linalg.svd` for non-square matrices.',
  ],
};

export const LINEAR_SYSTEMS: KnowledgeEntry = {
  id: 'linear-systems',
  title: 'Solving linear systems',
  keywords: [
    'solve',
    'linear system',
    'system of equations',
    'ax = b',
    'ax=b',
    'np.linalg.solve',
    'inverse',
    'inv',
    'gaussian elimination',
    'lu',
    'lstsq',
    'least squares',
    'simultaneous equations',
    'unknowns',
  ],
  questions: [
    'How would you write your equations as one matrix equation $A\\mathbf{x} = \\mathbf{b}$? What goes in $A$ and what in $\\mathbf{b}$?',
    'How many equations and how many unknowns are there?',
    'How can you check a candidate solution?',
  ],
  concept:
    'A system of linear equations is $A\\mathbf{x} = \\mathbf{b}$: row $i$ of $A$ holds the coefficients of equation $i$, $\\mathbf{b}$ the right-hand sides. If $A$ is square and non-singular there is exactly one solution $\\mathbf{x} = A^{-1}\\mathbf{b}$, but numerically it is found by **Gaussian elimination** (an LU factorisation) rather than by forming $A^{-1}$, which is slower and less accurate. Over-determined systems (more equations than unknowns) are solved in the **least-squares** sense.',
  steps: [
    'Put the coefficients into a 2-D array `A` (one row per equation) and the right-hand sides into a 1-D array `b`.',
    'Square, invertible $A$: `np.linalg.solve(A, b)`.',
    'Non-square or rank-deficient: `np.linalg.lstsq(A, b, rcond=None)`.',
    'Check the residual $\\lVert A\\mathbf{x} - \\mathbf{b} \\rVert$ or `np.allclose(A @ x, b)`.',
  ],
  example: {
    intro: 'Solve $2x + y = 5$, $x - 3y = -8$:',
    code: 'import numpy as np\n\nA = np.array([[2.0, 1.0], [___, ___]])\nb = np.array([5.0, ___])\nx = np.linalg.solve(A, b)\nprint(x, np.allclose(A @ x, b))',
  },
  solution: {
    intro: 'Set up, solve and verify:',
    code: 'import numpy as np\n\n# 2x +  y =  5\n#  x - 3y = -8\nA = np.array([[2.0, 1.0], [1.0, -3.0]])\nb = np.array([5.0, -8.0])\nx = np.linalg.solve(A, b)\nprint(x)                          # [1. 3.]\nprint(np.allclose(A @ x, b))      # True\n\n# more equations than unknowns: least squares\nM = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])\nc = np.array([1.0, 2.0, 2.9])\nbest, *_ = np.linalg.lstsq(M, c, rcond=None)\nprint(best)',
    explanation:
      'Each row of `A` is one equation. `solve` performs an LU factorisation with partial pivoting, which is stable for well-conditioned matrices.',
  },
  pitfalls: [
    '`np.linalg.inv(A) @ b` works but is slower and less accurate.',
    'A singular $A$ raises LinAlgError; an ill-conditioned one silently loses digits.',
    'Mixing up rows (equations) and columns (unknowns).',
  ],
  variations: [
    '`scipy.linalg.lu_factor` / `lu_solve` to reuse the factorisation for many right-hand sides.',
    'Iterative solvers (Jacobi, Gauss–Seidel, CG) for large sparse systems.',
  ],
};

export const CONDITION_NUMBER: KnowledgeEntry = {
  id: 'condition-number',
  title: 'The condition number',
  keywords: [
    'condition number',
    'cond',
    'np.linalg.cond',
    'ill-conditioned',
    'ill conditioned',
    'well-conditioned',
    'conditioning',
    'hilbert',
    'sensitive',
    'sensitivity',
    'stability',
    'loss of accuracy',
  ],
  questions: [
    'If you change $\\mathbf{b}$ very slightly, how much might the solution $\\mathbf{x}$ of $A\\mathbf{x} = \\mathbf{b}$ change?',
    'What would it mean for two equations to be "almost the same"?',
    'How many correct digits can you expect from a computer that stores about 16?',
  ],
  concept:
    'The **condition number** $\\kappa(A) = \\lVert A \\rVert \\, \\lVert A^{-1} \\rVert$ bounds how much relative errors in the data can be amplified in the solution: $$\\frac{\\lVert \\delta\\mathbf{x} \\rVert}{\\lVert \\mathbf{x} \\rVert} \\le \\kappa(A) \\frac{\\lVert \\delta\\mathbf{b} \\rVert}{\\lVert \\mathbf{b} \\rVert}.$$ With double precision (about 16 digits) you lose roughly $\\log_{10}\\kappa(A)$ digits. $\\kappa = 1$ is perfect (orthogonal matrices); $\\kappa \\approx 10^{12}$ leaves about 4 reliable digits; singular matrices have $\\kappa = \\infty$. It is a property of the problem, not of the algorithm.',
  steps: [
    'Compute `np.linalg.cond(A)` (2-norm by default).',
    'Estimate the digits lost as `np.log10(cond)`.',
    'Test sensitivity: perturb `b` slightly, solve again, compare the change in `x`.',
    'If it is huge, reformulate (rescale, a better basis, fewer nearly dependent columns).',
  ],
  example: {
    intro: 'Compare a well- and an ill-conditioned matrix:',
    code: 'import numpy as np\nfrom scipy.linalg import hilbert\n\nfor n in (3, 6, 10):\n    H = hilbert(n)\n    print(n, ___)               # its condition number\nx_true = np.ones(10)\nb = hilbert(10) @ x_true\nx = np.linalg.solve(hilbert(10), b)\nprint(np.max(np.abs(x - ___)))  # the error',
  },
  solution: {
    intro: 'Measure conditioning and its effect:',
    code: 'import numpy as np\nfrom scipy.linalg import hilbert\n\nfor n in (3, 6, 10):\n    print(n, f"{np.linalg.cond(hilbert(n)):.1e}")   # 5.2e+02, 1.5e+07, 1.6e+13\n\nH = hilbert(10)\nx_true = np.ones(10)\nb = H @ x_true\nx = np.linalg.solve(H, b)\nprint(np.max(np.abs(x - x_true)))    # around 1e-4: about 13 digits lost',
    explanation:
      'With $\\kappa(H_{10}) \\approx 1.6\\times10^{13}$, rounding errors of size $10^{-16}$ in $\\mathbf{b}$ can grow to $10^{-3}$ in $\\mathbf{x}$. The solver is fine; the problem itself is sensitive.',
  },
  pitfalls: [
    'A small determinant is not the same as a large condition number.',
    'A tiny residual $A\\mathbf{x} - \\mathbf{b}$ does not guarantee an accurate $\\mathbf{x}$ when $\\kappa$ is large.',
  ],
  variations: [
    'Interpolation with a Vandermonde matrix on many equispaced points is badly conditioned; a different basis helps.',
    'Scaling rows and columns can reduce $\\kappa$.',
  ],
};
