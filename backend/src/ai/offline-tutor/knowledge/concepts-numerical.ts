import type { KnowledgeEntry } from './types';

// General numerical methods that the modules lean on: quadrature and root finding.

export const NUMERICAL_INTEGRATION: KnowledgeEntry = {
  id: 'numerical-integration',
  title: 'Numerical integration (trapezoidal and Simpson rules)',
  keywords: [
    'trapezoid',
    'trapezoidal',
    'simpson',
    'quadrature',
    'numerical integration',
    'integrate numerically',
    'integral',
    'area under',
    'np.trapz',
    'trapezoid rule',
    'scipy.integrate',
    'quad',
  ],
  questions: [
    'If you split the interval into $n$ pieces, what simple shape could approximate the area over each piece?',
    'How wide is each piece, and which function values do you need?',
    'What happens to the error when you double $n$? How could you check that numerically?',
  ],
  concept:
    "Numerical integration replaces $\\int_a^b f(x)\\,dx$ by a weighted sum of function values. With $n$ intervals of width $h = (b - a)/n$ and nodes $x_i = a + ih$, the **trapezoidal rule** joins neighbouring points by straight lines: $$T_n = h\\left(\\tfrac{1}{2}f(x_0) + f(x_1) + \\dots + f(x_{n-1}) + \\tfrac{1}{2}f(x_n)\\right),$$ with error $O(h^2)$: doubling $n$ divides the error by about 4. **Simpson's rule** fits parabolas through pairs of intervals ($n$ even), weights $\\tfrac{h}{3}(1, 4, 2, 4, \\dots, 4, 1)$, with error $O(h^4)$.",
  analogy:
    'Measuring the area of a curved field by cutting it into thin strips and treating each strip as a trapezoid.',
  steps: [
    'Choose $n$ and compute $h$ and the nodes with `np.linspace(a, b, n + 1)`.',
    'Evaluate $f$ at all nodes at once (vectorised).',
    'Apply the weights: one half at both ends for the trapezoidal rule, 1-4-2-4-…-1 times $h/3$ for Simpson.',
    'Compare with a known integral and watch the error as $n$ doubles.',
  ],
  example: {
    intro: 'Complete the trapezoidal rule for $\\int_0^\\pi \\sin x\\,dx = 2$:',
    code: 'import numpy as np\n\ndef trapezoid(f, a, b, n):\n    x = np.linspace(a, b, n + 1)\n    y = f(x)\n    h = ___\n    return h * (___ + y[1:-1].sum())\n\nprint(trapezoid(np.sin, 0, np.pi, 100))   # close to 2?',
  },
  solution: {
    intro: 'Both rules, with an error check:',
    code: 'import numpy as np\n\ndef trapezoid(f, a, b, n):\n    x = np.linspace(a, b, n + 1)\n    y = f(x)\n    h = (b - a) / n\n    return h * (0.5 * y[0] + y[1:-1].sum() + 0.5 * y[-1])\n\ndef simpson(f, a, b, n):\n    if n % 2:\n        raise ValueError("Simpson needs an even number of intervals")\n    x = np.linspace(a, b, n + 1)\n    y = f(x)\n    h = (b - a) / n\n    return h / 3 * (y[0] + 4 * y[1:-1:2].sum() + 2 * y[2:-1:2].sum() + y[-1])\n\nfor n in (10, 20, 40):\n    print(n, abs(trapezoid(np.sin, 0, np.pi, n) - 2), abs(simpson(np.sin, 0, np.pi, n) - 2))',
    explanation:
      "Each doubling of $n$ divides the trapezoidal error by about 4 ($O(h^2)$) and Simpson's by about 16 ($O(h^4)$): the printed errors show the order of the method.",
  },
  pitfalls: [
    '$n$ intervals need $n + 1$ points.',
    'Forgetting the one-half weights at the ends.',
    'Simpson with an odd number of intervals.',
  ],
  variations: [
    '`scipy.integrate.quad` chooses the points adaptively.',
    '`np.trapezoid(y, x)` (formerly `np.trapz`) for sampled data.',
  ],
};

