import type { CorpusDocument } from '../corpus/load-corpus.js';
import type { EmbedderInfo } from '../embeddings/embedder-info.js';
import type { Chunk } from '../ingest/chunk-document.js';
import type { ExpandedQuery } from './expand-query.js';

/** Narrows a search to some communiqués or a date range (ISO `YYYY-MM-DD` bounds, inclusive). */
export interface SearchFilters {
  sources?: string[];
  from?: string;
  to?: string;
}

/** Options of one search. */
export interface SearchOptions {
  k?: number;
  filters?: SearchFilters;
  /** Which signals to use; hybrid by default (the evaluation compares the three). */
  mode?: 'hybrid' | 'vector' | 'lexical';
  /** Dictionary expansion of the question; on by default when a lexicon is loaded. */
  expand?: boolean;
}

/** A retrieved chunk with its scores. */
export interface Passage {
  chunk: Chunk;
  /** Fused reciprocal-rank score scaled to 0..1 (1 = first in every signal used). */
  score: number;
  /** Cosine similarity of the chunk to the query, when the vector search found it. */
  vectorScore: number | null;
  /** BM25 score, when the lexical search found it. */
  lexicalScore: number | null;
}

/** A communiqué as `/api/sources` lists it. */
export interface SourceSummary {
  id: string;
  title: string;
  date: string | null;
  language: string;
  chunks: number;
}

/** Read access to the indexed corpus, whatever stores it (files on Node, D1 on Workers). */
export interface CorpusAccess {
  stats(): Promise<{ documents: number; chunks: number; builtAt: string | null }>;
  listSources(): Promise<SourceSummary[]>;
  /** The documents with these ids that exist. */
  getDocuments(ids: string[]): Promise<Map<string, CorpusDocument>>;
  /** In how many chunks each stem occurs. */
  documentFrequencies(stems: string[]): Promise<Map<string, number>>;
}

/** What the answerer and the routes need from retrieval; implemented for Node and for Workers. */
export interface Retriever {
  /** Up to `k` passages for a question, best first. */
  search(question: string, options?: SearchOptions): Promise<Passage[]>;
  /** The question with the translations this retriever adds (for answer scoring). */
  expand(question: string): ExpandedQuery;
  embeddings: EmbedderInfo;
  /** Whether dictionary expansion is on. */
  lexicon: boolean;
  corpus: CorpusAccess;
}
