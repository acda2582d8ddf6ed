import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { CorpusDocument } from '../corpus/load-corpus.js';
import { describeEmbedder, type LoadedEmbeddings } from '../embeddings/embedder-info.js';
import { AppError } from '../errors.js';
import { chunkAt, passageText, type Chunk, type Chunker } from '../ingest/chunk-document.js';
import type { Span } from '../text/sentence-spans.js';
import { acquireLock, createDataDir, removeStale, writeAtomic, type FileDigest } from './index-files.js';
import { buildGraph } from './build-graph.js';
import { createBuildPool, type BuildPool } from './build-pool.js';
import { chooseGraphSettings, type GraphSettings } from './graph-settings.js';
import { concatLexicalIndexes, encodeLexicalIndex, lexicalTerms } from './lexical-index.js';
import { mineAcronyms } from '../lexicon/mine-acronyms.js';
import { INDEX_FORMAT, type IndexManifest } from './manifest.js';
import { graphFiles, readIndexData, type IndexData } from './open-index.js';
import { encodeTexts } from './stored-texts.js';

/** Options of {@link buildIndex}. */
export interface BuildIndexOptions {
  documents: CorpusDocument[];
  indexDir: string;
  embeddings: LoadedEmbeddings;
  chunker: Chunker;
  /** HNSW graph settings instead of the embedder's (see `graphPolicy`). */
  hnsw?: Partial<GraphSettings>;
  /** Texts per embedding call (or per build-thread job). */
  batchSize?: number;
  /** Build threads (default: the cores, at most 4). */
  threads?: number;
  /** Fewest chunks for which threads are started (below, starting them costs more than it saves). */
  parallelFrom?: number;
  /** How long to wait for another build's lock before failing (ms). */
  lockWaitMs?: number;
  /** Dictionary translations of a folded word, to pair acronyms defined in both languages (see `mineAcronyms`). */
  translate?: (word: string) => string[];
  log?: (line: string) => void;
}

/** Builds smaller than this many chunks run in one thread. */
const PARALLEL_FROM = 2000;
/** More threads than this gain little: the HNSW shards are searched one after the other. */
const MAX_BUILD_THREADS = 4;

/**
 * Writes the vectors of the chunks at `toEmbed` into `matrix` (row = chunk position) and returns the lexical index
 * of every chunk, in parts of consecutive chunks (see `concatLexicalIndexes`). With a pool, the stems and (with the
 * hash embedder) the vectors are computed in the build threads in batches, writing straight into the matrix (shared
 * memory); otherwise here, the embedder in batches of `batchSize`.
 */
async function embedAndExtract(
  options: BuildIndexOptions,
  chunks: Chunk[],
  matrix: Float32Array,
  toEmbed: number[],
  pool: BuildPool | null,
  log: (line: string) => void,
): Promise<Uint8Array[]> {
  const dimension = options.embeddings.info.dimension;
  const hashInThreads = pool !== null && options.embeddings.info.provider === 'hash';
  const batchSize = options.batchSize ?? (hashInThreads ? 1000 : 64);
  let parts: Uint8Array[];
  if (pool) {
    const rowOf = new Int32Array(chunks.length).fill(-1);
    for (const p of toEmbed) rowOf[p] = p;
    const jobs: Array<Promise<Uint8Array>> = [];
    for (let i = 0; i < chunks.length; i += batchSize) {
      const batch = chunks.slice(i, i + batchSize);
      const rows = Array.from(rowOf.subarray(i, i + batch.length));
      const vectors = hashInThreads && rows.some((r) => r >= 0) ? { matrix: matrix.buffer as SharedArrayBuffer, dimension, rows } : null;
      jobs.push(pool.run<Uint8Array>({ kind: 'prepare', chunks: batch.map((c) => ({ title: c.title, text: c.text })), vectors }));
    }
    parts = await Promise.all(jobs);
    if (hashInThreads) return parts;
  } else {
    parts = [encodeLexicalIndex(chunks.map((c) => lexicalTerms(c.title, c.text)))];
  }
  for (let i = 0; i < toEmbed.length; i += batchSize) {
    const batch = toEmbed.slice(i, i + batchSize);
    const embedded = await options.embeddings.embeddings.embedDocuments(batch.map((p) => passageText(chunks[p]!)));
    batch.forEach((position, j) => {
      const vector = embedded[j]!;
      if (vector.length !== dimension) {
        throw new AppError('internal', `The embedder returned ${vector.length} dimensions, expected ${dimension}.`);
      }
      matrix.set(vector, position * dimension);
    });
    if (toEmbed.length > batchSize * 4 && (i / batchSize) % 20 === 0) log(`Embedded ${Math.min(i + batchSize, toEmbed.length)}/${toEmbed.length} chunks`);
  }
  return parts;
}

/** Batches of documents per chunking job in the build threads. */
const CHUNK_JOB_DOCUMENTS = 200;