export const ROOT_FINDING: KnowledgeEntry = {
  id: 'root-finding',
  title: "Root finding: bisection and Newton's method",
  keywords: [
    'root',
    'roots',
    'bisection',
    'newton',
    "newton's method",
    'newton raphson',
    'secant',
    'fsolve',
    'brentq',
    'zero of a function',
    'solve f(x) = 0',
    'find x such that',
  ],
  questions: [
    'If $f(a)$ and $f(b)$ have opposite signs, what can you say about $f$ between $a$ and $b$?',
    'Which half of the interval must contain the root after you look at the midpoint?',
    "If you know the slope $f'(x)$, where does the tangent line cross zero?",
  ],
  concept:
    "**Bisection** keeps an interval $[a, b]$ with $f(a) f(b) < 0$ and halves it each step, keeping the half where the sign changes: it always converges, gaining one binary digit per step (error $\\le (b - a)/2^{k+1}$). **Newton's method** follows the tangent: $$x_{k+1} = x_k - \\frac{f(x_k)}{f'(x_k)},$$ and converges quadratically (the number of correct digits roughly doubles each step) once close to a simple root, but can diverge from a poor start or when $f'(x_k) \\approx 0$.",
  analogy:
    'Bisection is the "higher or lower?" guessing game; Newton is sliding down the tangent line to where it hits the ground.',
  steps: [
    'Bisection: check the sign change, then loop: midpoint, test the sign, keep the half with the change, stop when the interval is below the tolerance.',
    "Newton: start from a guess, loop $x \\leftarrow x - f(x)/f'(x)$, stop when the step is below the tolerance or after a maximum number of iterations.",
    "Guard against $f'(x) = 0$ and count iterations.",
    'Check the result: $|f(x)|$ should be tiny.',
  ],
  example: {
    intro: 'Complete bisection for $x^2 - 2 = 0$ on $[1, 2]$:',
    code: 'def bisection(f, a, b, tol=1e-10):\n    if f(a) * f(b) > 0:\n        raise ValueError("no sign change")\n    while b - a > tol:\n        m = (a + b) / 2\n        if f(a) * f(m) <= 0:\n            ___ = m\n        else:\n            ___ = m\n    return (a + b) / 2\n\nprint(bisection(lambda x: x**2 - 2, 1, 2))   # 1.414...?',
  },
  solution: {
    intro: 'Bisection and Newton side by side:',
    code: 'def bisection(f, a, b, tol=1e-10):\n    if f(a) * f(b) > 0:\n        raise ValueError("f(a) and f(b) must have opposite signs")\n    while b - a > tol:\n        m = (a + b) / 2\n        if f(a) * f(m) <= 0:\n            b = m\n        else:\n            a = m\n    return (a + b) / 2\n\ndef newton(f, df, x, tol=1e-12, max_iter=50):\n    for _ in range(max_iter):\n        slope = df(x)\n        if slope == 0:\n            raise ZeroDivisionError("zero derivative")\n        step = f(x) / slope\n        x -= step\n        if abs(step) < tol:\n            return x\n    raise RuntimeError("no convergence")\n\nf = lambda x: x**2 - 2\nprint(bisection(f, 1, 2))                  # 1.4142135623...\nprint(newton(f, lambda x: 2 * x, 1.0))     # 1.4142135623730951 in 5 steps',
    explanation:
      'Bisection needs about 34 halvings to reach $10^{-10}$ from an interval of length 1; Newton reaches full precision in about 5 steps because its error is squared each step.',
  },
  pitfalls: [
    'Newton from a bad start can jump away or cycle.',
    'Stopping on $|f(x)|$ alone misleads when $f$ is very flat or very steep.',
    'Bisection needs a sign change; a double root has none.',
  ],
  variations: [
    "`scipy.optimize.brentq` combines bisection's safety with faster steps.",
    "The secant method replaces $f'$ by a difference quotient.",
  ],
};
