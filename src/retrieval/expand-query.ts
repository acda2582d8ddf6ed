import { contentWords, stems } from '../text/terms.js';
import { translateWord, type BilingualLexicon } from './bilingual-lexicon.js';

/** A question with its dictionary translations, for cross-language retrieval. */
export interface ExpandedQuery {
  original: string;
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
  if (lexicon) {
    for (const word of new Set(words)) {
      if (/^\p{N}+$/u.test(word)) continue;
      for (const translation of translateWord(lexicon, word)) {
        if (translations.includes(translation)) continue;
        translations.push(translation);
        for (const stem of contentWords(translation).flatMap(stems)) if (!originalStems.has(stem)) translationStems.add(stem);
      }
    }
  }
  return { original: query, translations, originalStems, translationStems };
}
