import { HashEmbeddings } from '../embeddings/hash-embeddings.js';
import { passageText } from '../ingest/chunk-document.js';
import { contentWords, stem } from '../text/terms.js';

/** What a build computes per chunk: its lexical stems and, when a hash dimension is given, its vector. */
export interface PreparedChunks {
  /** Row-major vectors, or an empty array when no dimension was asked for. */
  vectors: Float32Array;
  terms: string[][];
}

/** Embeds chunks with the hash embedder (when `dimension` is set) and extracts their stems: a build thread's work. */
export function prepareChunks(chunks: Array<{ title: string; text: string }>, dimension: number | null): PreparedChunks {
  const vectors = new Float32Array(dimension ? chunks.length * dimension : 0);
  const embedder = dimension ? new HashEmbeddings({ dimension }) : null;
  // The embedder reads the same words as `lexicalTerms` (both take the passage text): split it once for both.
  const terms = chunks.map((c, i) => {
    const words = contentWords(passageText(c));
    if (embedder) vectors.set(embedder.embedWords(words), i * dimension!);
    return words.map(stem);
  });
  return { vectors, terms };
}
