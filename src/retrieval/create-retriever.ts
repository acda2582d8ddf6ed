import type { LoadedEmbeddings } from '../embeddings/embedder-info.js';
import { AppError } from '../errors.js';
import type { Chunk } from '../ingest/chunk-document.js';
import type { BilingualLexicon } from './lexicon.js';
import { expandQuery, type ExpandedQuery } from './expand-query.js';
import { fuseRankings, type FusionSettings } from './fuse-rankings.js';
import type { CorpusAccess, Passage, Retriever, SearchOptions } from './retriever.js';
import type { RetrievalStores } from './stores.js';

export type { Passage, SearchFilters, SearchOptions } from './retriever.js';

/** Options of {@link createRetriever}: the retrieval policy, each with its default in {@link defaultRetrieverOptions}. */
export interface RetrieverOptions extends FusionSettings {
  /** Candidates taken from each signal before fusion. */
  candidates: number;
  /** BM25 weight of a term that only a dictionary translation brings (original terms weigh 1). */
  expansionWeight: number;
  /** Weight of the translations' embedding added to the question's embedding (0 = expansion stays lexical). */
  expansionVectorWeight: number;
  /** Most stems sent to BM25 per question. */
  maxQueryTerms: number;
  /** Stems in a larger share of the chunks than this are left out of BM25 (unless nothing else is left). */
  maxTermShare: number;
  /** Posting lists shorter than this are always scanned: small indexes are cheap, and there a common word still tells chunks apart. */
  minPrunedDf: number;
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
  maxQueryTerms: 12,
  maxTermShare: 0.05,
  minPrunedDf: 1000,
};

/** Dependencies of {@link createRetriever}. */
export interface RetrieverDeps<K> {
  embeddings: LoadedEmbeddings;
  stores: RetrievalStores<K>;
  /** English↔French lexicon for query translation; without it, retrieval uses the question alone. */
  lexicon?: BilingualLexicon | null;
  options?: Partial<RetrieverOptions>;
}

/** The retriever's settings: defaults, then the embedder's, then what was given (undefined values ignored). */
export function retrieverSettings(embeddings: LoadedEmbeddings['info'], options: Partial<RetrieverOptions> = {}): RetrieverOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  // Hash vectors are a weaker signal than BM25 (measured: npm run eval, README Quality), so BM25 counts double with them.
  const settings: RetrieverOptions = { ...defaultRetrieverOptions, lexicalWeight: embeddings.provider === 'hash' ? 2 : 1, ...given };
  if (settings.vectorWeight < 0 || settings.lexicalWeight < 0 || settings.vectorWeight + settings.lexicalWeight === 0) {
    throw new AppError('config', 'VECTOR_WEIGHT and LEXICAL_WEIGHT must be non-negative and not both 0.');
  }
  return settings;
}

/**
 * Hybrid retrieval, the same on every platform: the question is expanded with its dictionary translations, its
 * embedding goes to the vector store and its selective stems to the lexical store (filters pushed into both), and
 * the two rankings are fused by weighted reciprocal rank fusion, then chosen greedily with a per-document decay
 * and no heavily overlapping chunks, so that a second communiqué that matches is not crowded out by neighbours of
 * the first. The storage is passed in (`stores`), as `ofetch` takes the platform's `fetch`.
 */
export function createRetriever<K>({ embeddings, stores, lexicon = null, options = {} }: RetrieverDeps<K>) {
  const settings = retrieverSettings(embeddings.info, options);
  const { vectors, lexical, documents } = stores;

  /** The question's embedding, plus the translations' embedding at its weight (cosine search ignores the norm). */
  async function queryVector(query: ExpandedQuery): Promise<number[]> {
    const vector = await embeddings.embeddings.embedQuery(query.original);
    const weight = settings.expansionVectorWeight;
    if (weight === 0 || query.translations.length === 0) return vector;
    const extra = await embeddings.embeddings.embedQuery(query.translations.join(' '));
    return vector.map((x, i) => x + weight * extra[i]!);
  }

  /**
   * The stems worth a BM25 lookup: present in the index, not in more than `maxTermShare` of the chunks of a large
   * index (their posting lists are long and their weight is near zero), at most `maxQueryTerms` of them by
   * boost × IDF. Long questions and their translations would otherwise cost a scan of most of a large index.
   */
  async function selectTerms(query: ExpandedQuery): Promise<Map<string, number>> {
    const boosts = query.boosts(settings.expansionWeight);
    const [n, frequencies] = await Promise.all([lexical.size(), lexical.documentFrequencies([...boosts.keys()])]);
    const scored = [...boosts]
      .map(([term, boost]) => ({ term, boost, df: frequencies.get(term) ?? 0 }))
      .filter((t) => t.df > 0);
    const selective = scored.filter((t) => t.df <= Math.max(n * settings.maxTermShare, settings.minPrunedDf));
    const kept = (selective.length ? selective : scored)
      .map((t) => ({ ...t, weight: t.boost * Math.log(1 + (n - t.df + 0.5) / (t.df + 0.5)) }))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, settings.maxQueryTerms);
    return new Map(kept.map((t) => [t.term, t.boost]));
  }

  /** Returns up to `k` passages for a question, best first. */
  async function search(question: string, searchOptions: SearchOptions = {}): Promise<Passage[]> {
    const k = searchOptions.k ?? 5;
    const query = expandQuery(question, searchOptions.expand === false ? null : lexicon);
    const mode = searchOptions.mode ?? 'hybrid';
    const n = Math.max(settings.candidates, k * 4);
    const { filters } = searchOptions;
    const useVector = mode !== 'lexical' && settings.vectorWeight > 0;
    const useLexical = mode !== 'vector' && settings.lexicalWeight > 0;
    const [vectorHits, lexicalHits] = await Promise.all([
      useVector ? queryVector(query).then((v) => vectors.search(v, n, filters)) : [],
      useLexical
        ? selectTerms(query).then((terms) => (terms.size ? lexical.search(terms, n, filters) : []))
        : [],
    ]);
    const chunks = await documents.chunks([...new Set([...vectorHits, ...lexicalHits].map(([key]) => key))]);
    const resolve = (hits: Array<[K, number]>) => hits.flatMap(([key, score]) => (chunks.has(key) ? [[chunks.get(key)!, score] as [Chunk, number]] : []));
    return fuseRankings(resolve(vectorHits), resolve(lexicalHits), settings, k, { vector: useVector, lexical: useLexical });
  }

  /** The question with the translations this retriever would add (for answer scoring and refusal). */
  function expand(question: string): ExpandedQuery {
    return expandQuery(question, lexicon);
  }

  const corpus: CorpusAccess = {
    stats: () => documents.stats(),
    listSources: () => documents.listSources(),
    getDocuments: (ids) => documents.getDocuments(ids),
    documentFrequencies: (stems) => lexical.documentFrequencies(stems),
  };

  const retriever: Retriever = { search, expand, embeddings: embeddings.info, lexicon: lexicon !== null, corpus };
  return { ...retriever, options: settings };
}
