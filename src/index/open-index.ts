import hnswlib from 'hnswlib-node';
import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import type { Chunk } from '../ingest/chunk-document.js';
import type { GlossaryEntry } from '../lexicon/glossary.js';
import { quickCheck, readVerified, verifyFile } from './index-files.js';
import { openLexicalIndex, type LexicalIndex } from './lexical-index.js';
import { readManifest, type IndexManifest } from './manifest.js';
import { openTexts, textsIn, type StoredTexts, type TextSource } from './stored-texts.js';

/** Everything a retriever needs, in memory. Chunk positions are the HNSW labels and lexical ids. */
export interface SearchIndex extends StoredTexts {
  manifest: IndexManifest;
  /**
   * The HNSW graphs (one per shard), in the space `manifest.hnsw` describes. Empty until `graphsLoaded` settles
   * when the index was opened with `graphsInBackground`.
   */
  graphs: hnswlib.HierarchicalNSW[];
  /** Settles once the graphs are loaded and checked against the chunks (rejects with `index_corrupt`). */
  graphsLoaded: Promise<void>;
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

function parseJson<T>(bytes: Buffer, name: string): T {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    throw new AppError('index_corrupt', `Index file ${name} is not valid JSON: run npm run index.`);
  }
}

/**
 * Loads an HNSW graph off the main thread (hnswlib's `readIndex` runs in the libuv pool, so the shards load side by
 * side while the texts are read); data folders are never modified after they are written, so it is read in place.
 */
async function loadHnsw(path: string, dimension: number): Promise<hnswlib.HierarchicalNSW> {
  try {
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimension);
    await hnsw.readIndex(path);
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
interface TextData extends StoredTexts {
  manifest: IndexManifest;
  dir: string;
}

/** Closes the texts file of an opened index once nothing can read it any more (the index was swapped out). */
const textFiles = new FinalizationRegistry<number>((fd) => closeSync(fd));

/**
 * `texts.bin` read on demand (a few kB per document used) instead of read whole at start: opening a 100k-chunk
 * index reads none of its 50 MB, and serving holds only the texts it has shown. The file is opened now, so a
 * rebuild that removes this data folder before the new index is swapped in leaves it readable.
 */
export function fileTexts(path: string, size: number): TextSource {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new AppError('index_corrupt', `Index file ${path} is missing (${(error as NodeJS.ErrnoException).code}): run npm run index to rebuild the index.`);
  }
  const source: TextSource = {
    size,
    read(offset, bytes) {
      const buffer = Buffer.allocUnsafe(bytes);
      const n = bytes ? readSync(fd, buffer, 0, bytes, offset) : 0;
      if (n !== bytes) throw new AppError('index_corrupt', `Index file ${path} ends before byte ${offset + bytes}: run npm run index.`);
      return buffer.toString('utf8');
    },
  };
  textFiles.register(source, fd);
  return source;
}

/** Reads the manifest, documents and chunk spans of the current index after the start-up check of every file. */
async function readTextData(indexDir: string, options: { wholeTexts: boolean; whileReading?: (dir: string, manifest: IndexManifest) => void }): Promise<TextData> {
  const manifest = await readManifest(indexDir);
  const dir = join(indexDir, manifest.dataDir);
  await quickCheck(dir, manifest.files);
  options.whileReading?.(dir, manifest);
  const [documents, spans] = await Promise.all([readIn(dir, 'documents.json'), readIn(dir, 'chunks.bin')]);
  const texts = options.wholeTexts ? textsIn(await readIn(dir, 'texts.bin')) : fileTexts(join(dir, 'texts.bin'), manifest.files['texts.bin']?.bytes ?? 0);
  return { manifest, dir, ...openTexts(documents!, texts, spans!) };
}

/** The vector and text part of an index, without the search structures (enough to reuse it incrementally). */
export interface IndexData extends TextData {
  /** Every chunk, in position order. */
  chunks: Chunk[];
  /** Row-major vectors, `chunks.length × dimension`. */
  vectors: Float32Array;
}

