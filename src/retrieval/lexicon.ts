import { contentWords, fold, stem } from '../text/terms.js';

/** Word → translations, looked up by folded word first and by stem as a lemma fallback. */
export interface BilingualLexicon {
  /** Folded headword → translations. */
  words: Record<string, string[]>;
  /** Stem → translations of every headword with that stem (so "refugees" finds "refugee"). */
  stems: Record<string, string[]>;
  /** Dictionaries it was built from. */
  sources: string[];
}

const MAX_TRANSLATIONS = 8;

function add(target: Record<string, string[]>, key: string, values: string[]): void {
  const list = (target[key] ??= []);
  for (const v of values) if (list.length < MAX_TRANSLATIONS * 2 && !list.includes(v)) list.push(v);
}

/** Builds a lexicon from parsed dictionaries. */
export function buildLexicon(dictionaries: Map<string, string[]>[], sources: string[]): BilingualLexicon {
  const lexicon: BilingualLexicon = { words: {}, stems: {}, sources };
  for (const dictionary of dictionaries) {
    for (const [headword, translations] of dictionary) {
      // Single-word headwords only: a question word is looked up alone.
      const folded = fold(headword.trim());
      if (!/^[\p{L}\p{N}'-]+$/u.test(folded)) continue;
      const useful = translations.filter((t) => contentWords(t).length > 0).slice(0, MAX_TRANSLATIONS);
      if (useful.length === 0) continue;
      add(lexicon.words, folded, useful);
      add(lexicon.stems, stem(folded), useful);
    }
  }
  return lexicon;
}

/** Translations of one folded word: exact headword, else any headword sharing its stem. */
export function translateWord(lexicon: BilingualLexicon, word: string): string[] {
  const exact = lexicon.words[word];
  if (exact) return exact;
  return lexicon.stems[stem(word)]?.slice(0, MAX_TRANSLATIONS) ?? [];
}

