/**
 * Words by which a follow-up refers back to the conversation ("so I should…", "what if it…",
 * "comparing them"). With one of them, a weaker similarity to the Q+A context suffices: short
 * follow-ups share few words with the answer they continue. English only.
 */
const FOLLOW_UP_START = /^(so|and|but|then|what if|what about|and if|in that case|wait)\b/i;
const FOLLOW_UP_WORD =
  /\b(it|its|that|this|them|those|these|they|same|instead|also|still|again|the (first|second|last|other) one)\b/i;

export function hasFollowUpCue(message: string): boolean {
  const text = message.trim();
  return FOLLOW_UP_START.test(text) || FOLLOW_UP_WORD.test(text);
}

const CLOSING =
  /\b(thanks?|thank you|thx|ty|cheers|ok|okay|got it|cool|great|perfect|nice|awesome|alright|understood|i see|makes sense|that help(s|ed)|bye|goodbye|see you)\b/i;
const OPENING = /\b(hello|hi|hey|hiya|howdy|greetings|good (morning|afternoon|evening|day))\b/i;

/** A thanks or an acknowledgement that closes a turn, as opposed to a hello that opens one. */
export function isClosingRemark(message: string): boolean {
  return CLOSING.test(message) && !OPENING.test(message);
}
