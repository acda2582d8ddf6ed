import MiniSearch, { type Options } from 'minisearch';
import { isStopword, stem, words } from '../text/terms.js';

/** What the lexical index stores per chunk; `id` is the chunk's position in the index. */
export interface LexicalEntry {
  id: number;
  title: string;
  text: string;
}

/**
 * MiniSearch (BM25) settings shared by building and loading: folded words, stopwords of both languages removed,
 * each word indexed under one language-neutral stem (see `stem`).
 */
export const lexicalOptions: Options<LexicalEntry> = {
  idField: 'id',
  fields: ['title', 'text'],
  storeFields: [],
  tokenize: (text) => words(text),
  processTerm: (term) => (term.length < 2 || isStopword(term) ? null : stem(term)),
  searchOptions: { boost: { text: 1, title: 0.3 }, combineWith: 'OR' },
};

/** A new, empty lexical index. */
export function createLexicalIndex(): MiniSearch<LexicalEntry> {
  return new MiniSearch(lexicalOptions);
}

/** Restores a lexical index from its JSON form. */
export function loadLexicalIndex(json: string): MiniSearch<LexicalEntry> {
  return MiniSearch.loadJSON(json, lexicalOptions);
}

interface MiniSearchInternals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _fieldIds: Record<string, number>;
}

/**
 * In how many chunks' text a processed term (a stem) occurs. MiniSearch has no public API for this, so it reads
 * the inverted index that MiniSearch keeps in memory anyway (MiniSearch 7; a test checks it against a count).
 */
export function documentFrequency(lexical: MiniSearch<LexicalEntry>, term: string): number {
  const internals = lexical as unknown as MiniSearchInternals;
  const fieldId = internals._fieldIds.text;
  if (fieldId === undefined) return 0;
  return internals._index.get(term)?.get(fieldId)?.size ?? 0;
}
