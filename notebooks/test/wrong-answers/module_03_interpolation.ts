// Plausible wrong answers for module_03_interpolation.ipynb, by exercise id (see ../wrong-answers.ts).
// At least one per mistake the self-checks diagnose, so that every property check is shown to bite.
export const WRONG_ANSWERS_M3: Record<string, string[]> = {
  'm3-ex1-vandermonde': [
    // decreasing powers
    'V = np.vander(x)\nc = np.linalg.solve(V, y)\np_at_15 = np.polyval(c, 1.5)',
    // np.polyval with c in increasing order
    'V = np.vander(x, increasing=True)\nc = np.linalg.solve(V, y)\np_at_15 = np.polyval(c, 1.5)',
    // solves the transposed system
    'V = np.vander(x, increasing=True)\nc = np.linalg.solve(V.T, y)\np_at_15 = np.sum(c * 1.5 ** np.arange(4))',
    // powers of the wrong variable: not the Vandermonde matrix of the nodes
    'V = np.vander(y, increasing=True)\nc = np.linalg.solve(V, y)\np_at_15 = np.sum(c * 1.5 ** np.arange(4))',
    // one power too few in the evaluation
    'V = np.vander(x, increasing=True)\nc = np.linalg.solve(V, y)\np_at_15 = np.sum(c * 1.5 ** np.arange(1, 5))',
  ],
  'm3-ex2-lagrange-basis': [
    // denominator the wrong way round
    'def lagrange_basis(xs, j, x):\n    x = np.asarray(x, dtype=float)\n    result = np.ones_like(x)\n    for m in range(len(xs)):\n        if m != j:\n            result *= (x - xs[m]) / (xs[m] - xs[j])\n    return result',
    // right at the nodes, but not a polynomial of degree n between them
    'def lagrange_basis(xs, j, x):\n    x = np.asarray(x, dtype=float)\n    result = np.ones_like(x)\n    for m in range(len(xs)):\n        if m != j:\n            result *= ((x - xs[m]) / (xs[j] - xs[m])) ** 2\n    return result',
    // an indicator of node j
    'def lagrange_basis(xs, j, x):\n    x = np.asarray(x, dtype=float)\n    return np.isclose(x, xs[j]).astype(float)',
  ],
  'm3-ex3-lagrange-interpolation': [
    // forgets the data values
    'def lagrange_interp(xs, ys, x):\n    p = np.zeros_like(np.asarray(x, dtype=float))\n    for j in range(len(xs)):\n        p += lagrange_basis(xs, j, x)\n    return p',
    // piecewise linear: through the data, but not the interpolating polynomial
    'def lagrange_interp(xs, ys, x):\n    return np.interp(x, xs, ys)',
    // piecewise cubic (each point on the cubic through its 4 nearest nodes): through the data and
    // exact for cubics, like a cubic spline, but not one polynomial of degree 5
    'def lagrange_interp(xs, ys, x):\n    x = np.asarray(x, dtype=float)\n    p = np.empty_like(x)\n    for i, t in enumerate(x.flat):\n        near = np.argsort(np.abs(xs - t))[:4]\n        p.flat[i] = np.polyval(np.polyfit(xs[near], ys[near], 3), t)\n    return p',
    // one basis polynomial too few
    'def lagrange_interp(xs, ys, x):\n    p = np.zeros_like(np.asarray(x, dtype=float))\n    for j in range(len(xs) - 1):\n        p += ys[j] * lagrange_basis(xs, j, x)\n    return p',
  ],
  'm3-ex4-divided-differences': [
    // modifies the caller's ys
    'def divided_differences(xs, ys):\n    c = ys\n    for k in range(1, len(xs)):\n        c[k:] = (c[k:] - c[k - 1:-1]) / (xs[k:] - xs[:-k])\n    return c',
    // integer copy: truncated divisions
    'def divided_differences(xs, ys):\n    c = np.array(ys)\n    for k in range(1, len(xs)):\n        c[k:] = (c[k:] - c[k - 1:-1]) / (xs[k:] - xs[:-k])\n    return c',
    // divides by the spacing of neighbouring nodes instead of x_{i+k} - x_i
    'def divided_differences(xs, ys):\n    c = np.array(ys, dtype=float)\n    for k in range(1, len(xs)):\n        c[k:] = (c[k:] - c[k - 1:-1]) / (xs[k:] - xs[k - 1:-1])\n    return c',
    // updates in place from the top, so it uses entries already overwritten
    'def divided_differences(xs, ys):\n    c = np.array(ys, dtype=float)\n    for k in range(1, len(xs)):\n        for i in range(k, len(xs)):\n            c[i] = (c[i] - c[i - 1]) / (xs[i] - xs[i - k])\n    return c',
  ],
  'm3-ex5-newton-evaluation': [
    // forgets to multiply the factors together
    'def newton_eval(xs, coef, x):\n    x = np.asarray(x, dtype=float)\n    p = np.full_like(x, coef[0])\n    for k in range(1, len(coef)):\n        p = p + coef[k] * (x - xs[k - 1])\n    return p',
    // nested scheme with the wrong node in each factor
    'def newton_eval(xs, coef, x):\n    x = np.asarray(x, dtype=float)\n    p = np.full_like(x, coef[-1])\n    for k in range(len(coef) - 2, -1, -1):\n        p = coef[k] + (x - xs[k + 1]) * p\n    return p',
    // distances |x - x_k| instead of differences: right at the (sorted) nodes only
    'def newton_eval(xs, coef, x):\n    x = np.asarray(x, dtype=float)\n    p = np.full_like(x, coef[-1])\n    for k in range(len(coef) - 2, -1, -1):\n        p = coef[k] + np.abs(x - xs[k]) * p\n    return p',
    // evaluates at the nodes whatever x is
    'def newton_eval(xs, coef, x):\n    p = np.full_like(xs, coef[-1], dtype=float)\n    for k in range(len(coef) - 2, -1, -1):\n        p = coef[k] + (xs - xs[k]) * p\n    return p',
  ],
  'm3-ex6-runge-chebyshev': [
    // Chebyshev extrema instead of roots
    'x_equi = np.linspace(-1.0, 1.0, n)\nerr_equi = np.abs(barycentric_interp(x_equi, f(x_equi), x_fine) - f(x_fine)).max()\nx_cheb = np.cos(np.pi * np.arange(n) / (n - 1))\nerr_cheb = np.abs(barycentric_interp(x_cheb, f(x_cheb), x_fine) - f(x_fine)).max()',
    // error measured at the nodes
    'x_equi = np.linspace(-1.0, 1.0, n)\nerr_equi = np.abs(barycentric_interp(x_equi, f(x_equi), x_equi) - f(x_equi)).max()\nx_cheb = np.cos((2 * np.arange(n) + 1) * np.pi / (2 * n))\nerr_cheb = np.abs(barycentric_interp(x_cheb, f(x_cheb), x_fine) - f(x_fine)).max()',
    // 2n + 1 in the denominator: not the roots of T_11
    'x_equi = np.linspace(-1.0, 1.0, n)\nerr_equi = np.abs(barycentric_interp(x_equi, f(x_equi), x_fine) - f(x_fine)).max()\nx_cheb = np.cos((2 * np.arange(n) + 1) * np.pi / (2 * n + 1))\nerr_cheb = np.abs(barycentric_interp(x_cheb, f(x_cheb), x_fine) - f(x_fine)).max()',
    // equispaced nodes without the end points
    'x_equi = np.linspace(-1.0, 1.0, n + 2)[1:-1]\nerr_equi = np.abs(barycentric_interp(x_equi, f(x_equi), x_fine) - f(x_fine)).max()\nx_cheb = np.cos((2 * np.arange(n) + 1) * np.pi / (2 * n))\nerr_cheb = np.abs(barycentric_interp(x_cheb, f(x_cheb), x_fine) - f(x_fine)).max()',
    // the Chebyshev error measured with the equispaced interpolant
    'x_equi = np.linspace(-1.0, 1.0, n)\nerr_equi = np.abs(barycentric_interp(x_equi, f(x_equi), x_fine) - f(x_fine)).max()\nx_cheb = np.cos((2 * np.arange(n) + 1) * np.pi / (2 * n))\nerr_cheb = np.abs(barycentric_interp(x_equi, f(x_cheb), x_fine) - f(x_fine)).max()',
    // the Chebyshev error measured at the nodes
    'x_equi = np.linspace(-1.0, 1.0, n)\nerr_equi = np.abs(barycentric_interp(x_equi, f(x_equi), x_fine) - f(x_fine)).max()\nx_cheb = np.cos((2 * np.arange(n) + 1) * np.pi / (2 * n))\nerr_cheb = np.abs(barycentric_interp(x_cheb, f(x_cheb), x_cheb) - f(x_cheb)).max()',
  ],
  'm3-ex7-least-squares-fit': [
    // increasing order
    'coef = np.polynomial.polynomial.polyfit(x, y, 2)\ny_fit = np.polynomial.polynomial.polyval(x, coef)\nrmse = np.sqrt(np.mean((y - y_fit) ** 2))',
    // mean squared error, no root
    'coef = np.polyfit(x, y, 2)\ny_fit = np.polyval(coef, x)\nrmse = np.mean((y - y_fit) ** 2)',
    // root of the sum of squares
    'coef = np.polyfit(x, y, 2)\ny_fit = np.polyval(coef, x)\nrmse = np.sqrt(np.sum((y - y_fit) ** 2))',
    // x and y swapped
    'coef = np.polyfit(y, x, 2)\ny_fit = np.polyval(coef, x)\nrmse = np.sqrt(np.mean((y - y_fit) ** 2))',
    // a quadratic, but not the least-squares one (through three of the points)
    'coef = np.polyfit(x[::7], y[::7], 2)\ny_fit = np.polyval(coef, x)\nrmse = np.sqrt(np.mean((y - y_fit) ** 2))',
    // y_fit evaluated in the wrong order
    'coef = np.polyfit(x, y, 2)\ny_fit = np.polyval(coef[::-1], x)\nrmse = np.sqrt(np.mean((y - y_fit) ** 2))',
    // y_fit: the data themselves
    'coef = np.polyfit(x, y, 2)\ny_fit = y.copy()\nrmse = np.sqrt(np.mean((y - np.polyval(coef, x)) ** 2))',
  ],
  'm3-ex8-degree-selection': [
    // fits on all points
    'train_rmse = np.zeros(8)\ntest_rmse = np.zeros(8)\nfor d in degrees:\n    c = np.polyfit(x, y, d)\n    train_rmse[d] = np.sqrt(np.mean((np.polyval(c, x[train]) - y[train]) ** 2))\n    test_rmse[d] = np.sqrt(np.mean((np.polyval(c, x[test]) - y[test]) ** 2))\nbest_degree = int(np.argmin(test_rmse))',
    // chooses by the training error
    'train_rmse = np.zeros(8)\ntest_rmse = np.zeros(8)\nfor d in degrees:\n    c = np.polyfit(x[train], y[train], d)\n    train_rmse[d] = np.sqrt(np.mean((np.polyval(c, x[train]) - y[train]) ** 2))\n    test_rmse[d] = np.sqrt(np.mean((np.polyval(c, x[test]) - y[test]) ** 2))\nbest_degree = int(np.argmin(train_rmse))',
    // test error measured on all the points
    'train_rmse = np.zeros(8)\ntest_rmse = np.zeros(8)\nfor d in degrees:\n    c = np.polyfit(x[train], y[train], d)\n    train_rmse[d] = np.sqrt(np.mean((np.polyval(c, x[train]) - y[train]) ** 2))\n    test_rmse[d] = np.sqrt(np.mean((np.polyval(c, x) - y) ** 2))\nbest_degree = int(np.argmin(test_rmse))',
    // best_degree is the smallest test error, not its degree
    'train_rmse = np.zeros(8)\ntest_rmse = np.zeros(8)\nfor d in degrees:\n    c = np.polyfit(x[train], y[train], d)\n    train_rmse[d] = np.sqrt(np.mean((np.polyval(c, x[train]) - y[train]) ** 2))\n    test_rmse[d] = np.sqrt(np.mean((np.polyval(c, x[test]) - y[test]) ** 2))\nbest_degree = int(np.min(test_rmse))',
  ],
};