/** Reads and verifies the text and the raw vectors of the current index (for incremental builds and benchmarks). */
export async function readIndexData(indexDir: string): Promise<IndexData> {
  const text = await readTextData(indexDir, { wholeTexts: true });
  // A build reuses what it reads: check the texts in full, not only their sizes and times.
  for (const name of ['documents.json', 'texts.bin', 'chunks.bin']) await verifyFile(text.dir, name, text.manifest.files[name]);
  const vectorBytes = await readVerified(text.dir, 'vectors.f32', text.manifest.files['vectors.f32']);
  const dimension = text.manifest.embedder.dimension;
  if (vectorBytes.length !== text.chunkCount * dimension * 4) {
    throw new AppError('index_corrupt', `Index file vectors.f32 has ${vectorBytes.length} bytes for ${text.chunkCount} chunks of ${dimension} dimensions: run npm run index.`);
  }
  const chunks = Array.from({ length: text.chunkCount }, (_, p) => text.chunk(p)!);
  // Copy into an aligned buffer: Buffer slices may start at any byte offset.
  return { ...text, chunks, vectors: new Float32Array(new Uint8Array(vectorBytes).buffer) };
}

/** Options of {@link openIndex}. */
export interface OpenIndexOptions {
  /**
   * Resolve as soon as everything but the HNSW graphs is read, leaving them to load (`graphsLoaded`): a server
   * listens while they load, and its vector searches wait for them. Loading them is most of opening a large index
   * (two 110 MB shards at 100k chunks, copied into memory by hnswlib).
   */
  graphsInBackground?: boolean;
}

/**
 * Opens the index that `manifest.json` names for searching. Start-up checks each file's size and modification time
 * (see `quickCheck`) and loads only what serving needs: document metadata, chunk spans, the HNSW graphs (loaded in
 * the libuv pool while the rest is read), the lexical index and the mined acronyms; texts are read from `texts.bin`
 * when used (`fileTexts`) and the raw vectors stay on disk (the graphs hold them). `verify()` hashes everything in
 * full, for a background check after start. Errors are `index_missing`, `index_corrupt` or `index_incompatible`,
 * each saying to run `npm run index`; with `graphsInBackground`, a graph's are reported by `graphsLoaded`.
 */
export async function openIndex(indexDir: string, options: OpenIndexOptions = {}): Promise<SearchIndex> {
  let loading: Promise<hnswlib.HierarchicalNSW[]> = Promise.resolve([]);
  const text = await readTextData(indexDir, {
    wholeTexts: false,
    whileReading: (dir, manifest) => {
      loading = Promise.all(graphFiles(manifest.hnsw.shards).map((name) => loadHnsw(join(dir, name), manifest.embedder.dimension)));
      // Failures are reported when awaited below; this keeps an early text error from leaving it unhandled.
      loading.catch(() => {});
    },
  });
  const { manifest, dir, chunkCount } = text;
  const { dimension } = manifest.embedder;
  let center: Float32Array | null = null;
  if (manifest.hnsw.center) {
    const bytes = await readIn(dir, 'center.f32');
    if (bytes.length !== dimension * 4) throw new AppError('index_corrupt', `Index file center.f32 has ${bytes.length} bytes for ${dimension} dimensions: run npm run index.`);
    center = new Float32Array(new Uint8Array(bytes).buffer);
  }
  const lexical = openLexicalIndex(await readIn(dir, 'lexical.bin'));
  if (lexical.size !== chunkCount) throw new AppError('index_corrupt', `Index file lexical.bin holds ${lexical.size} chunks for ${chunkCount}: run npm run index.`);
  const acronyms = parseJson<GlossaryEntry[]>(await readVerified(dir, 'acronyms.json', manifest.files['acronyms.json']), 'acronyms.json');
  const labelBytes = manifest.files[LABELS_FILE] ? await readIn(dir, LABELS_FILE) : null;
  const labels = labelBytes ? new Uint32Array(new Uint8Array(labelBytes).buffer) : null;
  if (labels && labels.length !== chunkCount) throw new AppError('index_corrupt', `Index file ${LABELS_FILE} holds ${labels.length} labels for ${chunkCount} chunks: run npm run index.`);
  const graphs: hnswlib.HierarchicalNSW[] = [];
  const graphsLoaded = loading.then((loaded) => {
    const inGraphs = loaded.reduce((sum, g) => sum + g.getCurrentCount(), 0);
    if (labels ? labels.some((l) => l >= inGraphs) : inGraphs !== chunkCount) {
      throw new AppError('index_corrupt', `Index graphs hold ${inGraphs} vectors for ${chunkCount} chunks${labels ? ` and ${LABELS_FILE} labels` : ''}: run npm run index.`);
    }
    graphs.push(...loaded);
  });
  if (options.graphsInBackground) graphsLoaded.catch(() => {}); // reported by whoever awaits it (the server, a search)
  else await graphsLoaded;
  const verify = async () => {
    for (const [name, expected] of Object.entries(manifest.files)) await verifyFile(dir, name, expected);
  };
  return { ...text, graphs, graphsLoaded, center, labels, lexical, acronyms, verify };
}
