import type { Embedder } from '../../types';
import type { PrefilterThresholds } from '../../prefilter/thresholds';
import { CONCEPTS } from './lexicon';
import { EVERYDAY_CONCEPTS } from './lexicon-everyday';
import { STOPWORDS, hash32, stem, tokenize } from './text';

/**
 * The built-in embedder: no network, no download, deterministic. A text becomes a sparse bag of
 * features (hashed word unigrams and bigrams, hashed character 3–5-grams, and the concepts and
 * domains of the lexicon), sublinearly weighted, mapped into a fixed-size vector and L2-normalised.
 * Hashed features share 1024 signed dimensions; concepts and domains get a dimension each, so an
 * idea named by different words still lines up.
 */

const HASHED_DIMENSIONS = 1024;
const MAX_PHRASE = 4;

const WEIGHT = {
  word: 1,
  stopword: 0.25,
  bigram: 0.6,
  charGrams: 0.5,
  concept: 1.6,
  domain: 0.9,
};

interface Lexicon {
  phrases: Map<string, string[]>;
  featureIndex: Map<string, number>;
}

/** Topic concepts first, then the everyday subjects that mark a message as off-topic. */
const ALL_CONCEPTS = [...CONCEPTS, ...EVERYDAY_CONCEPTS];

function buildLexicon(): Lexicon {
  const phrases = new Map<string, string[]>();
  const featureIndex = new Map<string, number>();
  const slot = (feature: string) => {
    if (!featureIndex.has(feature))
      featureIndex.set(feature, HASHED_DIMENSIONS + featureIndex.size);
  };
  for (const concept of ALL_CONCEPTS) {
    slot(`c:${concept.id}`);
    for (const domain of concept.domains) slot(`d:${domain}`);
    for (const term of concept.terms) {
      const key = tokenize(term).map(stem).join(' ');
      if (key === '') continue;
      const ids = phrases.get(key) ?? [];
      if (!ids.includes(concept.id)) ids.push(concept.id);
      phrases.set(key, ids);
    }
  }
  return { phrases, featureIndex };
}

const lexicon = buildLexicon();
const conceptById = new Map(ALL_CONCEPTS.map((concept) => [concept.id, concept]));
export const LOCAL_EMBEDDING_DIMENSIONS = HASHED_DIMENSIONS + lexicon.featureIndex.size;

type AddFeature = (name: string, weight: number) => void;

/** Sparse features of a text, before hashing: name → accumulated weight. */
export function localFeatures(text: string): Map<string, number> {
  const words = tokenize(text).map(stem);
  const features = new Map<string, number>();
  const add: AddFeature = (name, weight) => features.set(name, (features.get(name) ?? 0) + weight);
  addWordFeatures(words, add);
  addConceptFeatures(words, text, add);
  return features;
}

/** Word unigrams and bigrams, and character grams of the longer content words. */
function addWordFeatures(words: string[], add: AddFeature): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const stop = STOPWORDS.has(word);
    add(`w:${word}`, stop ? WEIGHT.stopword : WEIGHT.word);
    const next = words[i + 1];
    if (next !== undefined) add(`b:${word} ${next}`, WEIGHT.bigram);
    if (!stop && word.length >= 4) addCharGramFeatures(word, add);
  }
}

/** Character 3–5-grams of the word padded with "<" and ">", sharing one weight between them. */
function addCharGramFeatures(word: string, add: AddFeature): void {
  const padded = `<${word}>`;
  const grams: string[] = [];
  for (let n = 3; n <= 5; n++) {
    for (let j = 0; j + n <= padded.length; j++) grams.push(padded.slice(j, j + n));
  }
  const each = WEIGHT.charGrams / Math.sqrt(grams.length);
  for (const gram of grams) add(`g:${gram}`, each);
}

/** Lexicon concepts, longest phrase first, each word used by one phrase only. */
function addConceptFeatures(words: string[], text: string, add: AddFeature): void {
  // "What does X mean?" asks for a meaning, not for an average.
  const meaningQuestion = /\bwhat (does|do|did)\b.*\bmean\b/i.test(text);
  for (let i = 0; i < words.length;) {
    if (meaningQuestion && words[i] === 'mean') {
      i++;
      continue;
    }
    i += Math.max(1, addLongestPhraseAt(words, i, add));
  }
}

/** Adds the concepts of the longest lexicon phrase starting at `start`; returns its word count (0 if none). */
function addLongestPhraseAt(words: string[], start: number, add: AddFeature): number {
  for (let n = Math.min(MAX_PHRASE, words.length - start); n >= 1; n--) {
    const ids = lexicon.phrases.get(words.slice(start, start + n).join(' '));
    if (!ids) continue;
    for (const id of ids) addConcept(id, add);
    return n;
  }
  return 0;
}

function addConcept(id: string, add: AddFeature): void {
  add(`c:${id}`, WEIGHT.concept);
  for (const domain of conceptById.get(id)?.domains ?? []) add(`d:${domain}`, WEIGHT.domain);
}

export function embedLocally(text: string): number[] {
  const vector = new Float64Array(LOCAL_EMBEDDING_DIMENSIONS);
  for (const [name, weight] of localFeatures(text)) {
    // Sublinear: a word repeated in a long answer should not drown everything else.
    const value = Math.sqrt(weight);
    const fixed = lexicon.featureIndex.get(name);
    if (fixed !== undefined) {
      vector[fixed] = (vector[fixed] ?? 0) + value;
    } else {
      const h = hash32(name);
      const index = h % HASHED_DIMENSIONS;
      vector[index] = (vector[index] ?? 0) + (h & 0x80000000 ? -value : value);
    }
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  return Array.from(vector, (value) => value / norm);
}

/**
 * Thresholds of local-v1, chosen on the calibration set (ai/prefilter/calibration): see the
 * comment in calibration.test.ts for how.
 */
export const LOCAL_THRESHOLDS: PrefilterThresholds = {
  greeting: 0.4,
  offTopic: 0.12,
  offTopicMatch: 0.2,
  offTopicMargin: 0.12,
  sameProblem: 0.27,
  elaboration: 0.3,
};

export function createLocalEmbedder(): Embedder {
  return {
    id: 'local-v1',
    thresholds: LOCAL_THRESHOLDS,
    embed: async (texts) => texts.map(embedLocally),
  };
}
