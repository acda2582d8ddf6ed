import hnswlib from 'hnswlib-node';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusDocument } from '../corpus/load-corpus.js';
import { pageAt } from '../corpus/page-at.js';
import { AppError } from '../errors.js';
import type { Chunk } from '../ingest/chunk-document.js';
import type { GlossaryEntry } from '../lexicon/glossary.js';
import { quickCheck, readVerified, verifyFile } from './index-files.js';
import { openLexicalIndex, type LexicalIndex } from './lexical-index.js';
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
  /** The HNSW graphs (one per shard), in the space `manifest.hnsw` describes. */
  graphs: hnswlib.HierarchicalNSW[];
  /** The corpus mean subtracted from vectors before they enter the graph, when `manifest.hnsw.center`. */
  center: Float32Array | null;
  /**
   * Chunk position → HNSW label once documents were added or removed in place (see update-index.ts): removed
   * chunks stay in the graphs, marked deleted, until the next full build. Null after a full build: label = position.
   */
  labels: Uint32Array | null;
  lexical: LexicalIndex;
  /** Glossary entries for the acronyms the corpus defines, mined when the index was built. */
  acronyms: GlossaryEntry[];
  /** Hashes every file of the index in full against the manifest (start-up checks sizes and times only). */
  verify(): Promise<void>;
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
      ...(doc.pages ? { page: pageAt(doc, s.start) } : {}),
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

/** Loads an HNSW graph; data folders are never modified after they are written, so the file is read in place. */
function loadHnsw(path: string, dimension: number): hnswlib.HierarchicalNSW {
  try {
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimension);
    hnsw.readIndexSync(path);
    return hnsw;
  } catch (error) {
    throw new AppError('index_corrupt', `Index file ${path} cannot be read (${(error as Error).message}): run npm run index.`);
  }
}

/** The file that maps chunk positions to HNSW labels after an in-place update. */
export const LABELS_FILE = 'labels.u32';

/** Names of the HNSW shard files of an index with `shards` graphs. */
export function graphFiles(shards: number): string[] {
  return Array.from({ length: shards }, (_, i) => `hnsw-${i}.bin`);
}

async function readIn(dir: string, name: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, name));
  } catch (error) {
    throw new AppError('index_corrupt', `Index file ${join(dir, name)} is missing (${(error as NodeJS.ErrnoException).code}): run npm run index to rebuild the index.`);
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

/** Reads the manifest, documents and chunks of the current index after the start-up check of every file. */
async function readTextData(indexDir: string): Promise<TextData> {
  const manifest = await readManifest(indexDir);
  const dir = join(indexDir, manifest.dataDir);
  await quickCheck(dir, manifest.files);
  const [documentsBytes, chunksBytes] = await Promise.all(['documents.json', 'chunks.json'].map((name) => readIn(dir, name)));
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
  // A build reuses what it reads: check the texts in full, not only their sizes and times.
  for (const name of ['documents.json', 'chunks.json']) await verifyFile(text.dir, name, text.manifest.files[name]);
  const vectorBytes = await readVerified(text.dir, 'vectors.f32', text.manifest.files['vectors.f32']);
  const dimension = text.manifest.embedder.dimension;
  if (vectorBytes.length !== text.chunks.length * dimension * 4) {
    throw new AppError('index_corrupt', `Index file vectors.f32 has ${vectorBytes.length} bytes for ${text.chunks.length} chunks of ${dimension} dimensions: run npm run index.`);
  }
  // Copy into an aligned buffer: Buffer slices may start at any byte offset.
  return { ...text, vectors: new Float32Array(new Uint8Array(vectorBytes).buffer) };
}

/**
 * Opens the index that `manifest.json` names for searching. Start-up checks each file's size and modification time
 * (see `quickCheck`) and loads only what serving needs: documents, chunk spans, the HNSW graphs and the lexical
 * index (the raw vectors stay on disk: the graphs hold them). `verify()` hashes everything in full, for a background
 * check after start. Errors are `index_missing`, `index_corrupt` or `index_incompatible`, each saying to run
 * `npm run index`.
 */
export async function openIndex(indexDir: string): Promise<SearchIndex> {
  const { manifest, documents, chunks, dir } = await readTextData(indexDir);
  const { dimension } = manifest.embedder;
  const graphs = graphFiles(manifest.hnsw.shards).map((name) => loadHnsw(join(dir, name), dimension));
  const inGraphs = graphs.reduce((sum, g) => sum + g.getCurrentCount(), 0);
  let labels: Uint32Array | null = null;
  if (manifest.files[LABELS_FILE]) {
    const bytes = await readIn(dir, LABELS_FILE);
    labels = new Uint32Array(new Uint8Array(bytes).buffer);
    if (labels.length !== chunks.length || labels.some((l) => l >= inGraphs)) {
      throw new AppError('index_corrupt', `Index file ${LABELS_FILE} does not match the ${chunks.length} chunks and ${inGraphs} graph labels: run npm run index.`);
    }
  } else if (inGraphs !== chunks.length) {
    throw new AppError('index_corrupt', `Index graphs hold ${inGraphs} vectors for ${chunks.length} chunks: run npm run index.`);
  }
  let center: Float32Array | null = null;
  if (manifest.hnsw.center) {
    const bytes = await readIn(dir, 'center.f32');
    if (bytes.length !== dimension * 4) throw new AppError('index_corrupt', `Index file center.f32 has ${bytes.length} bytes for ${dimension} dimensions: run npm run index.`);
    center = new Float32Array(new Uint8Array(bytes).buffer);
  }
  const lexical = openLexicalIndex(await readIn(dir, 'lexical.bin'));
  if (lexical.size !== chunks.length) throw new AppError('index_corrupt', `Index file lexical.bin holds ${lexical.size} chunks for ${chunks.length}: run npm run index.`);
  const acronyms = parseJson<GlossaryEntry[]>(await readVerified(dir, 'acronyms.json', manifest.files['acronyms.json']), 'acronyms.json');
  const verify = async () => {
    for (const [name, expected] of Object.entries(manifest.files)) await verifyFile(dir, name, expected);
  };
  return { manifest, documents, chunks, graphs, center, labels, lexical, acronyms, verify };
}
