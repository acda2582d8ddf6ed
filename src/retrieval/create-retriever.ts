import type { LoadedEmbeddings } from '../embeddings/embedder-info.js';
import { AppError } from '../errors.js';
import type { Chunk } from '../ingest/chunk-document.js';
import { assertCompatible } from '../index/manifest.js';
import type { SearchIndex } from '../index/open-index.js';
import type { BilingualLexicon } from './bilingual-lexicon.js';
import { expandQuery, type ExpandedQuery } from './expand-query.js';

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

/** Options of {@link createRetriever}. */
export interface RetrieverOptions {
  /** Weight of the vector ranking in reciprocal rank fusion. */
  vectorWeight: number;
  /** Weight of the BM25 ranking in reciprocal rank fusion. */
  lexicalWeight: number;
  /** Candidates taken from each signal before fusion. */
  candidates: number;
  /** The k of reciprocal rank fusion: larger flattens the difference between ranks. */
  rrfK: number;
  /** Score multiplier applied once per passage already chosen from the same document (diversity). */
  sameDocumentDecay: number;
  /** BM25 weight of a term that only a dictionary translation brings (original terms weigh 1). */
  expansionWeight: number;
  /** Weight of the translations' embedding added to the question's embedding (0 = expansion stays lexical). */
  expansionVectorWeight: number;
  /** HNSW search breadth: higher finds more of the true nearest neighbours, more slowly. */
  ef: number;
}

/** Defaults of {@link RetrieverOptions}. */
export const defaultRetrieverOptions: RetrieverOptions = {
  vectorWeight: 1,
  lexicalWeight: 1,
  candidates: 50,
  rrfK: 60,
  sameDocumentDecay: 0.9,
  expansionWeight: 0.5,
  expansionVectorWeight: 0.5,
  ef: 128,
};

/** Dependencies of {@link createRetriever}. */
export interface RetrieverDeps {
  embeddings: LoadedEmbeddings;
  index: SearchIndex;
  /** English↔French lexicon for query translation; without it, retrieval uses the question alone. */
  lexicon?: BilingualLexicon | null;
  options?: Partial<RetrieverOptions>;
}

function overlapRatio(a: Chunk, b: Chunk): number {
  if (a.docId !== b.docId) return 0;
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap <= 0 ? 0 : overlap / Math.min(a.end - a.start, b.end - b.start);
}

/**
 * Hybrid retrieval: HNSW nearest neighbours and BM25 results fused by weighted reciprocal rank fusion, then
 * chosen greedily with a per-document decay and no heavily overlapping chunks, so that a second communiqué
 * that matches is not crowded out by neighbours of the first.
 */
