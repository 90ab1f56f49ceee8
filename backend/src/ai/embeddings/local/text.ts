// Tokenising and light stemming shared by the local embedder and its lexicon, so that a lexicon
// term and a word in a message reduce to the same form.

const WORD = /[a-z0-9_]+|@|==/g;

/** Lower-cased word tokens; contractions are folded ("don't" → "dont") before splitting. */
export function tokenize(text: string): string[] {
  const folded = text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/(\d)\s*[x×]\s*(\d)/g, '$1x$2');
  return folded.match(WORD) ?? [];
}

interface SuffixRule {
  applies: (word: string) => boolean;
  strip: (word: string) => string;
}

/** Tried in order; the first rule that applies wins. */
const SUFFIX_RULES: SuffixRule[] = [
  { applies: (w) => w.endsWith('ies') && w.length > 4, strip: (w) => `${w.slice(0, -3)}y` },
  // matrices
  { applies: (w) => w.endsWith('ices') && w.length > 5, strip: (w) => `${w.slice(0, -4)}ix` },
  { applies: (w) => /(ss|sh|ch|x|z)es$/.test(w), strip: (w) => w.slice(0, -2) },
  { applies: (w) => w.endsWith('ing') && w.length > 5, strip: (w) => dropFinalE(w.slice(0, -3)) },
  {
    applies: (w) => w.endsWith('ed') && w.length > 4 && !w.endsWith('eed'),
    strip: (w) => dropFinalE(w.slice(0, -2)),
  },
  { applies: isPluralS, strip: (w) => dropFinalE(w.slice(0, -1)) },
];

/** A final "s" that marks a plural or a verb, not the "ss" of "class" or the "us"/"is" of a stem. */
function isPluralS(word: string): boolean {
  return word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is');
}

/** A deliberately small suffix stripper: plurals and the commonest verb endings. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const rule = SUFFIX_RULES.find((candidate) => candidate.applies(word));
  return rule ? rule.strip(word) : dropFinalE(word);
}

/** "interpolate", "interpolated" and "interpolating" all become "interpolat". */
function dropFinalE(word: string): string {
  return word.length > 4 && word.endsWith('e') ? word.slice(0, -1) : word;
}

export function stems(text: string): string[] {
  return tokenize(text).map(stem);
}

/** Function words (stemmed): weak features, since "what do you mean" is mostly function words. */
export const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from into onto about as is am are was were be been ' +
    'being do doe did dont doesnt didnt have ha had it its this that these those there here i me my we our you ' +
    'your he she they them their what which who whom how when where can could would should will shall may ' +
    'might must not no yes so than then too very just also please some any all each my mine us up out over ' +
    'again one get got like want need let make use thing'
  )
    .split(' ')
    .map(stem),
);

/** FNV-1a, 32 bit. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
