/** Instant replies of the pre-filter: no LLM call, no hint level. */
export function greetingReply(username: string): string {
  return `Hello ${username}! I'm your numerical computing tutor. Ask me about Python and NumPy, linear algebra, interpolation, calculus or numerical methods, and I'll guide you step by step.`;
}

/** A greeting that closes a turn ("thanks", "ok, got it"). */
export function closingReply(username: string): string {
  return `Glad to help, ${username}! When you're ready, try the next step yourself, or ask me anything else about it.`;
}

export const OFF_TOPIC_REPLY =
  'I can only help with programming, mathematics and science, in particular numerical computing with Python and NumPy. Could you ask me something about that?';

export const UNAVAILABLE_MESSAGE =
  'The tutor is unavailable right now. Your message was kept: please try again in a moment.';

export const INTERRUPTED_MESSAGE =
  'The answer was interrupted part-way. What arrived was kept; ask again to get the rest.';

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Please try again.';
