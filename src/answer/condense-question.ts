import { contentWords, fold } from '../text/terms.js';

/** One turn of a conversation. */
export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

// Words that point back to something said before, in French and English.
const ANAPHORA = /\b(il|elle|ils|elles|cela|ca|celle|celui|ceux|celles|leur|leurs|lui|y|it|its|they|them|their|this|that|these|those|he|she|his|her|there)\b/;
const SHORT = 4;
// A question that opens with "and"/"et" or "what about" continues the previous one.
const CONTINUATION = /^(et|and|what about|how about|et pour|et pourquoi|et comment)\b/;

/** Whether a question points back to the previous one: short, opens with "and", or uses a pronoun. */
export function isFollowUp(question: string): boolean {
  const folded = fold(question).trim();
  return contentWords(question).length <= SHORT || CONTINUATION.test(folded) || ANAPHORA.test(folded);
}

/**
 * Turns a follow-up into a standalone retrieval query: when the new question is short or points back with a
 * pronoun, the previous user question is prepended so that its subject is searched for too.
 */
export function condenseQuestion(question: string, history: Turn[] = []): string {
  const previous = [...history].reverse().find((t) => t.role === 'user' && t.content.trim());
  if (!previous) return question;
  return isFollowUp(question) ? `${previous.content.trim()} ${question}` : question;
}
