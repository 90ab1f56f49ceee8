/**
 * One topic of the offline tutor's knowledge, written for each of the five hint levels
 * (foundation §2). Text is markdown with LaTeX; `{placeholders}` are filled from the student's
 * error message when the entry is an error. Only `example` and `solution` may hold code.
 */
export interface KnowledgeEntry {
  id: string;
  title: string;
  /** Words and phrases that point at this entry in a question (lower case). */
  keywords: string[];
  /** Level 1: guiding questions only. */
  questions: string[];
  /** Level 2: the underlying idea, no code and no steps. */
  concept: string;
  /** An everyday analogy, added for students at programming or maths level 1–2. */
  analogy?: string;
  /** Level 3: the functions, methods or steps needed, as an outline in words. */
  steps: string[];
  /** Level 4: a worked example of a similar problem or partial code with gaps for the student. */
  example: { intro: string; code: string; after?: string };
  /** Level 5: a complete working solution with its explanation. */
  solution: { intro: string; code: string; explanation: string };
  pitfalls: string[];
  variations: string[];
}

export interface ErrorEntry extends KnowledgeEntry {
  /** Matches the error in a traceback or question; named groups fill `{placeholders}`. */
  detect: RegExp;
  /** Values for placeholders the error message did not provide. */
  defaults: Record<string, string>;
}
