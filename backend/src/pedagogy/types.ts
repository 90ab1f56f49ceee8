// The words of teaching that every layer above shares: hint and skill levels, the kinds of message
// the pre-filter tells apart, and an exercise's authored material. Pure types: nothing here imports.

export type HintLevel = 1 | 2 | 3 | 4 | 5;
export type Level = 1 | 2 | 3 | 4 | 5;

export type MessageKind = 'greeting' | 'off_topic' | 'same_problem' | 'elaboration' | 'new_problem';

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
