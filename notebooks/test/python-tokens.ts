// Just enough of Python's lexical structure to compare code for the leak test: a line without
// comments and spaces, and "shapes" of code (runs of tokens whose local names are replaced), so a
// reference function with renamed variables is found as well as a copied line.
import { normaliseCode } from '../../backend/src/pedagogy/solution-leak';

const KEYWORDS = new Set(
  (
    'and as assert break class continue def del elif else except False finally for from global if ' +
    'import in is lambda None nonlocal not or pass raise return True try while with yield ' +
    'abs all any bool dict enumerate float int len list map max min range reversed round sorted ' +
    'sum tuple zip np'
  ).split(' '),
);

/** The shortest normalised line that counts as giving something away (shorter: `return p`). */
const MIN_LINE_LENGTH = 12;
/** Tokens in a code shape: long enough that a shared shape is shared logic, not an idiom. */
const SHAPE_TOKENS = 12;

/** `line` without its comment and without any whitespace (the leak judge's normalisation). */
export const normaliseLine = (line: string): string => normaliseCode(line);

/** The text after `#` on each line of `code` that has one (a `#` inside a string counts too:
 * good enough for notebooks, whose strings rarely hold one). */
export function commentsOf(code: string): string[] {
  return code.split('\n').flatMap((line) => {
    const at = line.indexOf('#');
    return at < 0 ? [] : [line.slice(at + 1)];
  });
}

/** The normalised lines of `code` long enough to matter. */
export function meaningfulLines(code: string): string[] {
  return code
    .split('\n')
    .map(normaliseLine)
    .filter((line) => line.length >= MIN_LINE_LENGTH && !/^(import|from)\b/.test(line));
}

const TOKEN =
  /[rbfuRBFU]{0,2}(?:'''[\s\S]*?'''|"""[\s\S]*?"""|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")|\d[\w.]*|[A-Za-z_]\w*|\*\*|\/\/|==|!=|<=|>=|->|#[^\n]*|\S/g;

/** Tokens of `code`, with strings as STR and local names as NAME (attributes, keyword
 * arguments, keywords, builtins and `np` are kept). */
export function tokens(code: string): string[] {
  const raw = (code.match(TOKEN) ?? []).filter((t) => !t.startsWith('#'));
  const out: string[] = [];
  let depth = 0;
  raw.forEach((token, i) => {
    if ('([{'.includes(token)) depth++;
    if (')]}'.includes(token)) depth--;
    if (/^[rbfuRBFU]{0,2}['"]/.test(token)) out.push('STR');
    else if (!/^[A-Za-z_]\w*$/.test(token) || KEYWORDS.has(token)) out.push(token);
    else if (raw[i - 1] === '.') out.push(token);
    else if (depth > 0 && raw[i + 1] === '=') out.push(token);
    else out.push('NAME');
  });
  return out;
}

/** Every run of SHAPE_TOKENS consecutive tokens of `code`, joined. */
export function codeShapes(code: string): Set<string> {
  const t = tokens(code);
  const shapes = new Set<string>();
  for (let i = 0; i + SHAPE_TOKENS <= t.length; i++) {
    shapes.add(t.slice(i, i + SHAPE_TOKENS).join(' '));
  }
  return shapes;
}
