import { contentWords, stems } from '../text/terms.js';
import { translateWord, type BilingualLexicon } from './bilingual-lexicon.js';

/** One content word of a question with its stems and the stems of its translations. */
export interface QueryTerm {
  word: string;
  stems: string[];
  translationStems: string[];
}

/** A question with its dictionary translations, for cross-language retrieval. */
export interface ExpandedQuery {
  original: string;
  /** The question's distinct content words, in order. */
  terms: QueryTerm[];
  /** Unique translations of the question's content words (words or phrases). */
  translations: string[];
  /** Stems of the question's own content words. */
  originalStems: Set<string>;
  /** Stems that only the translations bring. */
  translationStems: Set<string>;
}

/** Expands every content word of a question with its translations from the bilingual lexicon (none without one). */
export function expandQuery(query: string, lexicon: BilingualLexicon | null): ExpandedQuery {
  const words = contentWords(query);
  const originalStems = new Set(words.flatMap(stems));
  const translations: string[] = [];
  const translationStems = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const word of new Set(words)) {
    const term: QueryTerm = { word, stems: stems(word), translationStems: [] };
    terms.push(term);
    if (!lexicon || /^\p{N}+$/u.test(word)) continue;
    for (const translation of translateWord(lexicon, word)) {
      for (const stem of contentWords(translation).flatMap(stems)) {
        if (originalStems.has(stem)) continue;
        translationStems.add(stem);
        if (!term.translationStems.includes(stem)) term.translationStems.push(stem);
      }
      if (!translations.includes(translation)) translations.push(translation);
    }
  }
  return { original: query, terms, translations, originalStems, translationStems };
}
