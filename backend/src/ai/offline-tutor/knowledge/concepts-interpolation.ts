import type { KnowledgeEntry } from './types';

// Module 3: polynomial interpolation.

export const LAGRANGE: KnowledgeEntry = {
  id: 'lagrange',
  title: 'Lagrange interpolation',
  keywords: [
    'lagrange',
    'interpolating polynomial',
    'interpolation polynomial',
    'basis polynomial',
    'interpolate',
    'interpolation',
    'through the points',
    'passes through',
  ],
  questions: [
    'How many points do you have, and what degree of polynomial can pass exactly through all of them?',
    'Can you think of a polynomial that is 1 at $x_0$ and 0 at all the other nodes?',
    'How could you combine such polynomials to hit every $y_i$?',
  ],
  concept:
    'Through $n+1$ points $(x_i, y_i)$ with distinct $x_i$ there is exactly one polynomial of degree at most $n$. **Lagrange** writes it with basis polynomials $$L_i(x) = \\prod_{j \\neq i} \\frac{x - x_j}{x_i - x_j},$$ which equal 1 at $x_i$ and 0 at every other node, so $$p(x) = \\sum_{i=0}^{n} y_i L_i(x).$$ The form is elegant and easy to reason about; evaluating it costs $O(n^2)$ per point, and adding a point means starting again (the barycentric form fixes both).',
  analogy:
    'Each $L_i$ is a switch that is "on" only at its own node; the interpolant turns each switch up to the height $y_i$.',
  steps: [
    'Store the nodes and values in arrays `x` and `y` (distinct nodes).',
    'For each $i$, build $L_i$ at the evaluation points as a product over $j \\neq i$ of $(t - x_j)/(x_i - x_j)$.',
    'Sum $y_i L_i$ over $i$.',
    'Check that the result reproduces every $y_i$ at the nodes.',
  ],
  example: {
    intro: 'Complete the basis polynomial:',
    code: 'import numpy as np\n\ndef lagrange_eval(x, y, t):\n    total = np.zeros_like(t, dtype=float)\n    for i in range(len(x)):\n        L = np.ones_like(t, dtype=float)\n        for j in range(len(x)):\n            if j != i:\n                L *= ___ / ___\n        total += y[i] * L\n    return total',
  },
  solution: {
    intro: 'Lagrange interpolation, evaluated on many points at once:',
    code: 'import numpy as np\n\ndef lagrange_eval(x, y, t):\n    """Evaluate the interpolating polynomial through (x, y) at t."""\n    x, y = np.asarray(x, float), np.asarray(y, float)\n    t = np.asarray(t, float)\n    total = np.zeros_like(t)\n    for i in range(len(x)):\n        L = np.ones_like(t)\n        for j in range(len(x)):\n            if j != i:\n                L *= (t - x[j]) / (x[i] - x[j])\n        total += y[i] * L\n    return total\n\nx = np.array([0.0, 1.0, 2.0, 3.0])\ny = x**3 - 2 * x          # a cubic: reproduced exactly\nt = np.linspace(0, 3, 7)\nprint(np.allclose(lagrange_eval(x, y, t), t**3 - 2 * t))   # True\nprint(np.allclose(lagrange_eval(x, y, x), y))              # True at the nodes',
    explanation:
      'Four points determine a cubic uniquely, so interpolating samples of a cubic gives the cubic back: a good test for your own code.',
  },
  pitfalls: [
    'Repeated nodes make $x_i - x_j = 0$.',
    'High degree on equally spaced nodes oscillates (Runge phenomenon).',
    'Evaluating far outside $[x_0, x_n]$ (extrapolation) is unreliable.',
  ],
  variations: [
    '`scipy.interpolate.lagrange(x, y)` returns a `poly1d` (fine for few points).',
    '`scipy.interpolate.BarycentricInterpolator` is the stable way to evaluate it.',
  ],
};

