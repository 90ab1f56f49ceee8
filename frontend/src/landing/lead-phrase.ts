/**
 * The opening phrase of a module's description, for a one-line summary: the text before its first
 * colon ("Draw a curve through data points: build the Lagrange …" gives "Draw a curve through data
 * points"), else its first sentence, else the whole description.
 */
export function leadPhrase(description: string): string {
  const text = description.trim();
  const colon = text.indexOf(':');
  if (colon > 0) return text.slice(0, colon).trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(text);
  return sentence ? sentence[1]!.trim() : text;
}
