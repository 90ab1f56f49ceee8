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

/**
 * One or more descriptions per topic the tutor accepts. A message near one of them carries a topic
 * of its own; a message near none of them is not refused for that (the filter is lenient), only
 * when it is clearly nearer an off-topic anchor (`OFF_TOPIC_ANCHORS`).
 */
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
    'electromagnetism: magnetic fields and flux, induced currents, light and optics',
    'atoms, electrons and particles, nuclear physics, heat and thermodynamics',
  ],
  'science and engineering': [
    'applied science and engineering: chemistry, biology, population models and data',
    'chemistry: elements, molecules, reactions and chemical equations',
    'biology: cells, genes and DNA, evolution and ecology',
    'astronomy and earth science: planets, stars, galaxies, the universe and the climate',
    'engineering and electronics: circuits, semiconductors, structures, materials and robots',
  ],
  computing: [
    'computer science: algorithms and data structures, searching, sorting and complexity',
    'machine learning and artificial intelligence: neural networks, training and prediction',
    'web development and databases: HTML, CSS, JavaScript, SQL queries and APIs',
    'computer systems: operating systems, networks and protocols, compilers, processors and memory',
    'binary numbers, bits and bytes, encryption, security and version control with git',
  ],
  'study help': [
    'homework, an assignment or a problem set to do',
    'revising and preparing for an exam, a test or a quiz',
    'studying a course: lessons, lectures, textbook exercises and practice questions',
    'learning a subject at school or university and improving my grades',
  ],
};

/**
 * Everyday subjects the tutor turns away, one or more descriptions each. A message is refused only
 * when it is close to one of them and clearly closer than to every topic anchor.
 */
export const OFF_TOPIC_ANCHORS: Record<string, string[]> = {
  food: [
    'food and cooking: recipes, meals, dinner and baking',
    'restaurants and takeaways: pizza, burgers, sushi, coffee, drinks and wine',
    'eating healthy food and what to eat',
  ],
  sport: [
    'sport: football, soccer, basketball, tennis, cricket, teams and players',
    'who won the league, the cup or the tournament, and the results',
    'the gym, workouts, fitness training and muscles',
  ],
  entertainment: [
    'films, movies, cinema, Netflix, TV series and actors',
    'music: songs, lyrics, albums, singers, bands and concerts',
    'novels, fiction and fantasy books to read',
    'video games, jokes, funny stories and poems for fun',
  ],
  weather: [
    'the weather: rain, sun, snow, wind and storms',
    'the weather forecast for tomorrow or the weekend, an umbrella or a coat',
  ],
  celebrities: [
    'celebrities and famous people: gossip, influencers, followers and the royal family',
    'which celebrity is dating whom, who is married, a billionaire or on the red carpet',
  ],
  travel: [
    'travel and holidays: flights, airports, hotels, beaches and visas',
    'a trip abroad: tourist sights, landmarks, things to do in a city, packing luggage',
  ],
  shopping: [
    'shopping: what to buy, cheap deals, discounts, shops and opening hours',
    'gifts, clothes, shoes, fashion, make-up, perfume and smartphones to buy',
  ],
  relationships: [
    'dating and relationships: a girlfriend or boyfriend, a crush, a first date, a breakup',
    'love, romance, marriage and a wedding',
  ],
  "the tutor's person": [
    'personal questions: how old are you, are you married, where do you live',
    'your favourite colour, your hobbies, your family, your birthday, do you like',
  ],
  politics: [
    'politics: the president, the prime minister, the government, elections and political parties',
    'the news and current affairs: wars, taxes and immigration',
  ],
  lifestyle: [
    'pets: dogs, puppies and kittens, their food, care and names',
    'beauty and health: hair, skin care, acne, losing weight and diets',
    'horoscopes and astrology, religion, painting and museums, world wars and medieval history',
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
