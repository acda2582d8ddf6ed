import { contentWords, fold } from '../text/terms.js';

/** One turn of a conversation. */
export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

// Words that point back to something said before, in French and English.
const ANAPHORA = /\b(il|elle|ils|elles|cela|ca|celle|celui|ceux|celles|leur|leurs|lui|y|en|it|its|they|them|their|this|that|these|those|he|she|his|her|there)\b/;
const SHORT = 4;

/**
 * Turns a follow-up into a standalone retrieval query: when the new question is short or points back with a
 * pronoun, the previous user question is prepended so that its subject is searched for too.
 */
export function condenseQuestion(question: string, history: Turn[] = []): string {
  const previous = [...history].reverse().find((t) => t.role === 'user' && t.content.trim());
  if (!previous) return question;
  const isFollowUp = contentWords(question).length <= SHORT || ANAPHORA.test(fold(question));
  return isFollowUp ? `${previous.content.trim()} ${question}` : question;
}