export const NEWTON_DIVIDED: KnowledgeEntry = {
  id: 'newton-divided-differences',
  title: 'Newton divided differences',
  keywords: [
    'divided difference',
    'divided differences',
    'newton form',
    'newton interpolation',
    'newton polynomial',
    'difference table',
  ],
  questions: [
    'What is the slope between the first two points? How does that relate to a first divided difference?',
    'How could you build second differences from the first ones?',
    'Which entries of the table become the coefficients of the polynomial?',
  ],
  concept:
    "Newton's form writes the interpolant as $$p(x) = c_0 + c_1(x - x_0) + c_2(x - x_0)(x - x_1) + \\dots$$ with coefficients $c_k = f[x_0, \\dots, x_k]$, the **divided differences**: $f[x_i] = y_i$ and $$f[x_i, \\dots, x_{i+k}] = \\frac{f[x_{i+1}, \\dots, x_{i+k}] - f[x_i, \\dots, x_{i+k-1}]}{x_{i+k} - x_i}.$$ It is the same polynomial as Lagrange's, but adding a point adds one term, and evaluation uses a Horner-like scheme in $O(n)$.",
  steps: [
    'Start a table with the $y_i$ as column 0.',
    'Fill column $k$ from column $k-1$ with the divided-difference formula (denominator $x_{i+k} - x_i$).',
    'The top entry of each column is the coefficient $c_k$.',
    'Evaluate with nested multiplication from the last coefficient backwards.',
  ],
  example: {
    intro: 'Complete the in-place table update:',
    code: 'import numpy as np\n\ndef newton_coefficients(x, y):\n    c = np.array(y, dtype=float)\n    n = len(x)\n    for k in range(1, n):\n        c[k:] = (c[k:] - c[k - 1:-1]) / (x[___:] - x[:___])\n    return c',
  },
  solution: {
    intro: 'Coefficients and evaluation:',
    code: 'import numpy as np\n\ndef newton_coefficients(x, y):\n    x = np.asarray(x, float)\n    c = np.array(y, dtype=float)\n    for k in range(1, len(x)):\n        c[k:] = (c[k:] - c[k - 1:-1]) / (x[k:] - x[:-k])\n    return c\n\ndef newton_eval(x, c, t):\n    p = np.full_like(np.asarray(t, float), c[-1])\n    for k in range(len(c) - 2, -1, -1):     # Horner-like, from the top\n        p = p * (t - x[k]) + c[k]\n    return p\n\nx = np.array([1.0, 2.0, 4.0, 5.0])\ny = np.array([1.0, 4.0, 16.0, 25.0])       # y = x^2\nc = newton_coefficients(x, y)\nprint(c)                                   # [1. 3. 1. 0.]\nprint(newton_eval(x, c, np.array([3.0])))  # [9.]',
    explanation:
      'Column $k$ only needs column $k-1$, so one array updated from the bottom works. For $y = x^2$ the third difference is 0: the data are a quadratic.',
  },
  pitfalls: [
    'Wrong denominator: it spans $k$ nodes, $x_{i+k} - x_i$, not neighbouring ones.',
    'Updating the table top-down overwrites values still needed.',
  ],
  variations: [
    'Adding a new point only needs one new diagonal of the table.',
    'With equally spaced nodes divided differences become forward differences divided by $k!\\,h^k$.',
  ],
};