/** The chunk spans of each document, computed in the build threads when there is a pool. */
async function chunkSpans(documents: CorpusDocument[], chunker: Chunker, pool: BuildPool | null): Promise<Map<CorpusDocument, Span[]>> {
  if (!pool) return new Map(documents.map((d) => [d, chunker.spans(d)]));
  const jobs: Array<Promise<Span[][]>> = [];
  for (let i = 0; i < documents.length; i += CHUNK_JOB_DOCUMENTS) {
    const batch = documents.slice(i, i + CHUNK_JOB_DOCUMENTS).map(({ text, language, pages }) => ({ text, language, pages }));
    jobs.push(pool.run<Span[][]>({ kind: 'chunk', documents: batch, options: chunker.options }));
  }
  const results = (await Promise.all(jobs)).flat();
  return new Map(documents.map((d, i) => [d, results[i]!]));
}

/** The mean of the rows of a row-major matrix. */
function meanVector(matrix: Float32Array, dimension: number): Float32Array {
  const sum = new Float64Array(dimension);
  const rows = matrix.length / dimension;
  for (let i = 0; i < matrix.length; i++) sum[i % dimension]! += matrix[i]!;
  return Float32Array.from(sum, (x) => x / Math.max(rows, 1));
}

/**
 * Builds the HNSW shards (contiguous ranges of rows of `matrix`), in the build threads when there are any: they
 * read the matrix in place (shared memory) and subtract the centre as they insert.
 */
async function buildGraphs(matrix: Float32Array, dimension: number, center: Float32Array | null, graph: GraphSettings, dir: string, pool: BuildPool | null): Promise<FileDigest[]> {
  const rows = matrix.length / dimension;
  const perShard = Math.ceil(rows / graph.shards);
  return Promise.all(
    graphFiles(graph.shards).map((name, shard) => {
      const first = shard * perShard;
      const task = { matrix, dimension, firstLabel: first, count: Math.max(0, Math.min(rows, first + perShard) - first), center, settings: graph, path: join(dir, name) };
      return pool ? pool.run<FileDigest>({ kind: 'graph', ...task }) : buildGraph(task);
    }),
  );
}

/** What a build did. */
export interface BuildIndexResult {
  manifest: IndexManifest;
  /** Chunks embedded in this run (the others were reused from the previous index). */
  embeddedChunks: number;
  reusedChunks: number;
  added: string[];
  updated: string[];
  removed: string[];
  ms: number;
}

/** Reads the previous index when its vectors can be reused with this embedder and chunker. */
async function reusablePrevious(options: BuildIndexOptions, log: (line: string) => void): Promise<IndexData | null> {
  let previous: IndexData;
  try {
    previous = await readIndexData(options.indexDir);
  } catch (error) {
    const code = (error as AppError).code;
    if (code !== 'index_missing') log(`Previous index not reused: ${(error as Error).message.split(':')[0]}.`);
    return null;
  }
  const { embedder, chunker } = previous.manifest;
  const info = options.embeddings.info;
  if (embedder.provider !== info.provider || embedder.model !== info.model || embedder.dimension !== info.dimension) {
    log(`Embedder changed (${describeEmbedder(embedder)} → ${describeEmbedder(info)}): re-embedding everything.`);
    return null;
  }
  if (chunker.chunkSize !== options.chunker.options.chunkSize || chunker.chunkOverlap !== options.chunker.options.chunkOverlap) {
    log('Chunker settings changed: re-embedding everything.');
    return null;
  }
  return previous;
}

/**
 * Builds or refreshes the index: unchanged documents (same id and content hash) keep their vectors, changed and
 * new ones are chunked and embedded, removed ones disappear. Files go to a new data folder; the manifest that
 * names it is replaced atomically last, so a crash at any point leaves the old index or the new one, never a mix.
 * A lock file keeps two builds from interleaving.
 */
