// Anchor phrases of the embedding pre-filter (foundation §2). They are embedded once per process in
// one batch. The calibration set (calibration/*.json) is written separately and must not copy these
// phrases, so that the calibration test measures how the filter generalises.

export const GREETING_ANCHORS = [
  'hello',
  'hi',
  'hi there',
  'hey',
  'hey there',
  'good morning',
  'good afternoon',
  'good evening',
  'hello, how are you?',
  'greetings',
  'howdy',
  'nice to meet you',
  'thanks a lot',
  'thank you very much',
  'bye for now',
  'ok, got it',
  'great, that helps',
];

/** One or more descriptions per topic the tutor accepts; a message near none of them is off-topic. */
export const TOPIC_ANCHORS: Record<string, string[]> = {
  programming: [
    'Python programming: variables, functions, loops, lists, dictionaries, strings and classes',
    'my code raises an error or exception with a traceback and I need to debug it',
    'how to write, run and fix a program or script in a notebook cell',
    'NumPy arrays: creating, indexing, slicing, reshaping and broadcasting',
    'plotting data with matplotlib',
  ],
  'general maths': [
    'mathematics: algebra, equations, functions, formulas and proofs',
    'arithmetic, numbers, fractions, powers, logarithms and trigonometry',
    'probability and statistics: mean, variance and distributions',
  ],
  'linear algebra': [
    'linear algebra: matrices and vectors, transpose, inverse and rank',
    'determinants and singular matrices',
    'eigenvalues and eigenvectors of a matrix',
    'solving a linear system of equations, matrix decompositions and the condition number',
    'matrix multiplication and dot products',
  ],
  calculus: [
    'calculus: derivatives, the chain rule and rates of change',
    'integrals, antiderivatives and the area under a curve',
    'limits, sequences, Taylor series and convergence',
    'ordinary differential equations and initial value problems',
  ],
  'numerical methods': [
    'numerical methods: approximation error and convergence of an iterative method',
    'floating point precision and rounding errors',
    'root finding with bisection or Newton iterations',
    'numerical integration and differentiation',
    'interpolation with polynomials: Lagrange, Newton divided differences, splines and Chebyshev nodes',
    'fitting a curve to data points',
  ],
  'Fourier analysis': ['Fourier analysis: Fourier series, FFT, frequencies, signals and spectra'],
  physics: [
    'physics: forces, motion, energy, waves, electricity and oscillators',
    'simulating a physical system with a numerical model',
  ],
  'applied science': [
    'applied science and engineering: chemistry, biology, population models and data',
  ],
};

export const ELABORATION_ANCHORS = [
  "I don't understand",
  'explain more',
  'explain it again',
  'show me step by step',
  'give me an example',
  'just tell me',
  'what do you mean?',
  'continue',
  'why?',
  'I am still confused',
  'can you give me another hint',
  'tell me the answer',
  'go on',
  'can you clarify that',
];
