import type { D1Binding, VectorizeBinding, VectorizeFilter } from '../config/worker-env.js';
import type { CorpusDocument } from '../corpus/load-corpus.js';
import type { Chunk } from '../ingest/chunk-document.js';
import type { SearchFilters } from '../retrieval/retriever.js';
import type { RetrievalStores } from '../retrieval/stores.js';
import { BM25, bm25Idf } from './lexical-index.js';

/** Vectorize returns at most 100 matches without values or metadata. */
const MAX_VECTOR_CANDIDATES = 100;

interface ChunkRow {
  vector_id: string;
  id: string;
  doc_id: string;
  chunk_index: number;
  start_pos: number;
  end_pos: number;
  text: string;
  title: string;
  date: string | null;
  language: string;
}

function toChunk(row: ChunkRow): Chunk {
  return { id: row.id, docId: row.doc_id, title: row.title, date: row.date, language: row.language, chunkIndex: row.chunk_index, start: row.start_pos, end: row.end_pos, text: row.text };
}

/** The filters as a Vectorize metadata filter (applied before its top-k; needs metadata indexes on docId and date). */
export function vectorizeFilter(filters: SearchFilters | undefined): VectorizeFilter | undefined {
  const filter: VectorizeFilter = {};
  if (filters?.sources?.length) filter.docId = { $in: filters.sources };
  if (filters?.from || filters?.to) filter.date = { ...(filters.from ? { $gte: filters.from } : {}), ...(filters.to ? { $lte: filters.to } : {}) };
  return Object.keys(filter).length ? filter : undefined;
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

/**
 * The Workers stores: Vectorize for vectors (filters pushed into its metadata filter, so they never starve the
 * top-k), D1 for documents, chunks and the postings of the lexical index, scored in SQL with the Node index's
 * BM25+ (see `BM25`). Chunks are named by their Vectorize id.
 */
export function workerStores(db: D1Binding, vectorize: VectorizeBinding): RetrievalStores<string> {
  const totals = () => db.prepare('SELECT count(*) AS n, coalesce(avg(terms), 0) AS avg FROM chunks').first<{ n: number; avg: number }>();
  const documentFrequencies = async (stems: string[]) => {
    const unique = [...new Set(stems)];
    if (!unique.length) return new Map<string, number>();
    const { results } = await db
      .prepare('SELECT stem, count(*) AS df FROM postings WHERE stem IN (SELECT value FROM json_each(?)) GROUP BY stem')
      .bind(JSON.stringify(unique))
      .all<{ stem: string; df: number }>();
    return new Map(results.map((r) => [r.stem, r.df]));
  };
  return {
    vectors: {
      async search(vector, n, filters) {
        const filter = vectorizeFilter(filters);
        const { matches } = await vectorize.query(vector, { topK: Math.min(n, MAX_VECTOR_CANDIDATES), returnMetadata: 'none', ...(filter ? { filter } : {}) });
        return matches.map((m) => [m.id, m.score]);
      },
    },
    lexical: {
      size: async () => (await totals())?.n ?? 0,
      documentFrequencies,
      async search(terms, n, filters) {
        const [sizes, frequencies] = await Promise.all([totals(), documentFrequencies([...terms.keys()])]);
        const count = sizes?.n ?? 0;
        const weighted = [...terms].flatMap(([stem, boost]) => {
          const df = frequencies.get(stem) ?? 0;
          return df ? [[stem, boost * bm25Idf(count, df)]] : [];
        });
        if (!weighted.length) return [];
        const filter = filterSql(filters);
        const { k1, b, d } = BM25;
        // Same sum, same coordination factor (count of matched stems) and same tie order as the Node index.
        const { results } = await db
          .prepare(
            `SELECT c.vector_id AS key, sum(q.weight * ((p.tf * ${k1 + 1}) / (p.tf + ${k1} * (1 - ${b} + ${b} * c.terms / ?)) + ${d})) * count(*) AS score
             FROM (SELECT json_extract(value, '$[0]') AS stem, json_extract(value, '$[1]') AS weight FROM json_each(?)) q
             JOIN postings p ON p.stem = q.stem JOIN chunks c ON c.rowid = p.chunk_rowid JOIN documents d ON d.id = c.doc_id
             WHERE 1 = 1${filter.sql} GROUP BY c.rowid ORDER BY score DESC, c.rowid LIMIT ?`,
          )
          .bind(sizes?.avg || 1, JSON.stringify(weighted), ...filter.params, n)
          .all<{ key: string; score: number }>();
        return results.map((r) => [r.key, r.score]);
      },
    },
    documents: {
      async chunks(keys) {
        if (!keys.length) return new Map();
        const { results } = await db
          .prepare('SELECT c.vector_id, c.id, c.doc_id, c.chunk_index, c.start_pos, c.end_pos, c.text, d.title, d.date, d.language FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE c.vector_id IN (SELECT value FROM json_each(?))')
          .bind(JSON.stringify(keys))
          .all<ChunkRow>();
        return new Map(results.map((r) => [r.vector_id, toChunk(r)]));
      },
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
    },
  };
}
