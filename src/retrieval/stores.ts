import type { Chunk } from '../ingest/chunk-document.js';
import type { CorpusAccess, SearchFilters } from './retriever.js';

/**
 * The storage a retriever runs on, passed in by each platform (files and HNSW on Node; Vectorize and D1 on
 * Workers). `K` is how the platform names a chunk (a position on Node, a vector id on Workers).
 */

/** Nearest neighbours of a query vector. */
export interface VectorStore<K> {
  /** Up to `n` chunks most similar to `vector` among those the filters allow, best first, with their similarity. */
  search(vector: number[], n: number, filters?: SearchFilters): Promise<Array<[K, number]>>;
}

/** BM25 over the stems that `lexicalTerms` (src/index/lexical-index.ts) defines. */
export interface LexicalStore<K> {
  /** Chunks indexed. */
  size(): Promise<number>;
  /** In how many chunks each stem occurs (absent stems are 0 or missing). */
  documentFrequencies(stems: string[]): Promise<Map<string, number>>;
  /**
   * Up to `n` chunks by BM25 over the stems, each stem's contribution times its boost, among those the filters
   * allow, best first.
   */
  search(terms: Map<string, number>, n: number, filters?: SearchFilters): Promise<Array<[K, number]>>;
}

/** Chunks by key, and the corpus behind them. */
export interface DocumentStore<K> extends Omit<CorpusAccess, 'documentFrequencies'> {
  /** The chunks with these keys that exist. */
  chunks(keys: K[]): Promise<Map<K, Chunk>>;
}

/** The three stores of one index. */
export interface RetrievalStores<K> {
  vectors: VectorStore<K>;
  lexical: LexicalStore<K>;
  documents: DocumentStore<K>;
}
