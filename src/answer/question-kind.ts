import { fold } from '../text/terms.js';

/** What kind of fact a question asks for; answers lead with a sentence that contains one. */
export type QuestionKind = 'number' | 'date' | 'place' | 'person' | 'other';

// Interrogatives of French and English, by the kind of answer they ask for (general, not corpus-specific).
const kindPatterns: Array<[QuestionKind, RegExp]> = [
  ['date', /\b(quand|quelle date|quel jour|quelle annee|en quelle annee|depuis quand|when|what year|which year|what date|since when)\b/],
  ['number', /\b(combien|quel nombre|quel montant|how many|how much|what number|what amount|what percentage)\b/],
  ['place', /\b(ou|dans quel(le)? (ville|pays|region)|where|in which (city|country|region)|which (city|country|countries))\b/],
  ['person', /\b(qui|who|whom|quel(le)? (ministre|directeur|directrice)|which (minister|director))\b/],
];

/** Classifies a question by its interrogative words. */
export function questionKind(question: string): QuestionKind {
  const folded = fold(question);
  for (const [kind, pattern] of kindPatterns) if (pattern.test(folded)) return kind;
  return 'other';
}

const MONTHS = /\b(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december)\b/;

/** Whether a sentence holds the kind of fact asked for. */
export function sentenceHasKind(sentence: string, kind: QuestionKind): boolean {
  switch (kind) {
    case 'number':
      return /\d/.test(sentence);
    case 'date':
      return /\b(1[89]|20)\d{2}\b/.test(sentence) || MONTHS.test(fold(sentence));
    case 'place':
    case 'person':
      // A capitalised word after the first one: a name (of a place or a person), in either language.
      return /\s\p{Lu}\p{Ll}+/u.test(sentence);
    default:
      return false;
  }
}

/**
 * The word a counting question counts ("delegations" in "how many delegations…", "projets" in "combien de
 * projets…"), folded; null for other questions. Sentences that hold it next to a number answer the question.
 */
export function focusWord(question: string): string | null {
  const m = /\b(?:how many|how much|number of|combien d(?:e|es|')|nombre d(?:e|es|'))\s*(\p{L}{3,})/u.exec(fold(question).replace(/[’]/g, "'"));
  return m ? m[1]! : null;
}
