import { STOPWORDS, stems } from '../embeddings/local/text';

// Lexical checks that complement the embedding scores: they hold for any embedder (English only).

/**
 * The words a pure greeting, thanks or acknowledgement is made of (stemmed as the local embedder
 * stems them). Any other word that is not a function word is content: "the hello protocol" and
 * "hello, my loop never ends" greet nothing.
 */
const SOCIAL_WORDS = new Set(
  stems(
    'hello hallo hullo hi hiya heya hey howdy yo sup greetings good morning afternoon evening day ' +
      'night bonjour hola ciao salut there everyone everybody all guys folks friend friends buddy ' +
      'pal mate partner tutor teacher sir madam again back today how going doing whats up nice ' +
      'meet see seeing later soon glad pleased lovely great wonderful well fine thanks thank thx ' +
      'ty cheers much lot lots bunch many very bye goodbye goodnight care ok okay cool perfect ' +
      'awesome alright understood see makes sense helpful clear im hope',
  ),
);

/**
 * The words of a bare request for more on the current problem ("explain that again", "I'm lost",
 * "one more hint?"), besides the social ones. "Explain how binary search works" and "give me an
 * example of recursion" name something of their own.
 */
const REQUEST_WORDS = new Set([
  ...SOCIAL_WORDS,
  ...stems(
    'explain explanation elaborate clarify clarification example examples instance step steps ' +
      'hint hints clue answer solution confused confusing lost stuck understand mean meaning ' +
      'simpler simple simply easier easy slowly slower more detail details further continue go ' +
      'keep going next after why huh hmm sorry what sense rephrase differently different way ' +
      'break down walk through working show tell say words help again still follow sure idea ' +
      'bigger another bit little part give though full complete whole',
  ),
]);

/**
 * Whether a message has a word beyond a vocabulary, the function words and single
 * letters (":D").
 */
function hasWordBeyond(message: string, vocabulary: Set<string>): boolean {
  return stems(message).some(
    (word) => word.length > 1 && !vocabulary.has(word) && !STOPWORDS.has(word),
  );
}

/** "Thanks for your help" and "that helped" thank; "can you help me?" asks for something. */
const THANKED_HELP =
  /\b(for|with) (the|your|all (the|your)) help\b|\b(that|this|it) help(s|ed)\b/gi;

/** True when the message has a word beyond greetings, thanks, addressees and function words. */
export function hasContent(message: string): boolean {
  return hasWordBeyond(message.replace(THANKED_HELP, ' '), SOCIAL_WORDS);
}

/** True when the message asks for more with nothing of its own ("can you break it down?"). */
export function isBareRequest(message: string): boolean {
  return !hasWordBeyond(message, REQUEST_WORDS);
}

/**
 * How a question or a request starts: "how do I…", "is it…", "explain…", "I need help with…" (a
 * bare "what?" asks for more).
 */
const ASKS =
  /^(what|whats|how|why|when|where|which|who|whose|is|are|was|were|do|does|did|can|could|would|should|will|shall|may|might|must|have|has|explain|show|tell|give|help|write|plot|compute|calculate|find|solve|make|create|convert|sort|define|describe|teach|i (need|want|have|would like)|please|just|hi|hello|hey)\b\W*\w/i;

/** Where a clause may start: after punctuation, or at "now", "next", "then", "so", "and", "also"... */
const CLAUSE_BREAK = /[,;:.!?]+|\b(?:now|next|then|so|and|but|also)\b/i;

/**
 * A reply rather than a question of its own: the student's answer to the tutor's question ("the
 * second row is twice the first", "3x^2", "maybe 100 points?"). None of its clauses starts like a
 * question or a request ("different topic: how do I read a file?" asks one).
 */
export function isReplyForm(message: string): boolean {
  const text = message.replace(/[\u2018\u2019']/g, '');
  return !text.split(CLAUSE_BREAK).some((clause) => ASKS.test(clause.trim()));
}

/** Code or maths notation: an operator, a bracket, a call, an underscore or a backtick. */
const NOTATION = /[=<>^*/\\{}[\]`_]|\w\(/;
const NUMBER = /\d+(?:[.,]\d+)?/g;

/**
 * Code or maths notation, or two numbers or more ("8 slices, 3 eaten", "300 km in 2.5 hours"):
 * positive evidence of a maths or programming question, whatever everyday words it uses.
 */
export function hasTechnicalNotation(message: string): boolean {
  return NOTATION.test(message) || (message.match(NUMBER)?.length ?? 0) >= 2;
}
