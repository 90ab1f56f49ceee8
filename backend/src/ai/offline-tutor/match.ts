import { embedLocally } from '../embeddings/local/local-embedder';
import { cosine } from '../embeddings/similarity';
import { CONCEPT_ENTRIES, ERROR_ENTRIES, type ErrorEntry, type KnowledgeEntry } from './knowledge';

export interface ErrorMatch {
  entry: ErrorEntry;
  /** Placeholder values taken from the error message, e.g. the undefined name. */
  details: Record<string, string>;
  /** The error line as the student saw it. */
  line: string;
}

/** The error of a traceback: the last line naming an exception wins, since it is the one raised. */
export function detectError(text: string | undefined): ErrorMatch | null {
  if (!text) return null;
  const lines = text
    .split('\n')
    .filter((line) => /Error|Exception|singular matrix|divide by zero/i.test(line));
  for (const line of lines.reverse()) {
    for (const entry of ERROR_ENTRIES) {
      const match = entry.detect.exec(line);
      if (!match) continue;
      const details: Record<string, string> = {};
      for (const [key, value] of Object.entries(match.groups ?? {})) {
        if (value !== undefined && value.trim() !== '') details[key] = value.trim();
      }
      return { entry, details, line: line.trim() };
    }
  }
  return null;
}

let conceptVectors: number[][] | undefined;

/** Minimum combined score for a concept note to be used rather than the generic answer. */
const CONCEPT_MIN_SCORE = 0.35;

/**
 * The concept note closest to a question: keyword hits (longer phrases count more) plus the local
 * embedding similarity to the note's title and keywords. Null when nothing is close enough.
 */
export interface ConceptMatch {
  entry: KnowledgeEntry;
  /** True when the question names the topic (a keyword hit), not only resembles it. */
  named: boolean;
}

export function matchConcept(question: string): ConceptMatch | null {
  const text = question.toLowerCase();
  conceptVectors ??= CONCEPT_ENTRIES.map((entry) =>
    embedLocally(`${entry.title}. ${entry.keywords.join(', ')}`),
  );
  const vector = embedLocally(question);
  let best: { entry: KnowledgeEntry; score: number; keywordScore: number } | null = null;
  CONCEPT_ENTRIES.forEach((entry, i) => {
    let keywordScore = 0;
    for (const keyword of entry.keywords) {
      if (keywordHit(text, keyword)) keywordScore += Math.min(1, 0.3 + keyword.length / 20);
    }
    const score = Math.min(keywordScore, 2) + cosine(vector, conceptVectors?.[i] ?? []);
    if (!best || score > best.score) best = { entry, score, keywordScore };
  });
  const found = best as { entry: KnowledgeEntry; score: number; keywordScore: number } | null;
  if (!found || found.score < CONCEPT_MIN_SCORE) return null;
  return { entry: found.entry, named: found.keywordScore > 0 };
}

function keywordHit(text: string, keyword: string): boolean {
  if (/^[a-z0-9 ]+$/.test(keyword)) {
    // Word starts always; short keywords must end a word too, so that "det" misses "detail" while
    // "oscillat" still finds "oscillates".
    const end = keyword.length >= 5 ? '' : '([^a-z0-9]|$)';
    return new RegExp(`(^|[^a-z0-9])${keyword}${end}`).test(text);
  }
  return text.includes(keyword);
}
