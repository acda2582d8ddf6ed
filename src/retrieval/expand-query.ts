import { contentWords, stem } from '../text/terms.js';
import { translateWord, type BilingualLexicon } from './lexicon.js';

/** One content word of a question with its stem and the stems of its translations. */
export interface QueryTerm {
  word: string;
  stem: string;
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
  /** BM25 boost of each stem at a given translation weight (see {@link stemBoosts}). */
  boosts: (translationWeight: number) => Map<string, number>;
}

/**
 * Query-side weights: a question word's own stem weighs 1; its translations' stems share the translation weight,
 * dampened by the square root of their number, so that a word with many translations does not outweigh itself.
 */
function stemBoosts(terms: QueryTerm[], translationWeight: number): Map<string, number> {
  const boosts = new Map<string, number>();
  const raise = (stem: string, value: number) => boosts.set(stem, Math.max(boosts.get(stem) ?? 0, value));
  for (const term of terms) {
    raise(term.stem, 1);
    const n = term.translationStems.length;
    for (const s of term.translationStems) raise(s, translationWeight / Math.sqrt(n));
  }
  return boosts;
}

/** Expands every content word of a question with its translations from the bilingual lexicon (none without one). */
export function expandQuery(query: string, lexicon: BilingualLexicon | null): ExpandedQuery {
  const words = contentWords(query);
  const originalStems = new Set(words.map(stem));
  const translations: string[] = [];
  const translationStems = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const word of new Set(words)) {
    const term: QueryTerm = { word, stem: stem(word), translationStems: [] };
    terms.push(term);
    if (!lexicon || /^\p{N}+$/u.test(word)) continue;
    for (const translation of translateWord(lexicon, word)) {
      for (const s of contentWords(translation).map(stem)) {
        if (originalStems.has(s)) continue;
        translationStems.add(s);
        if (!term.translationStems.includes(s)) term.translationStems.push(s);
      }
      if (!translations.includes(translation)) translations.push(translation);
    }
  }
  return { original: query, terms, translations, originalStems, translationStems, boosts: (weight) => stemBoosts(terms, weight) };
}
