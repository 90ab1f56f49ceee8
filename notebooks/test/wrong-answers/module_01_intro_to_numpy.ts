// Plausible wrong answers for module_01_intro_to_numpy.ipynb, by exercise id (see ../wrong-answers.ts).
export const WRONG_ANSWERS_M1: Record<string, string[]> = {
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
};