export async function buildIndex(options: BuildIndexOptions): Promise<BuildIndexResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  if (options.documents.length === 0) {
    throw new AppError('config', 'The corpus has no readable documents: put .txt or .md files in CORPUS_DIR.');
  }
  const release = await acquireLock(options.indexDir, options.lockWaitMs ?? 60_000);
  try {
    const previous = await reusablePrevious(options, log);
    const dimension = options.embeddings.info.dimension;
    const previousHashes = new Map(previous?.manifest.documents.map((d) => [d.id, d.hash]) ?? []);
    const previousChunks = new Map<string, number[]>();
    previous?.chunks.forEach((c, position) => {
      const list = previousChunks.get(c.docId) ?? [];
      list.push(position);
      previousChunks.set(c.docId, list);
    });

    const reused = (document: CorpusDocument) => previous !== null && previousHashes.get(document.id) === document.hash;
    const chunks: Chunk[] = [];
    const reusedVectors: Array<Float32Array | null> = [];
    const toEmbed: number[] = [];
    const added: string[] = [];
    const updated: string[] = [];
    const current = new Set(options.documents.map((d) => d.id));
    const removed = [...previousHashes.keys()].filter((id) => !current.has(id));
    let manifestParts: { dataDir: string; files: Record<string, FileDigest>; graph: GraphSettings };

    const threads = options.threads ?? Math.min(availableParallelism(), MAX_BUILD_THREADS);
    // Threads start before chunking (which they share), so the chunk count is estimated from the text's length.
    const { chunkSize, chunkOverlap } = options.chunker.options;
    const estimatedChunks = options.documents.reduce((sum, d) => sum + d.text.length, 0) / (chunkSize - chunkOverlap);
    const parallel = threads > 1 && estimatedChunks >= (options.parallelFrom ?? PARALLEL_FROM);
    const pool = parallel ? createBuildPool(threads) : null;
    try {
      let phase = performance.now();
      const changed = options.documents.filter((d) => !reused(d));
      const spans = await chunkSpans(changed, options.chunker, pool);
      for (const document of options.documents) {
        if (reused(document)) {
          for (const position of previousChunks.get(document.id) ?? []) {
            chunks.push(previous!.chunks[position]!);
            reusedVectors.push(previous!.vectors.subarray(position * dimension, (position + 1) * dimension));
          }
          continue;
        }
        (previousHashes.has(document.id) ? updated : added).push(document.id);
        spans.get(document)!.forEach((span, chunkIndex) => {
          toEmbed.push(chunks.length);
          chunks.push(chunkAt(document, chunkIndex, span));
          reusedVectors.push(null);
        });
      }
      log(`Chunked ${changed.length} documents into ${toEmbed.length} chunks in ${((performance.now() - phase) / 1000).toFixed(1)} s`);
      const graph = chooseGraphSettings(options.embeddings.info, chunks.length, threads, options.hnsw);
      phase = performance.now();
      // One matrix for every vector: the build threads write their rows into it and the graph threads read it.
      const bytes = chunks.length * dimension * 4;
      const matrix = new Float32Array(pool ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
      reusedVectors.forEach((v, i) => v && matrix.set(v, i * dimension));
      const lexicalParts = await embedAndExtract(options, chunks, matrix, toEmbed, pool, log);
      log(`Embedded ${toEmbed.length} and stemmed ${chunks.length} chunks in ${((performance.now() - phase) / 1000).toFixed(1)} s (${pool ? threads : 1} thread${pool && threads > 1 ? 's' : ''})`);
      phase = performance.now();

      const { dataDir, dir, files, write } = await createDataDir(options.indexDir);
      const center = graph.center ? meanVector(matrix, dimension) : null;
      if (center) await write('center.f32', new Uint8Array(center.buffer));
      // With build threads the graphs grow while the other files are written; without them (small indexes) they are
      // built first, so the files are written in one fixed order (the kill-at-every-step test relies on it).
      const graphsDone = pool ? buildGraphs(matrix, dimension, center, graph, dir, pool) : Promise.resolve(await buildGraphs(matrix, dimension, center, graph, dir, pool));
      const texts = encodeTexts(options.documents, chunks);
      await write('documents.json', texts.documentsJson);
      await write('texts.bin', texts.texts);
      await write('chunks.bin', texts.spans);
      await write('vectors.f32', new Uint8Array(matrix.buffer));
      await write('lexical.bin', concatLexicalIndexes(lexicalParts));
      // Mined once here (while the graph threads work), so that opening the index only reads them.
      await write('acronyms.json', JSON.stringify(mineAcronyms(options.documents, options.translate)));
      const written = performance.now();
      (await graphsDone).forEach((d, i) => (files[graphFiles(graph.shards)[i]!] = d));
      log(`Wrote the index files in ${((written - phase) / 1000).toFixed(1)} s; HNSW graphs (${graph.shards}, M ${graph.m}, efConstruction ${graph.efConstruction}${graph.center ? ', centred' : ''}) ready after ${((performance.now() - phase) / 1000).toFixed(1)} s`);
      manifestParts = { dataDir, files, graph };
    } finally {
      await pool?.close();
    }
    const { dataDir, files } = manifestParts;

    const counts = new Map<string, number>();
    for (const c of chunks) counts.set(c.docId, (counts.get(c.docId) ?? 0) + 1);
    const manifest: IndexManifest = {
      format: INDEX_FORMAT,
      dataDir,
      embedder: options.embeddings.info,
      chunker: { ...options.chunker.options },
      hnsw: manifestParts.graph,
      documents: options.documents.map((d) => ({ id: d.id, hash: d.hash, chunks: counts.get(d.id) ?? 0 })),
      counts: { documents: options.documents.length, chunks: chunks.length },
      builtAt: new Date().toISOString(),
      buildMs: Math.round(performance.now() - started),
      files,
    };
    await writeAtomic(join(options.indexDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    await removeStale(options.indexDir, dataDir);
    return {
      manifest,
      embeddedChunks: toEmbed.length,
      reusedChunks: chunks.length - toEmbed.length,
      added,
      updated,
      removed,
      ms: manifest.buildMs,
    };
  } finally {
    await release();
  }
}