export function createRetriever({ embeddings, index, lexicon = null, options = {} }: RetrieverDeps) {
  const settings: RetrieverOptions = { ...defaultRetrieverOptions, ...options };
  if (settings.vectorWeight < 0 || settings.lexicalWeight < 0 || settings.vectorWeight + settings.lexicalWeight === 0) {
    throw new AppError('config', 'VECTOR_WEIGHT and LEXICAL_WEIGHT must be non-negative and not both 0.');
  }
  assertCompatible(index.manifest, embeddings.info);
  const { chunks, hnsw, lexical } = index;

  function allowedBy(filters: SearchFilters | undefined): ((position: number) => boolean) | undefined {
    if (!filters) return undefined;
    const sources = filters.sources?.length ? new Set(filters.sources) : null;
    const { from, to } = filters;
    if (!sources && !from && !to) return undefined;
    return (position) => {
      const chunk = chunks[position]!;
      if (sources && !sources.has(chunk.docId)) return false;
      if ((from || to) && !chunk.date) return false;
      if (from && chunk.date! < from) return false;
      if (to && chunk.date! > to) return false;
      return true;
    };
  }

  /** The question's embedding, plus the translations' embedding at its weight (cosine search ignores the norm). */
  async function queryVector(query: ExpandedQuery): Promise<number[]> {
    const vector = await embeddings.embeddings.embedQuery(query.original);
    const weight = settings.expansionVectorWeight;
    if (weight === 0 || query.translations.length === 0) return vector;
    const extra = await embeddings.embeddings.embedQuery(query.translations.join(' '));
    return vector.map((x, i) => x + weight * extra[i]!);
  }

  async function vectorSearch(query: ExpandedQuery, n: number, allowed?: (p: number) => boolean): Promise<Array<[number, number]>> {
    const count = hnsw.getCurrentCount();
    if (count === 0) return [];
    const vector = await queryVector(query);
    hnsw.setEf(Math.max(n, settings.ef));
    const result = hnsw.searchKnn(vector, Math.min(n, count), allowed);
    return result.neighbors.map((label, i) => [label, 1 - result.distances[i]!]);
  }

  function lexicalSearch(query: ExpandedQuery, n: number, allowed?: (p: number) => boolean): Array<[number, number]> {
    const text = [query.original, ...query.translations].join(' ');
    const boosts = query.boosts(settings.expansionWeight);
    const results = lexical.search(text, {
      ...(allowed ? { filter: (r) => allowed(r.id as number) } : {}),
      boostTerm: (term) => boosts.get(term) ?? 1,
    });
    return results.slice(0, n).map((r) => [r.id as number, r.score]);
  }

  /** Returns up to `k` passages for a question, best first. */
  async function search(question: string, searchOptions: SearchOptions = {}): Promise<Passage[]> {
    const k = searchOptions.k ?? 5;
    const query = expandQuery(question, searchOptions.expand === false ? null : lexicon);
    const mode = searchOptions.mode ?? 'hybrid';
    const allowed = allowedBy(searchOptions.filters);
    const n = Math.max(settings.candidates, k * 4);
    const useVector = mode !== 'lexical' && settings.vectorWeight > 0;
    const useLexical = mode !== 'vector' && settings.lexicalWeight > 0;
    const [vector, lexicalHits] = await Promise.all([
      useVector ? vectorSearch(query, n, allowed) : [],
      useLexical ? lexicalSearch(query, n, allowed) : [],
    ]);

    const fused = new Map<number, Passage>();
    const entry = (position: number): Passage => {
      let passage = fused.get(position);
      if (!passage) {
        passage = { chunk: chunks[position]!, score: 0, vectorScore: null, lexicalScore: null };
        fused.set(position, passage);
      }
      return passage;
    };
    vector.forEach(([position, similarity], rank) => {
      const p = entry(position);
      p.vectorScore = similarity;
      p.score += settings.vectorWeight / (settings.rrfK + rank + 1);
    });
    lexicalHits.forEach(([position, score], rank) => {
      const p = entry(position);
      p.lexicalScore = score;
      p.score += settings.lexicalWeight / (settings.rrfK + rank + 1);
    });
    const best = ((useVector ? settings.vectorWeight : 0) + (useLexical ? settings.lexicalWeight : 0)) / (settings.rrfK + 1);
    for (const p of fused.values()) p.score /= best;

    const remaining = [...fused.values()];
    const chosen: Passage[] = [];
    const perDocument = new Map<string, number>();
    while (chosen.length < k && remaining.length > 0) {
      let bestIndex = -1;
      let bestScore = -Infinity;
      remaining.forEach((p, i) => {
        const adjusted = p.score * settings.sameDocumentDecay ** (perDocument.get(p.chunk.docId) ?? 0);
        if (adjusted > bestScore) {
          bestScore = adjusted;
          bestIndex = i;
        }
      });
      const [pick] = remaining.splice(bestIndex, 1);
      if (chosen.some((c) => overlapRatio(c.chunk, pick!.chunk) > 0.5)) continue;
      chosen.push(pick!);
      perDocument.set(pick!.chunk.docId, (perDocument.get(pick!.chunk.docId) ?? 0) + 1);
    }
    return chosen;
  }

  /** The question with the translations this retriever would add (for answer scoring and refusal). */
  function expand(question: string): ExpandedQuery {
    return expandQuery(question, lexicon);
  }

  return { search, expand, index, embeddings: embeddings.info, lexicon: lexicon !== null, lexiconData: lexicon, options: settings };
}

/** A retriever built by {@link createRetriever}. */
export type Retriever = ReturnType<typeof createRetriever>;
