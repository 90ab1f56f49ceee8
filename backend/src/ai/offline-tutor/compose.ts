import type { ModelMessage, TutorMaterial } from '../types';
import type { ExerciseMaterial, HintLevel } from '../../pedagogy/types';
import { hasFollowUpCue } from '../../pedagogy/follow-up';
import { embedLocally, LOCAL_THRESHOLDS, localFeatures } from '../embeddings/local/local-embedder';
import { cosine, weightedMean } from '../embeddings/similarity';
import { inlineCode, namesFromQuestion, relevantLines } from './code-quote';
import { genericAnswer } from './generic';
import { lookupAnswer, lookupOf } from './lookups';
import type { KnowledgeEntry } from './knowledge';
import { detectError, matchConcept, type ErrorMatch } from './match';

interface Style {
  /** Programming or maths level 1–2: analogies, gentler wording. */
  simple: boolean;
  /** Both levels 4–5: fewer words. */
  concise: boolean;
  /** Answers the session already has: follow-ups open differently from a first answer. */
  turn: number;
}

/** How an answer about `title` opens: a first answer, then varied follow-ups. */
function openingFor(title: string, style: Style): string {
  if (style.concise) return `**${title}.**`;
  if (style.turn === 0) return `Let's work on this together. Topic: **${title}**.`;
  const followUps = [
    `One step further on **${title}**.`,
    `Let's look at **${title}** from another side.`,
    `Back to **${title}**, a little more concrete this time.`,
  ];
  return followUps[(style.turn - 1) % followUps.length] as string;
}

function styleOf(material: TutorMaterial): Style {
  const low = Math.min(material.programmingLevel, material.mathsLevel);
  return {
    simple: low <= 2,
    concise: material.programmingLevel >= 4 && material.mathsLevel >= 4,
    turn: 0,
  };
}

const fence = (code: string) => `\`\`\`python\n${code.trimEnd()}\n\`\`\``;
const bullets = (items: string[]) => items.map((item) => `- ${item}`).join('\n');
const numbered = (items: string[]) => items.map((item, i) => `${i + 1}. ${item}`).join('\n');
const firstSentence = (text: string) => /^(.+?[.!?])(\s|$)/s.exec(text)?.[1] ?? text;

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Closing lines, varied so that two replies in a row never end alike. */
const CLOSINGS = [
  'If you are still stuck after trying, ask again and I will give you a more concrete hint.',
  'Give it a go in your notebook; if it still does not work, tell me what you see.',
  'Try that first. When you have a result (or an error), show me and we take the next step.',
  'Have a try, and ask me again with what happened if you need more.',
];
const LAST_CLOSINGS = [
  'Read it through, then try to write it again yourself without looking.',
  'Once it runs, change one thing and predict the result before you run it again.',
];

/** While Python cannot run in the notebook: nothing that asks the student to run code. */
const PYTHON_DOWN_CLOSINGS = [
  'Python is not running in your notebook right now: think it through on paper, and start Python again from the banner when you want to try it.',
  'Work it out by hand first; once Python runs again (the banner above the notebook restarts it), try it in your cell.',
];

/** The reply's last line: which one depends on how many answers the session already has. */
function closingLine(level: HintLevel, history: ModelMessage[], pythonDown = false): string {
  const answered = history.filter((message) => message.role === 'assistant').length;
  const closings = pythonDown ? PYTHON_DOWN_CLOSINGS : level < 5 ? CLOSINGS : LAST_CLOSINGS;
  return `\n\n${closings[answered % closings.length]}`;
}

/** Topic, error and exercise: what the answer is about, searched from the newest message back. */
interface Subject {
  error: ErrorMatch | null;
  concept: KnowledgeEntry | null;
  question: string;
}

/**
 * The earlier problem a follow-up continues, if the message is one: it refers back ("so…", "…it"),
 * asks for more ("I don't understand"), or resembles the earlier question and answer as closely as
 * the pre-filter's same-problem check requires. Otherwise null: a new question without a matching
 * note gets the generic answer, not the previous topic.
 */
function earlierSubject(message: string, history: ModelMessage[]): Subject | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i] as ModelMessage;
    if (turn.role !== 'user' || turn.content === message) continue;
    const error = detectError(turn.content);
    const concept = matchConcept(turn.content);
    if (!error && !concept?.named) continue;
    const answer =
      history[i + 1]?.role === 'assistant' ? (history[i + 1] as ModelMessage).content : '';
    const context = weightedMean([
      { vector: embedLocally(turn.content), weight: 0.5 },
      { vector: embedLocally(answer), weight: 0.5 },
    ]);
    const current = embedLocally(message);
    const continues =
      hasFollowUpCue(message) ||
      localFeatures(message).has('c:elaboration') ||
      cosine(current, context) >= LOCAL_THRESHOLDS.sameProblem;
    return continues ? { error, concept: concept?.entry ?? null, question: turn.content } : null;
  }
  return null;
}

