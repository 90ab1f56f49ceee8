// Plausible wrong answers for module_02_linear_algebra.ipynb, by exercise id (see ../wrong-answers.ts).
export const WRONG_ANSWERS_M2: Record<string, string[]> = {
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
};
