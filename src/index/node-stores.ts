import type { CorpusDocument } from '../corpus/load-corpus.js';
import type { Chunk } from '../ingest/chunk-document.js';
import type { SearchFilters } from '../retrieval/retriever.js';
import type { RetrievalStores } from '../retrieval/stores.js';
import { hnswVectorStore } from './hnsw-vector-store.js';
import type { SearchIndex } from './open-index.js';

/** A predicate over chunk positions for the filters (read from each chunk's document), or undefined when they allow everything. */
export function chunkFilter(documentOf: (position: number) => Pick<CorpusDocument, 'id' | 'date'>, filters: SearchFilters | undefined): ((position: number) => boolean) | undefined {
  if (!filters) return undefined;
  const sources = filters.sources?.length ? new Set(filters.sources) : null;
  const { from, to } = filters;
  if (!sources && !from && !to) return undefined;
  return (position) => {
    const document = documentOf(position);
    if (sources && !sources.has(document.id)) return false;
    if ((from || to) && !document.date) return false;
    if (from && document.date! < from) return false;
    if (to && document.date! > to) return false;
    return true;
  };
}

/** The Node stores of an opened index: HNSW graphs, the persisted lexical index, documents in memory. */
export function nodeStores(index: SearchIndex): RetrievalStores<number> {
  const { lexical, manifest } = index;
  const allowedBy = (filters?: SearchFilters) => chunkFilter(index.documentOf, filters);
  const chunkCounts = new Map(manifest.documents.map((d) => [d.id, d.chunks]));
  return {
    vectors: hnswVectorStore(index.graphs, manifest.hnsw, index.center, allowedBy, index.labels, index.graphsLoaded),
    lexical: {
      size: async () => lexical.size,
      documentFrequencies: async (stems) => new Map(stems.map((s) => [s, lexical.documentFrequency(s)])),
      search: async (terms, n, filters) => lexical.search(terms, n, allowedBy(filters)),
    },
    documents: {
      chunks: async (positions) => new Map(positions.flatMap((p) => {
        const chunk = index.chunk(p);
        return chunk ? [[p, chunk] as [number, Chunk]] : [];
      })),
      stats: async () => ({ documents: manifest.counts.documents, chunks: manifest.counts.chunks, builtAt: manifest.builtAt }),
      listSources: async () =>
        [...index.documents.values()].map((d) => ({ id: d.id, title: d.title, date: d.date, language: d.language, chunks: chunkCounts.get(d.id) ?? 0 })),
      getDocuments: async (ids) => new Map(ids.flatMap((id) => (index.documents.has(id) ? [[id, index.documents.get(id)!] as const] : []))),
    },
  };
}