function findSubject(material: TutorMaterial, history: ModelMessage[]): Subject {
  const error = detectError(material.errorOutput) ?? detectError(material.question);
  const current = matchConcept(material.question);
  if (error || current?.named)
    return { error, concept: current?.entry ?? null, question: material.question };
  return (
    earlierSubject(material.question, history) ?? {
      error: null,
      concept: current?.entry ?? null,
      question: material.question,
    }
  );
}

/** The whole answer of the offline tutor as markdown, for one hint level. */
export function composeAnswer(
  material: TutorMaterial,
  level: HintLevel,
  history: ModelMessage[] = [],
): string {
  const style = {
    ...styleOf(material),
    turn: history.filter((m) => m.role === 'assistant').length,
  };
  const standing = checkStandingAnswer(material);
  if (standing) return standing;
  const lookup = lookupOf(material.question);
  if (lookup && !material.needsAttempt)
    return lookupAnswer(lookup) + closingLine(level, history, material.pythonDown);
  const subject = findSubject(material, history);
  const explanation = explanationRequest(material, subject);
  if (explanation) return explanation + closingLine(level, history, material.pythonDown);
  const parts: string[] = [];
  if (material.needsAttempt) parts.push(NEEDS_ATTEMPT_LEADS[style.turn % 2] as string);

  if (subject.error) {
    parts.push(errorAnswer(subject.error, material, level, style));
  } else if (material.exercise && (exerciseFits(material.exercise, subject) || !subject.concept)) {
    parts.push(exerciseAnswer(material.exercise, subject.concept, material, level, style));
  } else if (subject.concept) {
    parts.push(conceptAnswer(subject.concept, material, level, style));
  } else {
    parts.push(genericAnswer(material, level, style.simple));
  }
  return parts.join('\n\n').trim() + closingLine(level, history, material.pythonDown);
}

/** Said before the same level again when the student has not tried since the previous hint. */
export const NEEDS_ATTEMPT_LEADS = [
  '**Try your code, then ask for the next hint.** Change your code, run the cell and its check, and ' +
    'tell me what happened: the next hint comes after that attempt. Until then, here is the same ' +
    'hint again, from another side:',
  '**An attempt first, then the next hint.** Edit your cell, run it and the check below it, and ' +
    'show me the result. Meanwhile, the same hint in other words:',
];

