import type { CorpusDocument } from './load-corpus.js';

/** A function of a loaded document, computed once per document (a re-indexed document is a new object). */
export function perDocument<T>(compute: (document: CorpusDocument) => T): (document: CorpusDocument) => T {
  const computed = new WeakMap<CorpusDocument, T>();
  return (document) => {
    if (!computed.has(document)) computed.set(document, compute(document));
    return computed.get(document)!;
  };
}
