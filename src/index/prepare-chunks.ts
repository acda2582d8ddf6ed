import { HashEmbeddings } from '../embeddings/hash-embeddings.js';
import { passageText } from '../ingest/chunk-document.js';
import { contentWords, stem } from '../text/terms.js';
import { encodeLexicalIndex } from './lexical-index.js';

/** Where {@link prepareChunks} writes hash vectors: rows of a row-major matrix (shared with the build's other threads). */
export interface VectorRows {
  matrix: Float32Array;
  dimension: number;
  /** The matrix row of each chunk, or -1 for a chunk that is not embedded (its vector is reused). */
  rows: ArrayLike<number>;
}

/**
 * A build thread's work on a run of consecutive chunks: their stems, returned as a lexical index of the run alone
 * (chunk ids from 0; see `concatLexicalIndexes`), and, with `vectors`, their hash vectors written in place.
 */
export function prepareChunks(chunks: Array<{ title: string; text: string }>, vectors: VectorRows | null): Uint8Array {
  const embedder = vectors ? new HashEmbeddings({ dimension: vectors.dimension }) : null;
  // The embedder reads the same words as `lexicalTerms` (both take the passage text): split it once for both.
  const terms = chunks.map((c, i) => {
    const words = contentWords(passageText(c));
    const row = vectors ? vectors.rows[i]! : -1;
    if (embedder && row >= 0) vectors!.matrix.set(embedder.embedWords(words), row * vectors!.dimension);
    return words.map(stem);
  });
  return encodeLexicalIndex(terms);
}
