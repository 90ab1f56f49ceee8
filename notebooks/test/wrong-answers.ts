// Plausible wrong answers (mostly the pitfalls the exercises are about), by exercise id.
// The tests insert them instead of the reference solution and expect the check to say "not yet":
// this shows the self-checks are not vacuous.
export const WRONG_ANSWERS: Record<string, string[]> = {
  'm1-ex1-create-arrays': [
    'zeros_3x4 = np.zeros((3, 4))\nevens = np.arange(0, 20, 2)\ngrid = np.linspace(0, 1, 5)',
    'zeros_3x4 = np.zeros((3, 4), dtype=int)\nevens = np.arange(0, 21, 2)\ngrid = np.linspace(0, 1, 5)',
  ],
  'm1-ex2-indexing-slicing': [
    'row2 = M[1]\nlast_col = M[:, -1]\ncenter = M[1:-1, 1:-1]\ncorners = M[::4, ::4]',
  ],
  'm1-ex3-views-pitfall': ['head = data[:5]\nhead /= head.max()'],
  'm1-ex4-boolean-masks': [
    'hot = temps >= 25\nn_hot = int(hot.sum())\nmean_mild = temps[~hot].mean()\ncapped = np.where(temps > 30, 30.0, temps)',
    'hot = temps > 25\nn_hot = int(hot.sum())\nmean_mild = temps[~hot].mean()\ncapped = temps\ncapped[capped > 30] = 30.0',
  ],
  'm1-ex5-axis-reductions': [
    'student_mean = scores.mean(axis=0)\nexam_max = scores.max(axis=0)\nbest = 2\nfinal = scores @ w',
    'student_mean = scores.mean(axis=1)\nexam_max = scores.max(axis=0)\nbest = int(np.argmax(student_mean))\nfinal = scores * w',
  ],
  'm1-ex6-broadcasting-distances': [
    'D = np.abs(x[:, None] - x[None, :])\nnearest = D.min(axis=1)',
    'D = x[:, None] - x[None, :]\nnearest = np.ones(5)',
  ],
  'm1-ex7-broadcasting-pitfall': [
    'X_centered = X - X.mean(axis=1, keepdims=True)\nS_centered = S - S.mean(axis=1)',
  ],
  'm1-ex8-float-comparison': [
    'at_03 = t == 0.3\ngrid3 = np.linspace(1.0, 1.2, 3)',
    'at_03 = np.isclose(t, 0.3)\ngrid3 = np.arange(1.0, 1.3, 0.1)',
  ],
  'm1-ex9-vectorised-trapezoid': [
    'def trapezoid(f, a, b, n):\n    x = np.linspace(a, b, n)\n    y = f(x)\n    return (b - a) / n * (y[0] / 2 + y[1:-1].sum() + y[-1] / 2)\napprox = trapezoid(np.sin, 0, np.pi, 100)\nerror = abs(approx - 2)',
    'def trapezoid(f, a, b, n):\n    x = np.linspace(a, b, n + 1)\n    return (b - a) / n * f(x).sum()\napprox = trapezoid(np.sin, 0, np.pi, 100)\nerror = abs(approx - 2)',
  ],
  'm2-ex1-dot-norm-angle': [
    'dot_uv = u @ v\nnorm_u = np.linalg.norm(u)\nangle_deg = np.arccos(dot_uv / (norm_u * np.linalg.norm(v)))',
  ],
  'm2-ex2-matmul-vs-elementwise': [
    'AB = A @ B\nCD = C * D\nCD_elem = C * D\nDC = D @ C',
    'AB = A @ B\nCD = C @ D\nCD_elem = C * D\nDC = C @ D',
  ],
  'm2-ex3-matmul-definition': [
    'def matmul(A, B):\n    C = np.zeros((A.shape[0], B.shape[1]))\n    for i in range(A.shape[0]):\n        for j in range(B.shape[1]):\n            for k in range(A.shape[1]):\n                C[i, j] += A[i, k] * B[k, j]\n    return C',
    'def matmul(A, B):\n    if A.shape[1] != B.shape[0]:\n        raise ValueError("shapes")\n    return A * B.T',
  ],
  'm2-ex4-determinants': [
    'det_A = np.linalg.det(A)\ndet_T = np.prod(np.diag(T))\narea = np.linalg.det(np.column_stack([p1 - p0, p2 - p0])) / 2',
    'det_A = np.linalg.det(A)\ndet_T = np.trace(T)\narea = abs(np.linalg.det(np.column_stack([p1 - p0, p2 - p0]))) / 2',
  ],
  'm2-ex5-solve-system': ['x = np.linalg.solve(A, b)\nresidual = np.linalg.norm(A @ x)'],
  'm2-ex6-ill-conditioned': [
    'i = np.arange(n)\nH = 1.0 / (i[:, None] + i[None, :] + 2)\ncond_H = np.linalg.cond(H)\nx_hat = np.linalg.solve(H, H @ x_true)\nrel_err = np.linalg.norm(x_hat - x_true) / np.linalg.norm(x_true)',
    'i = np.arange(n)\nH = 1.0 / (i[:, None] + i[None, :] + 1)\ncond_H = np.linalg.cond(H)\nx_hat = np.linalg.solve(H, H @ x_true)\nrel_err = np.linalg.norm(x_hat - x_true)',
  ],
  'm2-ex7-safe-solve': [
    'def safe_solve(A, b, max_cond=1e12):\n    if abs(np.linalg.det(A)) < 1e-12:\n        return None\n    return np.linalg.solve(A, b)',
    'def safe_solve(A, b, max_cond=1e12):\n    try:\n        return np.linalg.solve(A, b)\n    except np.linalg.LinAlgError:\n        return None',
  ],
  'm2-ex8-eigen-decomposition': [
    'lam, V = np.linalg.eigh(A)\nresidual = np.abs(A @ V - V * lam).max()\nv_max = V[-1]',
    'lam, V = np.linalg.eigh(A)\nresidual = np.abs(A @ V - V * lam[:, None]).max()\nv_max = V[:, -1]',
  ],
  'm2-ex9-power-iteration': [
    'def power_iteration(A, num_iters=500):\n    v = np.ones(A.shape[0])\n    for _ in range(num_iters):\n        v = A @ v\n    return v @ A @ v / (v @ v), v',
    'def power_iteration(A, num_iters=500):\n    v = np.ones(A.shape[0])\n    for _ in range(num_iters):\n        w = A @ v\n        v = w / np.linalg.norm(w)\n    return np.linalg.norm(A @ v), v',
  ],
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