export const POLYFIT: KnowledgeEntry = {
  id: 'polyfit',
  title: 'Fitting polynomials with polyfit',
  keywords: [
    'polyfit',
    'polyval',
    'np.polyfit',
    'np.polyval',
    'poly1d',
    'polynomial fit',
    'fit a polynomial',
    'curve fitting',
    'least squares fit',
    'fit a line',
    'regression line',
    'coefficients',
  ],
  questions: [
    'Do you want a polynomial that passes exactly through every point, or one that follows the trend of noisy data?',
    'What degree makes sense for your data, and how many points do you have?',
    'In what order does NumPy return the coefficients?',
  ],
  concept:
    '`np.polyfit(x, y, deg)` finds the polynomial of degree `deg` that minimises the sum of squared errors $\\sum_i (p(x_i) - y_i)^2$ (least squares). With `deg = n - 1` for $n$ points it interpolates; with a lower degree it smooths. Coefficients come **highest power first**, which is the order `np.polyval` expects.',
  steps: [
    'Choose the degree (low for noisy data; number of points − 1 to interpolate).',
    'Call `np.polyfit(x, y, deg)` to get the coefficients.',
    'Evaluate with `np.polyval(coeffs, t)` on a fine grid.',
    'Plot the data and the fit, and look at the residuals.',
  ],
  example: {
    intro: 'Fit a straight line to noisy data:',
    code: 'import numpy as np\n\nrng = np.random.default_rng(0)\nx = np.linspace(0, 1, 20)\ny = 3 * x + 1 + 0.1 * rng.standard_normal(20)\ncoeffs = np.polyfit(x, y, ___)\nprint(coeffs)             # close to [3, 1]?\nfit = np.polyval(___, x)',
  },
  solution: {
    intro: 'Fit, evaluate and check:',
    code: 'import numpy as np\n\nrng = np.random.default_rng(0)\nx = np.linspace(0, 1, 20)\ny = 3 * x + 1 + 0.1 * rng.standard_normal(20)\ncoeffs = np.polyfit(x, y, 1)          # [slope, intercept]\nprint(coeffs)                          # about [3.0, 1.0]\nt = np.linspace(0, 1, 200)\nfit = np.polyval(coeffs, t)\nresiduals = y - np.polyval(coeffs, x)\nprint(np.sqrt(np.mean(residuals**2)))  # about 0.1, the noise level',
    explanation:
      'A degree-1 least-squares fit recovers slope and intercept despite the noise. Raising the degree would chase the noise instead (overfitting).',
  },
  pitfalls: [
    'Coefficient order: highest power first.',
    'High degrees on many points are ill-conditioned (polyfit may warn "RankWarning").',
    'Interpolating noisy data gives wild curves.',
  ],
  variations: [
    '`np.polynomial.Polynomial.fit` is the modern, better-scaled interface.',
    '`scipy.optimize.curve_fit` for non-polynomial models.',
  ],
};

export const RUNGE: KnowledgeEntry = {
  id: 'runge',
  title: "Runge's phenomenon",
  keywords: [
    'runge',
    "runge's phenomenon",
    'runge phenomenon',
    'oscillat',
    'wiggle',
    'high degree',
    'equally spaced',
    'equispaced',
    'blows up at the edges',
    '1/(1+25x^2)',
  ],
  questions: [
    'Where does your interpolant go wrong: in the middle of the interval, or near the ends?',
    'What happens to the error when you add more equally spaced points?',
    'Could the placement of the nodes matter, not just their number?',
  ],
  concept:
    "Interpolating $f(x) = \\frac{1}{1 + 25x^2}$ on $[-1, 1]$ with **equally spaced** nodes gives polynomials that oscillate more and more wildly near the ends as the degree grows: the maximum error **increases** with $n$. This is **Runge's phenomenon**. The interpolation error is $$f(x) - p(x) = \\frac{f^{(n+1)}(\\xi)}{(n+1)!} \\prod_{i=0}^{n} (x - x_i),$$ and for equispaced nodes the node polynomial $\\prod (x - x_i)$ is huge near the edges. Clustering nodes towards the ends (Chebyshev nodes) or using piecewise polynomials (splines) fixes it.",
  analogy:
    'A long ruler pinned at evenly spaced points bends gently in the middle but flaps wildly at its free ends.',
  steps: [
    "Interpolate Runge's function on equispaced nodes for several degrees (for example 5, 10, 15).",
    'Evaluate on a fine grid and compute the maximum error for each degree.',
    'Repeat with Chebyshev nodes and compare the errors.',
    'Plot both to see where the error lives.',
  ],
  example: {
    intro: 'Measure the error as the degree grows:',
    code: 'import numpy as np\n\nf = lambda x: 1 / (1 + 25 * x**2)\nt = np.linspace(-1, 1, 1001)\nfor n in (5, 10, 15):\n    x = np.linspace(-1, 1, n + 1)\n    c = np.polyfit(x, f(x), ___)\n    err = np.max(np.abs(np.polyval(c, t) - ___))\n    print(n, err)',
  },
  solution: {
    intro: 'Equispaced versus Chebyshev nodes:',
    code: 'import numpy as np\nfrom scipy.interpolate import BarycentricInterpolator\n\nf = lambda x: 1 / (1 + 25 * x**2)\nt = np.linspace(-1, 1, 2001)\nfor n in (5, 10, 15, 20):\n    equi = np.linspace(-1, 1, n + 1)\n    k = np.arange(n + 1)\n    cheb = np.cos((2 * k + 1) * np.pi / (2 * (n + 1)))\n    e1 = np.max(np.abs(BarycentricInterpolator(equi, f(equi))(t) - f(t)))\n    e2 = np.max(np.abs(BarycentricInterpolator(cheb, f(cheb))(t) - f(t)))\n    print(f"n={n:2d}  equispaced {e1:8.2e}  chebyshev {e2:8.2e}")',
    explanation:
      'The equispaced error grows (to about 60 at $n = 20$) while the Chebyshev error shrinks steadily. The barycentric form avoids the ill-conditioning of `polyfit` at high degree, so what you see is the mathematics, not rounding.',
  },
  pitfalls: [
    "Blaming rounding errors: Runge's phenomenon happens in exact arithmetic.",
    'Using `polyfit` at high degree adds ill-conditioning on top.',
  ],
  variations: [
    'Cubic splines (`scipy.interpolate.CubicSpline`) avoid high degree altogether.',
    'Least-squares fits of low degree on many points.',
  ],
};

