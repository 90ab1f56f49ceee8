/**
 * The lines of the student's cell that an answer should point at: the line a traceback names,
 * else lines that mention the identifiers the error or topic is about.
 */
export function relevantLines(
  cellCode: string | undefined,
  errorOutput: string | undefined,
  needles: string[],
): string[] {
  if (!cellCode || cellCode.trim() === '') return [];
  const lines = cellCode.split('\n');
  const fromTraceback = tracebackLineNumber(errorOutput);
  if (fromTraceback !== null) {
    const line = lines[fromTraceback - 1];
    if (line !== undefined && line.trim() !== '') return [line.trimEnd()];
  }
  const wanted = needles.map((needle) => needle.trim()).filter((needle) => needle.length > 0);
  if (wanted.length === 0) return [];
  const hits = lines.filter((line) => {
    const code = line.replace(/#.*$/, '');
    return wanted.some((needle) => containsIdentifier(code, needle));
  });
  return hits.slice(0, 3).map((line) => line.trimEnd());
}

/** "line 4" in a traceback (the innermost frame is the last one mentioned), or "----> 4". */
function tracebackLineNumber(errorOutput: string | undefined): number | null {
  if (!errorOutput) return null;
  const arrows = [...errorOutput.matchAll(/-+>\s*(\d+)/g)];
  const mentions = [...errorOutput.matchAll(/line (\d+)/g)];
  const last = arrows.at(-1) ?? mentions.at(-1);
  return last?.[1] ? Number(last[1]) : null;
}

function containsIdentifier(code: string, needle: string): boolean {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const wordLike = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(needle);
  return wordLike
    ? new RegExp(`(^|[^A-Za-z0-9_])${escaped}([^A-Za-z0-9_]|$)`).test(code)
    : code.includes(needle);
}

/** Inline code that survives backticks inside the line. */
export function inlineCode(line: string): string {
  const text = line.trim();
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** Words that are code in a cell but plain English in a question, so never a sign of reference. */
const COMMON = new Set(
  'the and for while with from import print array list return def not none true false this that what why how does do my is in of to it can'.split(
    ' ',
  ),
);

/** Names the question mentions that the cell also uses ("my evens array" → evens). */
export function namesFromQuestion(question: string, cellCode: string | undefined): string[] {
  if (!cellCode) return [];
  const words = new Set(question.match(/[A-Za-z_][A-Za-z0-9_]{1,}/g) ?? []);
  return [...words].filter(
    (word) =>
      !COMMON.has(word.toLowerCase()) && containsIdentifier(cellCode.replace(/#.*$/gm, ''), word),
  );
}
