import type { CorpusDocument } from '../corpus/load-corpus.js';
import type { LoadedEmbeddings } from '../embeddings/embedder-info.js';
import { AppError } from '../errors.js';
import { documentFrequency } from '../index/lexical-index.js';
import { assertCompatible } from '../index/manifest.js';
import type { SearchIndex } from '../index/open-index.js';
import type { BilingualLexicon } from './lexicon.js';
import { expandQuery, type ExpandedQuery } from './expand-query.js';
import { fuseRankings, type FusionSettings } from './fuse-rankings.js';
import type { CorpusAccess, Passage, Retriever, SearchFilters, SearchOptions } from './retriever.js';

export type { Passage, SearchFilters, SearchOptions } from './retriever.js';

/** Posting lists shorter than this are always scanned. */
const MIN_PRUNED_DF = 1000;

/** Options of {@link createRetriever}. */
export interface RetrieverOptions extends FusionSettings {
  /** Candidates taken from each signal before fusion. */
  candidates: number;
  /** BM25 weight of a term that only a dictionary translation brings (original terms weigh 1). */
  expansionWeight: number;
  /** Weight of the translations' embedding added to the question's embedding (0 = expansion stays lexical). */
  expansionVectorWeight: number;
  /** HNSW search breadth: higher finds more of the true nearest neighbours, more slowly. */
  ef: number;
  /** Most stems sent to BM25 per question. */
  maxQueryTerms: number;
  /** Stems in a larger share of the chunks than this are left out of BM25 (unless nothing else is left). */
  maxTermShare: number;
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
  maxQueryTerms: 12,
  maxTermShare: 0.05,
};

/** Dependencies of {@link createRetriever}. */
export interface RetrieverDeps {
  embeddings: LoadedEmbeddings;
  index: SearchIndex;
  /** English↔French lexicon for query translation; without it, retrieval uses the question alone. */
  lexicon?: BilingualLexicon | null;
  options?: Partial<RetrieverOptions>;
}

/**
 * Hybrid retrieval: HNSW nearest neighbours and BM25 results fused by weighted reciprocal rank fusion, then
 * chosen greedily with a per-document decay and no heavily overlapping chunks, so that a second communiqué
 * that matches is not crowded out by neighbours of the first.
 */
export function createRetriever({ embeddings, index, lexicon = null, options = {} }: RetrieverDeps) {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  // Hash vectors are a weaker signal than BM25 (measured: npm run eval, README Quality), so BM25 counts double with them.
  const settings: RetrieverOptions = { ...defaultRetrieverOptions, lexicalWeight: embeddings.info.provider === 'hash' ? 2 : 1, ...given };
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

  /**
   * The stems worth a BM25 lookup: present in the index, not in more than 5 % of the chunks of a large index
   * (their posting lists are long and their weight is near zero), at most `maxQueryTerms` of them by boost × IDF. Long questions
   * and their translations would otherwise cost a scan of most of a large index.
   */
  function lexicalTerms(query: ExpandedQuery): Map<string, number> {
    const n = chunks.length;
    const scored = [...query.boosts(settings.expansionWeight)]
      .map(([term, boost]) => ({ term, boost, df: documentFrequency(lexical, term) }))
      .filter((t) => t.df > 0);
    // Small indexes are cheap to scan, and there a common word can still tell documents apart: no pruning.
    const selective = scored.filter((t) => t.df <= Math.max(n * settings.maxTermShare, MIN_PRUNED_DF));
    const kept = (selective.length ? selective : scored)
      .map((t) => ({ ...t, weight: t.boost * Math.log(1 + (n - t.df + 0.5) / (t.df + 0.5)) }))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, settings.maxQueryTerms);
    return new Map(kept.map((t) => [t.term, t.boost]));
  }

  function lexicalSearch(query: ExpandedQuery, n: number, allowed?: (p: number) => boolean): Array<[number, number]> {
    const terms = lexicalTerms(query);
    if (terms.size === 0) return [];
    // The terms are stems already: MiniSearch must not tokenize or stem them again.
    const results = lexical.search([...terms.keys()].join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      ...(allowed ? { filter: (r) => allowed(r.id as number) } : {}),
      boostTerm: (term) => terms.get(term) ?? 1,
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

    return fuseRankings(
      vector.map(([position, similarity]) => [chunks[position]!, similarity]),
      lexicalHits.map(([position, score]) => [chunks[position]!, score]),
      settings,
      k,
      { vector: useVector, lexical: useLexical },
    );
  }

  /** The question with the translations this retriever would add (for answer scoring and refusal). */
  function expand(question: string): ExpandedQuery {
    return expandQuery(question, lexicon);
  }

  const chunkCounts = new Map(index.manifest.documents.map((d) => [d.id, d.chunks]));
  const corpus: CorpusAccess = {
    stats: async () => ({ documents: index.manifest.counts.documents, chunks: index.manifest.counts.chunks, builtAt: index.manifest.builtAt }),
    listSources: async () =>
      [...index.documents.values()].map((d) => ({ id: d.id, title: d.title, date: d.date, language: d.language, chunks: chunkCounts.get(d.id) ?? 0 })),
    getDocuments: async (ids) => {
      const found = new Map<string, CorpusDocument>();
      for (const id of ids) {
        const document = index.documents.get(id);
        if (document) found.set(id, document);
      }
      return found;
    },
    documentFrequencies: async (stems) => new Map(stems.map((s) => [s, documentFrequency(lexical, s)])),
  };

  const retriever: Retriever = { search, expand, embeddings: embeddings.info, lexicon: lexicon !== null, corpus };
  return { ...retriever, index, lexiconData: lexicon, options: settings };
}

/** The Node retriever: the common interface plus its in-memory index. */
export type NodeRetriever = ReturnType<typeof createRetriever>;