const ASKS_WHY_IT_FAILS =
  /\b(fail|fails|failing|error|wrong|broken|does ?n[o']t work|not working|crash|bug)\b/i;

/**
 * Answers that depend on where the student stands on the exercise, before any hint: a passed
 * check gets recognition and a deeper question; "why does my code fail?" with nothing run and no
 * error asks for a run first. Null when neither applies.
 */
function checkStandingAnswer(material: TutorMaterial): string | null {
  const { exercise, checks } = material;
  if (!exercise || !checks) return null;
  if (checks.state === 'passed') {
    const concept = exercise.concepts[0];
    return [
      `Well done: the check of **${exercise.title}** passes.`,
      'No more hints needed here. If you want to go further, one deeper question:',
      concept
        ? `> What would change in your solution if the input were ten times larger, or empty? And why does ${inlineCode(concept)} make this work?`
        : '> What would change in your solution if the input were ten times larger, or empty?',
      'Or move on to the next exercise.',
    ].join('\n\n');
  }
  const noError = !material.errorOutput?.trim();
  if (checks.runs === 0 && noError && ASKS_WHY_IT_FAILS.test(material.question)) {
    if (material.pythonDown) {
      return [
        `Nothing has run for **${exercise.title}** yet, and Python is not running in your notebook right now, so I cannot tell what fails.`,
        'Start Python again from the banner above the notebook, run your cell and its check, and tell me what it printed. Until then, paste the line you doubt and we can reason about it.',
      ].join('\n\n');
    }
    return [
      `Nothing has run for **${exercise.title}** yet, so I cannot tell what fails without guessing.`,
      'Run your cell, then the check cell below it (Shift+Enter), and tell me what it printed or which error appeared.',
    ].join('\n\n');
  }
  return null;
}

const ASKS_WHAT_IT_IS =
  /^\s*(what (is|are)|what's|define|explain|tell me about|how does\b.*\bwork)\b/i;
const ASKS_FOR_AN_EXAMPLE = /\b(an? (small |short |simple )?example|show me how)\b/i;
const ABOUT_OWN_WORK =
  /\bmy (code|solution|exercise|answer|attempt|cell)\b|\b(fails?|wrong|error)\b/i;

/**
 * "What is broadcasting?", "Explain linear interpolation with a small example": the idea stated
 * at once (and the example asked for), not a ladder of questions. Null for other messages and
 * for the student's own code or errors, which get graduated hints.
 */
function explanationRequest(material: TutorMaterial, subject: Subject): string | null {
  const { question } = material;
  const entry = subject.concept;
  if (!entry || subject.error || material.needsAttempt || ABOUT_OWN_WORK.test(question))
    return null;
  const wantsExample = ASKS_FOR_AN_EXAMPLE.test(question);
  if (!wantsExample && !ASKS_WHAT_IT_IS.test(question)) return null;
  const parts = [`**${entry.title}**`, entry.concept];
  if (wantsExample) {
    const hasGaps = /\.\.\.|___/.test(entry.example.code);
    const example = hasGaps ? entry.solution : entry.example;
    parts.push(example.intro, fence(example.code));
  }
  return parts.join('\n\n');
}

function exerciseFits(exercise: ExerciseMaterial, subject: Subject): boolean {
  if (!subject.concept) return true;
  const text = `${exercise.title} ${exercise.prompt} ${exercise.concepts.join(' ')}`.toLowerCase();
  return subject.concept.keywords.some((keyword) => text.includes(keyword));
}

function quoteBlock(lines: string[], level: HintLevel): string {
  if (lines.length === 0) return '';
  if (level <= 3) {
    const quoted = lines.map(inlineCode).join(' and ');
    return lines.length === 1
      ? `Look closely at this line of yours: ${quoted}.`
      : `Look closely at these lines of yours: ${quoted}.`;
  }
  return `In your cell:\n\n${fence(lines.join('\n'))}`;
}

function codeNeedles(entry: KnowledgeEntry): string[] {
  return entry.keywords.filter(
    (keyword) => /^[a-z_@][a-z0-9_.]*$/i.test(keyword) && keyword.length <= 16,
  );
}

function errorAnswer(
  match: ErrorMatch,
  material: TutorMaterial,
  level: HintLevel,
  style: Style,
): string {
  const entry = match.entry;
  const values = { ...entry.defaults, ...match.details };
  const needles = ['name', 'attr', 'key', 'module'].map(
    (key) => match.details[key]?.replace(/^['"]|['"]$/g, '') ?? '',
  );
  const quote = quoteBlock(relevantLines(material.cellCode, material.errorOutput, needles), level);
  const fromOutput = detectError(material.errorOutput) !== null;
  const lead = [
    `Your code raises **${entry.title}**:`,
    `Still the **${entry.title}** from your code:`,
    `Once more, the **${entry.title}**:`,
  ][style.turn % 3] as string;
  const opening = fromOutput
    ? `${lead}\n\n> ${match.line.slice(0, 300)}`
    : openingFor(entry.title, style);
  return [opening, quote, levelBody(entry, values, level, style)]
    .filter((part) => part !== '')
    .join('\n\n');
}

function conceptAnswer(
  entry: KnowledgeEntry,
  material: TutorMaterial,
  level: HintLevel,
  style: Style,
): string {
  const named = namesFromQuestion(material.question, material.cellCode);
  const needles = named.length > 0 ? named : codeNeedles(entry);
  const quote = quoteBlock(relevantLines(material.cellCode, material.errorOutput, needles), level);
  const opening = openingFor(entry.title, style);
  return [opening, quote, levelBody(entry, {}, level, style)]
    .filter((part) => part !== '')
    .join('\n\n');
}

/** Non-empty parts as markdown paragraphs. */
const paragraphs = (parts: string[]) => parts.filter((part) => part !== '').join('\n\n');

type Fill = (text: string) => string;
type LevelBodyBuilder = (entry: KnowledgeEntry, f: Fill, style: Style) => string;

/** Level 1: guiding questions only. */
function questionsBody(entry: KnowledgeEntry, f: Fill, style: Style): string {
  const questions = style.concise ? entry.questions.slice(0, 2) : entry.questions;
  return [
    style.simple
      ? 'Rather than giving the answer away, here are some questions to think through, one at a time:'
      : 'Some questions to guide you:',
    numbered(questions.map(f)),
    'Try to answer them (on paper or in your notebook), then tell me what you find.',
  ].join('\n\n');
}

/** Level 2: the idea behind it, with an analogy for beginners. */
function ideaBody(entry: KnowledgeEntry, f: Fill, style: Style): string {
  const analogy = style.simple && entry.analogy ? `In everyday terms: ${entry.analogy}` : '';
  return paragraphs([
    '### The idea',
    f(entry.concept),
    analogy,
    `With that in mind: ${f(entry.questions[0] ?? 'what do you expect to happen, and what actually happens?')}`,
  ]);
}

/** Level 3: the steps to take, without code. */
function stepsBody(entry: KnowledgeEntry, f: Fill): string {
  return [
    f(firstSentence(entry.concept)),
    '### The steps',
    numbered(entry.steps.map(f)),
    'Try turning each step into a line of code yourself before asking for more.',
  ].join('\n\n');
}

/** Level 4: a worked example with gaps to fill. */
function exampleBody(entry: KnowledgeEntry, f: Fill, style: Style): string {
  return paragraphs([
    f(firstSentence(entry.concept)),
    style.concise ? '' : `The plan:\n\n${numbered(entry.steps.map(f))}`,
    f(entry.example.intro),
    fence(f(entry.example.code)),
    f(
      entry.example.after ??
        'Replace each `___` yourself, run it, and then apply the same pattern to your own code.',
    ),
  ]);
}

/** Level 5: the full solution, why it works, pitfalls and variations. */
function solutionBody(entry: KnowledgeEntry, f: Fill, style: Style): string {
  return paragraphs([
    f(entry.solution.intro),
    fence(f(entry.solution.code)),
    '### Why it works',
    f(entry.solution.explanation),
    style.concise ? '' : f(entry.concept),
    '### Pitfalls',
    bullets((style.concise ? entry.pitfalls.slice(0, 2) : entry.pitfalls).map(f)),
    '### Variations',
    bullets(entry.variations.map(f)),
  ]);
}

const LEVEL_BODIES: Record<HintLevel, LevelBodyBuilder> = {
  1: questionsBody,
  2: ideaBody,
  3: stepsBody,
  4: exampleBody,
  5: solutionBody,
};

/** The part of an entry each hint level allows (foundation §2). */
function levelBody(
  entry: KnowledgeEntry,
  values: Record<string, string>,
  level: HintLevel,
  style: Style,
): string {
  const f = (text: string) => fill(text, values);
  return LEVEL_BODIES[level](entry, f, style);
}

function exerciseAnswer(
  exercise: ExerciseMaterial,
  concept: KnowledgeEntry | null,
  material: TutorMaterial,
  level: HintLevel,
  style: Style,
): string {
  const heading = exerciseHeading(exercise, material, level, style.turn);
  if (level === 5) return exerciseSolution(heading, exercise, concept);
  return exerciseHint(heading, exercise, concept, level, style);
}

function exerciseHeading(
  exercise: ExerciseMaterial,
  material: TutorMaterial,
  level: HintLevel,
  turn: number,
): string {
  const quote = quoteBlock(
    relevantLines(
      material.cellCode,
      material.errorOutput,
      namesFromQuestion(material.question, material.cellCode),
    ),
    level,
  );
  const lead = [
    `For the exercise **${exercise.title}**`,
    `Still on **${exercise.title}**`,
    `Back to **${exercise.title}**`,
  ][turn % 3] as string;
  return quote === '' ? `${lead}:` : `${lead}. ${quote}`;
}

/** Level 5 for an exercise: its complete solution, plus the concept's pitfalls and variations. */
function exerciseSolution(
  heading: string,
  exercise: ExerciseMaterial,
  concept: KnowledgeEntry | null,
): string {
  return paragraphs([
    heading,
    'Here is a complete solution. Read it line by line and make sure you could have written each line yourself.',
    fence(exercise.solution),
    '### Why it works',
    exercise.explanation,
    concept ? '### Pitfalls' : '',
    concept ? bullets(concept.pitfalls) : '',
    concept ? '### Variations' : '',
    concept ? bullets(concept.variations) : '',
  ]);
}

const HINT_LEADS: Partial<Record<HintLevel, string>> = {
  1: 'Think about this:',
  4: 'Here is a partial solution to complete:',
};

/** Levels 1–4 for an exercise: the exercise's own hint for the level, with concept support. */
function exerciseHint(
  heading: string,
  exercise: ExerciseMaterial,
  concept: KnowledgeEntry | null,
  level: HintLevel,
  style: Style,
): string {
  const hint = exercise.hints[level - 1];
  const lead = HINT_LEADS[level] ?? 'A hint:';
  return paragraphs([
    heading,
    `${lead}\n\n${hint}`,
    exerciseSupport(concept, level),
    style.simple && concept?.analogy && level <= 2 ? `In everyday terms: ${concept.analogy}` : '',
    // Levels 1-3 end with the reply's closing line alone (one invitation to try, not two).
    level === 4 ? 'Fill in the gaps, run the cell and check the result against the task.' : '',
  ]);
}

/** What the concept adds to an exercise hint: its idea at level 2, its steps at level 3. */
function exerciseSupport(concept: KnowledgeEntry | null, level: HintLevel): string {
  if (concept === null) return '';
  if (level === 2) return concept.concept;
  if (level === 3) return `### The steps\n\n${numbered(concept.steps)}`;
  return '';
}
