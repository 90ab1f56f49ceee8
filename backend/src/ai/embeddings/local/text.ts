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

/** A deliberately small suffix stripper: plurals and the commonest verb endings. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ices') && word.length > 5) return `${word.slice(0, -4)}ix`; // matrices
  if (/(ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 5) return dropFinalE(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4 && !word.endsWith('eed'))
    return dropFinalE(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) {
    return dropFinalE(word.slice(0, -1));
  }
  return dropFinalE(word);
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
