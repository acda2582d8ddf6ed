/**
 * The one-word interrogatives of English and French (closed classes), for every reader of questions: the word that
 * opens a question or its second part, that an indirect question embeds ("can you tell me when…"), or that a
 * misspelling stands for ("wich"). A reader that also takes "whose" or "quoi", or a phrase ("how many", "en quelle"),
 * adds it. The order decides which of two interrogatives a misspelling one edit from both stands for: the first.
 */
export const INTERROGATIVES: readonly string[] = [
  'which', 'what', 'when', 'where', 'who', 'whom', 'why', 'how',
  'quel', 'quelle', 'quels', 'quelles', 'combien', 'comment', 'pourquoi', 'quand', 'qui', 'où',
];