export const CHEBYSHEV: KnowledgeEntry = {
  id: 'chebyshev',
  title: 'Chebyshev nodes',
  keywords: [
    'chebyshev',
    'chebyshev nodes',
    'chebyshev points',
    'node placement',
    'cosine nodes',
    'nodes clustered',
    'minimise the interpolation error',
  ],
  questions: [
    'Where does the interpolation error tend to be largest with equally spaced nodes?',
    'If you could move the nodes, where would you put more of them?',
    'How would you map nodes from $[-1, 1]$ to your interval $[a, b]$?',
  ],
  concept:
    "The **Chebyshev nodes** on $[-1, 1]$ are $$x_k = \\cos\\left(\\frac{(2k + 1)\\pi}{2(n + 1)}\\right), \\quad k = 0, \\dots, n,$$ the projections of equally spaced points on a semicircle, so they cluster near $\\pm 1$. They minimise $\\max |\\prod (x - x_k)|$, the node factor in the interpolation error, to $2^{-n}$. For smooth functions the error then decreases steadily with $n$, avoiding Runge's phenomenon. On $[a, b]$ use $\\frac{a + b}{2} + \\frac{b - a}{2} x_k$.",
  analogy:
    'Like placing more fence posts near the corners of a field where the fence is under most strain.',
  steps: [
    'Compute the angles $(2k+1)\\pi / (2(n+1))$ for $k = 0 \\dots n$ with `np.arange`.',
    'Take their cosines to get the nodes on $[-1, 1]$.',
    'Map them to $[a, b]$ with the affine formula.',
    'Interpolate at these nodes and compare the maximum error with equispaced nodes.',
  ],
  example: {
    intro: 'Complete the node formula:',
    code: 'import numpy as np\n\ndef chebyshev_nodes(n, a=-1.0, b=1.0):\n    k = np.arange(n + 1)\n    x = np.cos(___)                   # nodes on [-1, 1]\n    return (a + b) / 2 + (b - a) / 2 * x',
  },
  solution: {
    intro: 'Chebyshev nodes on any interval:',
    code: 'import numpy as np\n\ndef chebyshev_nodes(n, a=-1.0, b=1.0):\n    """n + 1 Chebyshev nodes on [a, b]."""\n    k = np.arange(n + 1)\n    x = np.cos((2 * k + 1) * np.pi / (2 * (n + 1)))\n    return (a + b) / 2 + (b - a) / 2 * x\n\nx = chebyshev_nodes(10)\nt = np.linspace(-1, 1, 2001)\nnode_poly = np.prod(t[:, None] - x[None, :], axis=1)\nprint(np.max(np.abs(node_poly)), 2.0**-10)   # both about 9.8e-4',
    explanation:
      'The maximum of the node polynomial equals $2^{-n}$, the smallest possible. With equispaced nodes it is many times larger, concentrated near the ends.',
  },
  pitfalls: [
    'Forgetting the mapping to $[a, b]$.',
    'Off-by-one between $n$ (degree) and $n + 1$ (number of nodes).',
  ],
  variations: [
    'Chebyshev points of the second kind $\\cos(k\\pi/n)$ include the end points.',
    '`numpy.polynomial.chebyshev` works in the Chebyshev basis directly.',
  ],
};
