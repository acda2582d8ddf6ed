import hnswlib from 'hnswlib-node';
import type MiniSearch from 'minisearch';
import { join } from 'node:path';
import type { CorpusDocument } from '../corpus/load-corpus.js';
import { AppError } from '../errors.js';
import type { Chunk } from '../ingest/chunk-document.js';
import { readVerified, verifyFile } from './index-files.js';
import { loadLexicalIndex, type LexicalEntry } from './lexical-index.js';
import { readManifest, type IndexManifest } from './manifest.js';

/** A chunk's place in its document, as stored on disk (its text and metadata are derived at load). */
export interface StoredChunk {
  docId: string;
  chunkIndex: number;
  start: number;
  end: number;
}

/** Everything a retriever needs, in memory. Positions in `chunks` are the HNSW labels and lexical ids. */
export interface SearchIndex {
  manifest: IndexManifest;
  documents: Map<string, CorpusDocument>;
  chunks: Chunk[];
  hnsw: hnswlib.HierarchicalNSW;
  lexical: MiniSearch<LexicalEntry>;
}

/** Rebuilds full chunks from stored spans and their documents. */
export function materializeChunks(stored: StoredChunk[], documents: Map<string, CorpusDocument>): Chunk[] {
  return stored.map((s) => {
    const doc = documents.get(s.docId);
    if (!doc || s.end > doc.text.length || s.start < 0 || s.start >= s.end) {
      throw new AppError('index_corrupt', `Index chunk ${s.docId}#${s.chunkIndex} does not match its document: run npm run index.`);
    }
    return {
      id: `${s.docId}#${s.chunkIndex}`,
      docId: s.docId,
      title: doc.title,
      date: doc.date,
      language: doc.language,
      chunkIndex: s.chunkIndex,
      start: s.start,
      end: s.end,
      text: doc.text.slice(s.start, s.end),
    };
  });
}

function parseJson<T>(bytes: Buffer, name: string): T {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    throw new AppError('index_corrupt', `Index file ${name} is not valid JSON: run npm run index.`);
  }
}

/** Loads the HNSW graph; data folders are never modified after they are written, so the verified file is read in place. */
function loadHnsw(path: string, dimension: number): hnswlib.HierarchicalNSW {
  try {
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimension);
    hnsw.readIndexSync(path);
    return hnsw;
  } catch (error) {
    throw new AppError('index_corrupt', `Index file ${path} cannot be read (${(error as Error).message}): run npm run index.`);
  }
}

/** The text part of an index: documents and chunk spans. */
interface TextData {
  manifest: IndexManifest;
  documents: Map<string, CorpusDocument>;
  storedChunks: StoredChunk[];
  chunks: Chunk[];
  dir: string;
}

/** Reads and verifies the manifest, documents and chunks of the current index. */
async function readTextData(indexDir: string): Promise<TextData> {
  const manifest = await readManifest(indexDir);
  const dir = join(indexDir, manifest.dataDir);
  const [documentsBytes, chunksBytes] = await Promise.all(['documents.json', 'chunks.json'].map((name) => readVerified(dir, name, manifest.files[name])));
  const documentList = parseJson<CorpusDocument[]>(documentsBytes!, 'documents.json');
  const documents = new Map(documentList.map((d) => [d.id, d]));
  const storedChunks = parseJson<StoredChunk[]>(chunksBytes!, 'chunks.json');
  return { manifest, documents, storedChunks, chunks: materializeChunks(storedChunks, documents), dir };
}

/** The vector and text part of an index, without the search structures (enough to reuse it incrementally). */
export interface IndexData extends TextData {
  /** Row-major vectors, `chunks.length × dimension`. */
  vectors: Float32Array;
}

/** Reads and verifies the text and the raw vectors of the current index (for incremental builds and benchmarks). */
export async function readIndexData(indexDir: string): Promise<IndexData> {
  const text = await readTextData(indexDir);
  const vectorBytes = await readVerified(text.dir, 'vectors.f32', text.manifest.files['vectors.f32']);
  const dimension = text.manifest.embedder.dimension;
  if (vectorBytes.length !== text.chunks.length * dimension * 4) {
    throw new AppError('index_corrupt', `Index file vectors.f32 has ${vectorBytes.length} bytes for ${text.chunks.length} chunks of ${dimension} dimensions: run npm run index.`);
  }
  // Copy into an aligned buffer: Buffer slices may start at any byte offset.
  return { ...text, vectors: new Float32Array(new Uint8Array(vectorBytes).buffer) };
}

/**
 * Opens the index that `manifest.json` names for searching, verifying each file it reads against its checksum.
 * The raw vectors are not loaded: the HNSW graph holds them, and only an incremental build needs them apart.
 * Errors are `index_missing`, `index_corrupt` or `index_incompatible`, each saying to run `npm run index`.
 */
export async function openIndex(indexDir: string): Promise<SearchIndex> {
  const { manifest, documents, chunks, dir } = await readTextData(indexDir);
  const [, lexicalBytes] = await Promise.all([verifyFile(dir, 'hnsw.bin', manifest.files['hnsw.bin']), readVerified(dir, 'lexical.json', manifest.files['lexical.json'])]);
  const hnsw = loadHnsw(join(dir, 'hnsw.bin'), manifest.embedder.dimension);
  if (hnsw.getCurrentCount() !== chunks.length) {
    throw new AppError('index_corrupt', `Index file hnsw.bin holds ${hnsw.getCurrentCount()} vectors for ${chunks.length} chunks: run npm run index.`);
  }
  let lexical: MiniSearch<LexicalEntry>;
  try {
    lexical = loadLexicalIndex(lexicalBytes!.toString('utf8'));
  } catch (error) {
    throw new AppError('index_corrupt', `Index file lexical.json cannot be read (${(error as Error).message}): run npm run index.`);
  }
  return { manifest, documents, chunks, hnsw, lexical };
}
