// Does a text (a hint, a tutor answer) give an exercise's server-only solution away? Pure: used by
// the authored-hints test, the tutor evaluation and the leak guard on model answers.
//
// Below hint 4, a leak is any meaningful line of the solution or any key expression of it (a call
// with its arguments, an indexing with slices, the right side of an assignment). At hint 4 (partial
// code the student completes), a leak is (nearly) the whole solution: less than a fifth of its
// characters left for the student to write (gaps `...`, `___` or `…` in a line count as left).
// Lines and expressions the student is given anyway (the notebook's starter and placeholder cells)
// never count.

/** Shorter normalised lines and expressions are idioms, not answers (`return p`, `len(x)`). */
const MIN_LINE_CHARS = 12;
const MIN_EXPRESSION_CHARS = 9;
/** At hint 4, at least this share of the solution must be left to the student. */
const MIN_WORK_LEFT = 0.2;
const GAP = /\.\.\.|…|_{3,}/g;
const HAS_GAP = /\.\.\.|…|_{3,}/;

export interface SolutionLeak {
  kind: 'line' | 'expression' | 'whole_solution';
  /** The normalised line or expression found (or a summary for the whole solution). */
  found: string;
}

/** `code` without comments and without any whitespace. */
export function normaliseCode(code: string): string {
  let quote: string | undefined;
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (quote !== undefined) {
      out += ch;
      if (ch === '\\') out += code[++i] ?? '';
      else if (ch === quote || ch === '\n') quote = undefined;
    } else if (ch === '#') {
      while (i < code.length && code[i] !== '\n') i++;
    } else {
      if (ch === '"' || ch === "'") quote = ch;
      out += ch;
    }
  }
  return out.replace(/\s+/g, '');
}

function closingIndex(text: string, open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const ch = text[i] as string;
    if (pairs[ch]) stack.push(pairs[ch]);
    else if (ch === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/** `code` without comments, its whitespace runs as single spaces (keywords stay apart). */
function spacedCode(code: string): string {
  return code
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').replace(/\s+/g, ' ').trim())
    .join('\n');
}

/**
 * Key expressions of a solution line (comments gone, spaces kept so `if np.f(x)` is not read as
 * a call of `ifnp.f`), normalised: calls with their receiver (`np.linalg.solve(A,b)`), slicing
 * subscripts (`x[:,None]`) and the right side of an assignment.
 */
function expressionsOf(spaced: string): string[] {
  return rawExpressionsOf(spaced).map(normaliseCode);
}

function rawExpressionsOf(line: string): string[] {
  const found: string[] = [];
  for (const match of line.matchAll(/[A-Za-z_][\w.]*(?=[([])/g)) {
    const open = match.index + match[0].length;
    const close = closingIndex(line, open);
    if (close < 0) continue;
    const expression = line.slice(match.index, close + 1);
    const inner = line.slice(open + 1, close);
    if (line[open] === '(' && inner !== '') found.push(expression);
    if (line[open] === '[' && /:|None|newaxis/.test(inner)) found.push(expression);
  }
  const assigned = /^[\w.[\],: ]+?\s*(?:[-+*/@]?=)(?!=)(.+)$/.exec(line)?.[1];
  if (assigned && /[-+*/@([]/.test(assigned)) found.push(assigned);
  return found;
}

export interface SolutionJudge {
  /** What in `text` gives the solution away at this hint level (empty: nothing; level 5: never). */
  leaks(text: string, hintLevel: number): SolutionLeak[];
}

/**
 * A judge for one exercise's solution. `given`: code the student has anyway (the notebook's cells
 * of the exercise), whose lines and expressions never count.
 */
export function solutionJudge(solution: string, given: string[] = []): SolutionJudge {
  const givenText = given.map(normaliseCode).join('\n');
  const givenLines = new Set(given.flatMap((code) => code.split('\n').map(normaliseCode)));
  const lines = solution
    .split('\n')
    .map(normaliseCode)
    .filter((line) => line.length >= MIN_LINE_CHARS && !/^(import|from)\b/.test(line))
    .filter((line) => !givenLines.has(line));
  const spacedLines = spacedCode(solution)
    .split('\n')
    .filter((line) => lines.includes(normaliseCode(line)));
  const expressions = [...new Set(spacedLines.flatMap(expressionsOf))].filter(
    (e) => e.length >= MIN_EXPRESSION_CHARS && !givenText.includes(e),
  );

  return {
    leaks(text, hintLevel) {
      if (hintLevel >= 5) return [];
      const flat = normaliseCode(text);
      if (hintLevel === 4) return wholeSolutionIn(text, lines);
      const found: SolutionLeak[] = lines
        .filter((line) => flat.includes(line))
        .map((line) => ({ kind: 'line', found: line }));
      for (const expression of expressions) {
        if (flat.includes(expression) && !found.some((f) => f.found.includes(expression)))
          found.push({ kind: 'expression', found: expression });
      }
      return found;
    },
  };
}

/** Characters of `line` still to write after the text's best matching line (gaps count). */
function workLeft(line: string, textLines: string[]): number {
  let best = line.length;
  for (const candidate of textLines) {
    if (candidate === line) return 0;
    if (!HAS_GAP.test(candidate)) continue;
    const pattern = candidate
      .split(GAP)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('(.*?)');
    const match = new RegExp(`^${pattern}$`).exec(line);
    if (match)
      best = Math.min(
        best,
        match.slice(1).reduce((n, gap) => n + gap.length, 0),
      );
  }
  return best;
}

function wholeSolutionIn(text: string, lines: string[]): SolutionLeak[] {
  const total = lines.reduce((n, line) => n + line.length, 0);
  if (total === 0) return [];
  const textLines = text.split('\n').map(normaliseCode).filter(Boolean);
  const left = lines.reduce((n, line) => n + workLeft(line, textLines), 0);
  if (left / total >= MIN_WORK_LEFT) return [];
  const share = Math.round((100 * left) / total);
  return [{ kind: 'whole_solution', found: `${share}% of the solution left to the student` }];
}
