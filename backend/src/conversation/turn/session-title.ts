// A session's name in lists: its first real question. A greeting ("hi!"), an off-topic message, a
// follow-up ("I don't understand") or a message too short to say anything does not name it.
import type { MessageKind } from '../../pedagogy/types';

export const TITLE_CHARS = 80;
/** Shorter than this (or fewer than two words) says too little to name a conversation. */
const MIN_TITLE_CHARS = 10;

/** The title a message gives its session, or null when it should not name it. */
export function sessionTitle(content: string, kind: MessageKind): string | null {
  if (kind !== 'new_problem' && kind !== 'same_problem') return null;
  const text = content.replace(/\s+/g, ' ').trim();
  const words = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (text.length < MIN_TITLE_CHARS || words.length < 2) return null;
  if (text.length <= TITLE_CHARS) return text;
  // Cut at a word boundary when one is near the end, and say it was cut.
  let cut = text.slice(0, TITLE_CHARS - 1);
  // Never half of a surrogate pair (an emoji at the cut).
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  return `${space >= TITLE_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}
