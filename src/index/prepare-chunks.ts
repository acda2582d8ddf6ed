import { HashEmbeddings } from '../embeddings/hash-embeddings.js';
import { passageText } from '../ingest/chunk-document.js';
import { lexicalTerms } from './lexical-index.js';

/** What a build computes per chunk: its lexical stems and, when a hash dimension is given, its vector. */
export interface PreparedChunks {
  /** Row-major vectors, or an empty array when no dimension was asked for. */
  vectors: Float32Array;
  terms: string[][];
}

/** Embeds chunks with the hash embedder (when `dimension` is set) and extracts their stems: a build thread's work. */
export function prepareChunks(chunks: Array<{ title: string; text: string }>, dimension: number | null): PreparedChunks {
  const vectors = new Float32Array(dimension ? chunks.length * dimension : 0);
  if (dimension) {
    const embedder = new HashEmbeddings({ dimension });
    chunks.forEach((c, i) => vectors.set(embedder.embed(passageText(c)), i * dimension));
  }
  return { vectors, terms: chunks.map((c) => lexicalTerms(c.title, c.text)) };
}
