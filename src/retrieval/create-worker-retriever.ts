import type { D1Binding, VectorizeBinding } from '../config/worker-env.js';
import type { CorpusDocument } from '../corpus/load-corpus.js';
import type { LoadedEmbeddings } from '../embeddings/embedder-info.js';
import type { Chunk } from '../ingest/chunk-document.js';
import { expandQuery } from './expand-query.js';
import { fuseRankings, type FusionSettings } from './fuse-rankings.js';
import type { CorpusAccess, Retriever, SearchFilters, SearchOptions } from './retriever.js';

/** Dependencies of {@link createWorkerRetriever}. */
export interface WorkerRetrieverDeps {
  embeddings: LoadedEmbeddings;
  vectorize: VectorizeBinding;
  db: D1Binding;
  options?: Partial<FusionSettings & { candidates: number }>;
}

interface ChunkRow {
  id: string;
  vector_id: string;
  doc_id: string;
  chunk_index: number;
  start_pos: number;
  end_pos: number;
  text: string;
  title: string;
  date: string | null;
  language: string;
  score?: number;
}

const CHUNK_COLUMNS = 'c.id, c.vector_id, c.doc_id, c.chunk_index, c.start_pos, c.end_pos, c.text, d.title, d.date, d.language';
/** Vectorize returns at most 100 matches without metadata. */
const MAX_VECTOR_CANDIDATES = 100;

function toChunk(row: ChunkRow): Chunk {
  return { id: row.id, docId: row.doc_id, title: row.title, date: row.date, language: row.language, chunkIndex: row.chunk_index, start: row.start_pos, end: row.end_pos, text: row.text };
}

/** SQL conditions and parameters for the filters (lists travel as one JSON parameter: D1 caps bound values). */
function filterSql(filters: SearchFilters | undefined): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filters?.sources?.length) {
    parts.push('c.doc_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filters.sources));
  }
  if (filters?.from) {
    parts.push('d.date IS NOT NULL AND d.date >= ?');
    params.push(filters.from);
  }
  if (filters?.to) {
    parts.push('d.date IS NOT NULL AND d.date <= ?');
    params.push(filters.to);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/** An FTS5 query that matches any of the stems (each quoted; stems hold only letters and digits). */
export function ftsQuery(stems: Iterable<string>): string | null {
  const safe = [...new Set(stems)].filter((s) => /^[\p{L}\p{N}]+$/u.test(s));
  return safe.length ? safe.map((s) => `"${s}"`).join(' OR ') : null;
}

/**
 * The Workers retriever: Vectorize nearest neighbours and D1 FTS5 BM25 over the same language-neutral stems as the
 * Node index, fused by the same reciprocal rank fusion and diversity rule. Chunk texts and documents live in D1.
 */
export function createWorkerRetriever({ embeddings, vectorize, db, options = {} }: WorkerRetrieverDeps): Retriever {
  const settings = { vectorWeight: 1, lexicalWeight: 1, rrfK: 60, sameDocumentDecay: 0.9, candidates: 50, ...options };

  async function vectorSearch(question: string, n: number, filters?: SearchFilters): Promise<Array<[Chunk, number]>> {
    const vector = await embeddings.embeddings.embedQuery(question);
    const { matches } = await vectorize.query(vector, { topK: Math.min(n, MAX_VECTOR_CANDIDATES), returnMetadata: 'none' });
    if (!matches.length) return [];
    const filter = filterSql(filters);
    const { results } = await db
      .prepare(`SELECT ${CHUNK_COLUMNS} FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE c.vector_id IN (SELECT value FROM json_each(?))${filter.sql}`)
      .bind(JSON.stringify(matches.map((m) => m.id)), ...filter.params)
      .all<ChunkRow>();
    const byVector = new Map(results.map((r) => [r.vector_id, r]));
    return matches.flatMap((m) => {
      const row = byVector.get(m.id);
      return row ? [[toChunk(row), m.score] as [Chunk, number]] : [];
    });
  }

  async function lexicalSearch(stems: Iterable<string>, n: number, filters?: SearchFilters): Promise<Array<[Chunk, number]>> {
    const match = ftsQuery(stems);
    if (!match) return [];
    const filter = filterSql(filters);
    const { results } = await db
      .prepare(`SELECT ${CHUNK_COLUMNS}, -bm25(chunks_fts) AS score FROM chunks_fts JOIN chunks c ON c.rowid = chunks_fts.rowid JOIN documents d ON d.id = c.doc_id WHERE chunks_fts MATCH ?${filter.sql} ORDER BY bm25(chunks_fts) LIMIT ?`)
      .bind(match, ...filter.params, n)
      .all<ChunkRow>();
    return results.map((r) => [toChunk(r), r.score ?? 0]);
  }

  async function search(question: string, searchOptions: SearchOptions = {}) {
    const k = searchOptions.k ?? 5;
    const mode = searchOptions.mode ?? 'hybrid';
    const n = Math.max(settings.candidates, k * 4);
    const useVector = mode !== 'lexical' && settings.vectorWeight > 0;
    const useLexical = mode !== 'vector' && settings.lexicalWeight > 0;
    const query = expandQuery(question, null);
    const [vector, lexical] = await Promise.all([
      useVector ? vectorSearch(question, n, searchOptions.filters) : [],
      useLexical ? lexicalSearch(query.originalStems, n, searchOptions.filters) : [],
    ]);
    return fuseRankings(vector, lexical, settings, k, { vector: useVector, lexical: useLexical });
  }

  const corpus: CorpusAccess = {
    async stats() {
      const row = await db
        .prepare("SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM chunks) AS chunks, (SELECT value FROM meta WHERE key = 'built_at') AS builtAt")
        .first<{ documents: number; chunks: number; builtAt: string | null }>();
      return { documents: row?.documents ?? 0, chunks: row?.chunks ?? 0, builtAt: row?.builtAt ?? null };
    },
    async listSources() {
      const { results } = await db.prepare('SELECT id, title, date, language, chunks FROM documents ORDER BY id').all<{ id: string; title: string; date: string | null; language: string; chunks: number }>();
      return results;
    },
    async getDocuments(ids) {
      if (!ids.length) return new Map();
      const { results } = await db.prepare('SELECT id, title, date, language, text, hash FROM documents WHERE id IN (SELECT value FROM json_each(?))').bind(JSON.stringify(ids)).all<CorpusDocument>();
      return new Map(results.map((d) => [d.id, d]));
    },
    async documentFrequencies(stems) {
      const unique = [...new Set(stems)].filter((s) => /^[\p{L}\p{N}]+$/u.test(s));
      if (!unique.length) return new Map();
      // One statement for all stems (D1 limits compound SELECTs): each counts its matches in the FTS index.
      const { results } = await db
        .prepare(`SELECT j.value AS stem, (SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH '"' || j.value || '"') AS df FROM json_each(?) j`)
        .bind(JSON.stringify(unique))
        .all<{ stem: string; df: number }>();
      return new Map(results.map((r) => [r.stem, r.df]));
    },
  };

  return { search, expand: (question) => expandQuery(question, null), embeddings: embeddings.info, lexicon: false, corpus };
}
