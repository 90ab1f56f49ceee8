// What the workspace tutor adds to a chat turn: the module, the exercise's authored hints, and the
// student's cell code and error output as delimited, untrusted data.
import { createHash } from 'node:crypto';
import { MAX_CELL_CODE_CHARS, MAX_ERROR_OUTPUT_CHARS } from '@tutor/shared/chat';
import type { ExerciseChecks, ExerciseMaterial, HintLevel } from '../pedagogy/types';
import type { TurnContext } from '../conversation';
import { storableText } from '../db/text';

export interface Truncated {
  text: string;
  /** Characters of the original text. */
  chars: number;
  truncated: boolean;
}

/** Keeps the start of long code (imports and definitions come first), with a marker. */
export function truncateHead(text: string, limit: number): Truncated {
  if (text.length <= limit) return { text, chars: text.length, truncated: false };
  const marker = `\n… [truncated: ${text.length - limit} more characters]`;
  return { text: text.slice(0, limit) + marker, chars: text.length, truncated: true };
}

/** Keeps the end of a long traceback (the error itself is on its last lines), with a marker. */
export function truncateTail(text: string, limit: number): Truncated {
  if (text.length <= limit) return { text, chars: text.length, truncated: false };
  const marker = `[truncated: ${text.length - limit} earlier characters] …\n`;
  return { text: marker + text.slice(text.length - limit), chars: text.length, truncated: true };
}

/** Hash of the cell code with line endings and trailing whitespace normalised; null when empty. */
export function cellCodeHash(code: string | null | undefined): string | null {
  const normalised = (code ?? '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
  return normalised === '' ? null : createHash('sha256').update(normalised).digest('hex');
}

export interface TutorModule {
  title: string;
  description: string;
}

/**
 * The exercise's authored guidance for the model, graduated like the hints themselves: the hints
 * up to the answer's level, and the reference solution only for a full-solution answer.
 */
export function exerciseSection(exercise: ExerciseMaterial, hintLevel: HintLevel): string {
  const hints = exercise.hints
    .slice(0, Math.min(hintLevel, 4))
    .map((hint, index) => `Hint ${index + 1}: ${hint}`)
    .join('\n');
  const lines = [
    `The student is on the exercise "${exercise.title}": ${exercise.prompt}`,
    exercise.concepts.length > 0 ? `Concepts: ${exercise.concepts.join(', ')}.` : '',
    `Authored hints for this exercise (use them; do not go beyond this answer's hint level):\n${hints}`,
  ];
  if (hintLevel === 5) {
    lines.push(
      `Reference solution:\n\`\`\`python\n${exercise.solution}\n\`\`\`\n${exercise.explanation}`,
    );
  }
  return lines.filter(Boolean).join('\n');
}

/**
 * Where the student stands on the exercise, for the model: the check state (self-reported by the
 * browser) and what to do about it.
 */
export function checksSection(checks: ExerciseChecks): string {
  switch (checks.state) {
    case 'passed':
      return (
        "The exercise's self-check has passed (reported by the student's notebook). Recognise " +
        'that briefly and specifically; do not give more hints or the solution. If they want more, ' +
        'offer one deeper question: a variation, an edge case, the cost, or why it works.'
      );
    case 'not_yet':
      return (
        `The exercise's self-check has run ${checks.runs} time(s) and has not passed yet; its ` +
        `latest line was: ${JSON.stringify(checks.lastMessage ?? '')}. Use it to see what is still wrong.`
      );
    case 'not_tried':
      return (
        "The student has not run this exercise's check yet. If they ask why their code fails and " +
        'there is no error output, do not guess: ask them to run the cell (and its check) first and ' +
        'tell you what happens.'
      );
  }
}

export interface TutorFrameContext {
  cellCode?: string | null;
  errorOutput?: string | null;
  exercise?: ExerciseMaterial;
  /** The exercise's check state (with `exercise`). */
  checks?: ExerciseChecks;
  /** False when Python is not running in the notebook. */
  pythonReady?: boolean;
}

/** Said to the model while Python cannot run in the student's notebook. */
export const PYTHON_DOWN_SECTION =
  "Python is not running in the student's notebook right now (it could not start). Do not ask " +
  'them to run code or cells: reason through the code with them, and mention that the notebook ' +
  'banner offers to start Python again.';

export interface BuiltTutorContext {
  context: Omit<TurnContext, 'onAnswered'>;
  cellCode: Truncated;
  errorOutput: Truncated;
}

export function buildTutorContext(
  module: TutorModule,
  frame: TutorFrameContext,
): BuiltTutorContext {
  // Well-formed text for the model (a NUL, a lone surrogate, or a pair the cut split: U+FFFD).
  const wellFormed = (truncated: Truncated) => ({
    ...truncated,
    text: storableText(truncated.text),
  });
  const cellCode = wellFormed(truncateHead(frame.cellCode ?? '', MAX_CELL_CODE_CHARS));
  const errorOutput = wellFormed(truncateTail(frame.errorOutput ?? '', MAX_ERROR_OUTPUT_CHARS));
  const moduleSection = `The student is working in the learning module "${module.title}" in a Jupyter notebook (Python running in the browser with Pyodide: NumPy, SciPy, Matplotlib and SymPy available, no network, no file system).\nModule description: ${module.description}`;
  const { exercise, checks } = frame;
  const exerciseSections = (hintLevel: HintLevel) =>
    exercise
      ? [exerciseSection(exercise, hintLevel), ...(checks ? [checksSection(checks)] : [])]
      : [];
  return {
    cellCode,
    errorOutput,
    context: {
      systemSections: (hintLevel) => [
        moduleSection,
        ...exerciseSections(hintLevel),
        ...(frame.pythonReady === false ? [PYTHON_DOWN_SECTION] : []),
      ],
      untrusted: [
        { label: 'cell_code (the notebook cell the student is on)', text: cellCode.text },
        { label: 'error_output (from the last run of that cell)', text: errorOutput.text },
      ],
      material: {
        moduleTitle: module.title,
        ...(cellCode.text !== '' && { cellCode: cellCode.text }),
        ...(errorOutput.text !== '' && { errorOutput: errorOutput.text }),
        ...(exercise && { exercise }),
        ...(exercise && checks && { checks }),
        ...(frame.pythonReady === false && { pythonDown: true }),
      },
      ...(exercise && checks && { checks }),
      cellHash: cellCodeHash(frame.cellCode) ?? undefined,
    },
  };
}
