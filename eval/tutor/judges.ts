// The judges of the tutor evaluation: each looks at every reply it applies to and says whether it
// passed, with a short reason when not.
import { solutionJudge } from '../../backend/src/pedagogy/solution-leak';
import type { ScriptedTurn } from './student-scripts';

export interface Reply {
  exerciseId: string;
  solution: string;
  /** Code the student is given for the exercise (never counted as a leak). */
  given: string[];
  turn: ScriptedTurn;
  index: number;
  outcome: 'done' | 'canned' | 'error';
  filter?: string;
  hintLevel: number | null;
  needsAttempt: boolean;
  text: string;
}

export interface Verdict {
  passed: boolean;
  /** Why it failed (shown among the worst examples). */
  reason?: string;
}

export interface Judge {
  name: string;
  /** The least share of replies that must pass. */
  goal: number;
  appliesTo(reply: Reply, previous: Reply[]): boolean;
  judge(reply: Reply, previous: Reply[]): Verdict;
}

const MAX_WORDS = 350;
const COMMON = new Set([
  'np',
  'numpy',
  'import',
  'as',
  'None',
  'your',
  'code',
  'here',
  'def',
  'return',
  'for',
  'in',
  'range',
  'print',
]);

const lastDone = (previous: Reply[]) => [...previous].reverse().find((r) => r.outcome === 'done');
const firstSentence = (text: string) =>
  text
    .trim()
    .split(/(?<=[.!?:])\s+/)[0]
    ?.trim()
    .toLowerCase() ?? '';
const lastSentence = (text: string) =>
  text
    .trim()
    .split(/(?<=[.!?])\s+/)
    .at(-1)
    ?.trim()
    .toLowerCase() ?? '';
const short = (text: string, n = 90) =>
  (text.length > n ? `${text.slice(0, n)}…` : text).replace(/\n/g, ' ');

function namesIn(code: string): string[] {
  const names = code.match(/\b[A-Za-z_]\w+\b/g) ?? [];
  return [...new Set(names.filter((name) => !COMMON.has(name) && name.length >= 2))];
}

/** Two answers in a row must not share their `which` sentence (`pick`). */
function notRepeated(which: string, pick: (text: string) => string, goal: number): Judge {
  return {
    name: `no repeated ${which} sentence`,
    goal,
    appliesTo: (r, previous) => r.outcome === 'done' && lastDone(previous) !== undefined,
    judge(r, previous) {
      const sentence = pick(r.text);
      return sentence !== '' && sentence === pick(lastDone(previous)!.text)
        ? { passed: false, reason: `${r.exerciseId}: "${short(sentence, 80)}"` }
        : { passed: true };
    },
  };
}

export const JUDGES: Judge[] = [
  {
    name: 'no solution leak below hint 5',
    goal: 1,
    appliesTo: (r) => r.outcome === 'done' && (r.hintLevel ?? 5) < 5,
    judge(r) {
      const leaks = solutionJudge(r.solution, r.given).leaks(r.text, r.hintLevel ?? 5);
      return leaks.length === 0
        ? { passed: true }
        : {
            passed: false,
            reason: `${r.exerciseId} hint ${r.hintLevel}: ${leaks[0]!.kind} ${leaks[0]!.found}`,
          };
    },
  },
  {
    name: 'hint sequence as the rules say',
    goal: 1,
    appliesTo: (r) => r.turn.followUp === true || r.turn.probe === 'give_answer',
    judge(r, previous) {
      const before = lastDone(previous);
      if (r.outcome !== 'done' || r.hintLevel === null)
        return {
          passed: false,
          reason: `${r.exerciseId} "${r.turn.frame.content}": ${r.outcome} ${r.filter ?? ''}`,
        };
      if (!before?.hintLevel) return { passed: true };
      const expected = r.needsAttempt ? before.hintLevel : Math.min(5, before.hintLevel + 1);
      const heldTooHigh = r.hintLevel > 3 && r.hintLevel > (previous[0]?.hintLevel ?? 0);
      if (r.hintLevel === expected && !heldTooHigh) return { passed: true };
      return {
        passed: false,
        reason: `${r.exerciseId} "${r.turn.frame.content}": level ${before.hintLevel} → ${r.hintLevel}${r.needsAttempt ? ' (held)' : ''}, expected ${expected} and at most 3 without a run`,
      };
    },
  },
  {
    name: "mentions the student's code or error",
    goal: 0.95,
    appliesTo: (r) =>
      r.outcome === 'done' && !!(r.turn.frame.cell_code || r.turn.frame.error_output),
    judge(r) {
      const needles = [
        ...(r.turn.frame.error_output ? ['TypeError', 'NoneType'] : []),
        ...namesIn(r.turn.frame.cell_code ?? ''),
      ];
      return needles.some((needle) => r.text.includes(needle))
        ? { passed: true }
        : { passed: false, reason: `${r.exerciseId} "${r.turn.frame.content}": ${short(r.text)}` };
    },
  },
  {
    name: 'answers a lookup with the function asked for',
    goal: 0.95,
    appliesTo: (r) => r.turn.expects !== undefined,
    judge(r) {
      return r.turn.expects!.some((name) => r.text.includes(name))
        ? { passed: true }
        : { passed: false, reason: `"${r.turn.frame.content}" (${r.outcome}): ${short(r.text)}` };
    },
  },
  {
    name: 'off-topic turned away',
    goal: 0.85,
    appliesTo: (r) => r.turn.canned === 'off_topic',
    judge(r) {
      return r.outcome === 'canned' && r.filter === 'off_topic'
        ? { passed: true }
        : { passed: false, reason: `"${r.turn.frame.content}": ${r.outcome}` };
    },
  },
  notRepeated('closing', lastSentence, 1),
  notRepeated('opening', firstSentence, 0.95),
  {
    name: `at most ${MAX_WORDS} words`,
    goal: 0.95,
    appliesTo: (r) => r.outcome === 'done',
    judge(r) {
      const words = r.text.split(/\s+/).filter(Boolean).length;
      return words <= MAX_WORDS
        ? { passed: true }
        : { passed: false, reason: `${r.exerciseId} "${r.turn.frame.content}": ${words} words` };
    },
  },
];
