// The words of teaching that every layer above shares: hint and skill levels, the kinds of message
// the pre-filter tells apart, and an exercise's authored material. Pure types: nothing here imports.

export type HintLevel = 1 | 2 | 3 | 4 | 5;
export type Level = 1 | 2 | 3 | 4 | 5;

export type MessageKind = 'greeting' | 'off_topic' | 'same_problem' | 'elaboration' | 'new_problem';

/**
 * Where the student stands on an exercise, as the notebook's checks reported it (self-reported by
 * the browser), and whether a check ran since the tutor's last answer on it.
 */
export interface ExerciseChecks {
  state: 'not_tried' | 'not_yet' | 'passed';
  /** The latest check's line ("❌ Not yet: ..."), null before any run. */
  lastMessage: string | null;
  runs: number;
  ranSinceLastHint: boolean;
}

/** An exercise's authored material (notebooks/tutor/*.json), when the student is on one. */
export interface ExerciseMaterial {
  id: string;
  title: string;
  prompt: string;
  concepts: string[];
  /** Hints for levels 1 to 4. */
  hints: [string, string, string, string];
  solution: string;
  explanation: string;
}
