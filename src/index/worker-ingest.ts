import type { D1Binding, VectorizeBinding } from '../config/worker-env.js';
import type { CorpusDocument } from '../corpus/load-corpus.js';
import type { Embeddings } from '@langchain/core/embeddings';
import { passageText, type Chunker } from '../ingest/chunk-document.js';
import { lexicalTerms } from './lexical-index.js';

/** Dependencies of the Workers ingest. */
export interface WorkerIngestDeps {
  db: D1Binding;
  vectorize: VectorizeBinding;
  embeddings: Embeddings;
  chunker: Chunker;
}

/** Vectorize ids are limited to 64 bytes: a chunk's id is hashed to 40 hex characters, the same every time. */
export async function vectorId(chunkId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(chunkId));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A chunk's postings for D1: `[[stem, tf], …]` of {@link lexicalTerms}, and their total. */
function postings(title: string, text: string): { json: string; length: number } {
  const terms = lexicalTerms(title, text);
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { json: JSON.stringify([...counts]), length: terms.length };
}

/**
 * Adds or refreshes documents on the Workers target: unchanged documents (same id and hash) are skipped; others
 * are chunked, embedded through Workers AI, upserted into Vectorize under deterministic ids, and written to D1 in
 * one batch (a transaction), after which their stale vectors are deleted. Running it again after a failure redoes
 * only what D1 does not have yet, so uploads are idempotent and resumable.
 */
export async function ingestDocuments(documents: CorpusDocument[], deps: WorkerIngestDeps): Promise<{ added: string[]; updated: string[]; unchanged: string[] }> {
  const added: string[] = [];
  const updated: string[] = [];
  const unchanged: string[] = [];
  for (const document of documents) {
    const existing = await deps.db.prepare('SELECT hash FROM documents WHERE id = ?').bind(document.id).first<{ hash: string }>();
    if (existing?.hash === document.hash) {
      unchanged.push(document.id);
      continue;
    }
    const chunks = deps.chunker.chunk(document);
    const vectors = await deps.embeddings.embedDocuments(chunks.map(passageText));
    const ids = await Promise.all(chunks.map((c) => vectorId(c.id)));
    await deps.vectorize.upsert(
      chunks.map((c, i) => ({ id: ids[i]!, values: vectors[i]!, metadata: { docId: c.docId, chunkIndex: c.chunkIndex, start: c.start, end: c.end, ...(c.date ? { date: c.date } : {}) } })),
    );
    const { results: old } = await deps.db.prepare('SELECT vector_id FROM chunks WHERE doc_id = ?').bind(document.id).all<{ vector_id: string }>();
    const lexical = chunks.map((c) => postings(c.title, c.text));
    const statements = [
      deps.db.prepare('DELETE FROM postings WHERE chunk_rowid IN (SELECT rowid FROM chunks WHERE doc_id = ?)').bind(document.id),
      deps.db.prepare('DELETE FROM chunks WHERE doc_id = ?').bind(document.id),
      deps.db
        .prepare('INSERT OR REPLACE INTO documents (id, title, date, language, text, hash, chunks) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .bind(document.id, document.title, document.date, document.language, document.text, document.hash, chunks.length),
      ...chunks.flatMap((c, i) => [
        deps.db
          .prepare('INSERT INTO chunks (id, vector_id, doc_id, chunk_index, start_pos, end_pos, text, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .bind(c.id, ids[i], c.docId, c.chunkIndex, c.start, c.end, c.text, lexical[i]!.length),
        deps.db
          .prepare("INSERT INTO postings (stem, chunk_rowid, tf) SELECT json_extract(p.value, '$[0]'), c.rowid, json_extract(p.value, '$[1]') FROM chunks c, json_each(?) p WHERE c.id = ?")
          .bind(lexical[i]!.json, c.id),
      ]),
      deps.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('built_at', ?)").bind(new Date().toISOString()),
    ];
    await deps.db.batch(statements);
    const stale = old.map((r) => r.vector_id).filter((id) => !ids.includes(id));
    if (stale.length) await deps.vectorize.deleteByIds(stale);
    (existing ? updated : added).push(document.id);
  }
  return { added, updated, unchanged };
}

/** Removes every document not in `keep` (and its chunks and vectors). */
export async function pruneDocuments(keep: string[], deps: Pick<WorkerIngestDeps, 'db' | 'vectorize'>): Promise<string[]> {
  const { results } = await deps.db.prepare('SELECT id FROM documents WHERE id NOT IN (SELECT value FROM json_each(?))').bind(JSON.stringify(keep)).all<{ id: string }>();
  for (const { id } of results) {
    const { results: vectors } = await deps.db.prepare('SELECT vector_id FROM chunks WHERE doc_id = ?').bind(id).all<{ vector_id: string }>();
    await deps.db.batch([
      deps.db.prepare('DELETE FROM postings WHERE chunk_rowid IN (SELECT rowid FROM chunks WHERE doc_id = ?)').bind(id),
      deps.db.prepare('DELETE FROM chunks WHERE doc_id = ?').bind(id),
      deps.db.prepare('DELETE FROM documents WHERE id = ?').bind(id),
    ]);
    if (vectors.length) await deps.vectorize.deleteByIds(vectors.map((v) => v.vector_id));
  }
  return results.map((r) => r.id);
}
