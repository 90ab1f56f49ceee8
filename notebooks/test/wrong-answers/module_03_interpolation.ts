// Plausible wrong answers for module_03_interpolation.ipynb, by exercise id (see ../wrong-answers.ts).
export const WRONG_ANSWERS_M3: Record<string, string[]> = {
  'm3-ex1-vandermonde': [
    'V = np.vander(x)\nc = np.linalg.solve(V, y)\np_at_15 = np.polyval(c, 1.5)',
  ],
  'm3-ex2-lagrange-basis': [
    'def lagrange_basis(xs, j, x):\n    x = np.asarray(x, dtype=float)\n    result = np.ones_like(x)\n    for m in range(len(xs)):\n        if m != j:\n            result *= (x - xs[m]) / (xs[m] - xs[j])\n    return result',
  ],
  'm3-ex3-lagrange-interpolation': [
    'def lagrange_interp(xs, ys, x):\n    p = np.zeros_like(np.asarray(x, dtype=float))\n    for j in range(len(xs)):\n        p += lagrange_basis(xs, j, x)\n    return p',
  ],
  'm3-ex4-divided-differences': [
    'def divided_differences(xs, ys):\n    c = ys\n    for k in range(1, len(xs)):\n        c[k:] = (c[k:] - c[k - 1:-1]) / (xs[k:] - xs[:-k])\n    return c',
    'def divided_differences(xs, ys):\n    c = np.array(ys)\n    for k in range(1, len(xs)):\n        c[k:] = (c[k:] - c[k - 1:-1]) / (xs[k:] - xs[:-k])\n    return c',
  ],
  'm3-ex5-newton-evaluation': [
    'def newton_eval(xs, coef, x):\n    x = np.asarray(x, dtype=float)\n    p = np.full_like(x, coef[0])\n    for k in range(1, len(coef)):\n        p = p + coef[k] * (x - xs[k - 1])\n    return p',
  ],
  'm3-ex6-runge-chebyshev': [
    'x_equi = np.linspace(-1.0, 1.0, n)\nerr_equi = np.abs(BarycentricInterpolator(x_equi, f(x_equi))(x_fine) - f(x_fine)).max()\nx_cheb = np.cos(np.pi * np.arange(n) / (n - 1))\nerr_cheb = np.abs(BarycentricInterpolator(x_cheb, f(x_cheb))(x_fine) - f(x_fine)).max()',
    'x_equi = np.linspace(-1.0, 1.0, n)\nerr_equi = np.abs(BarycentricInterpolator(x_equi, f(x_equi))(x_equi) - f(x_equi)).max()\nx_cheb = np.cos((2 * np.arange(n) + 1) * np.pi / (2 * n))\nerr_cheb = np.abs(BarycentricInterpolator(x_cheb, f(x_cheb))(x_fine) - f(x_fine)).max()',
  ],
  'm3-ex7-least-squares-fit': [
    'coef = np.polynomial.polynomial.polyfit(x, y, 2)\ny_fit = np.polynomial.polynomial.polyval(x, coef)\nrmse = np.sqrt(np.mean((y - y_fit) ** 2))',
    'coef = np.polyfit(x, y, 2)\ny_fit = np.polyval(coef, x)\nrmse = np.mean((y - y_fit) ** 2)',
  ],
  'm3-ex8-degree-selection': [
    'train_rmse = np.zeros(8)\ntest_rmse = np.zeros(8)\nfor d in degrees:\n    c = np.polyfit(x, y, d)\n    train_rmse[d] = np.sqrt(np.mean((np.polyval(c, x[train]) - y[train]) ** 2))\n    test_rmse[d] = np.sqrt(np.mean((np.polyval(c, x[test]) - y[test]) ** 2))\nbest_degree = int(np.argmin(test_rmse))',
    'train_rmse = np.zeros(8)\ntest_rmse = np.zeros(8)\nfor d in degrees:\n    c = np.polyfit(x[train], y[train], d)\n    train_rmse[d] = np.sqrt(np.mean((np.polyval(c, x[train]) - y[train]) ** 2))\n    test_rmse[d] = np.sqrt(np.mean((np.polyval(c, x[test]) - y[test]) ** 2))\nbest_degree = int(np.argmin(train_rmse))',
  ],
};
