import hnswlib from 'hnswlib-node';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusDocument } from '../corpus/load-corpus.js';
import { describeEmbedder, type LoadedEmbeddings } from '../embeddings/embedder-info.js';
import { AppError } from '../errors.js';
import { passageText, type Chunk, type Chunker } from '../ingest/chunk-document.js';
import { acquireLock, digest, writeAtomic, writeDurable, type FileDigest } from './index-files.js';
import { createLexicalIndex } from './lexical-index.js';
import { INDEX_FORMAT, type IndexManifest } from './manifest.js';
import { readIndexData, type IndexData, type StoredChunk } from './open-index.js';

/** Options of {@link buildIndex}. */
export interface BuildIndexOptions {
  documents: CorpusDocument[];
  indexDir: string;
  embeddings: LoadedEmbeddings;
  chunker: Chunker;
  /** HNSW graph settings; higher values trade build time for recall. */
  hnsw?: { m?: number; efConstruction?: number };
  /** Texts per embedding call. */
  batchSize?: number;
  /** How long to wait for another build's lock before failing (ms). */
  lockWaitMs?: number;
  log?: (line: string) => void;
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

/** Removes data folders and temporary files that the manifest no longer names (old versions, crashed builds). */
async function removeStale(indexDir: string, keep: string): Promise<void> {
  for (const entry of await readdir(indexDir)) {
    if ((entry.startsWith('data-') && entry !== keep) || entry.endsWith('.tmp')) {
      await rm(join(indexDir, entry), { recursive: true, force: true });
    }
  }
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
    previous?.storedChunks.forEach((c, position) => {
      const list = previousChunks.get(c.docId) ?? [];
      list.push(position);
      previousChunks.set(c.docId, list);
    });

    const chunks: Chunk[] = [];
    const vectors: Array<Float32Array | null> = [];
    const toEmbed: number[] = [];
    const added: string[] = [];
    const updated: string[] = [];
    for (const document of options.documents) {
      const oldHash = previousHashes.get(document.id);
      if (previous && oldHash === document.hash) {
        for (const position of previousChunks.get(document.id) ?? []) {
          chunks.push(previous.chunks[position]!);
          vectors.push(previous.vectors.subarray(position * dimension, (position + 1) * dimension));
        }
        continue;
      }
      (oldHash === undefined ? added : updated).push(document.id);
      for (const chunk of options.chunker.chunk(document)) {
        toEmbed.push(chunks.length);
        chunks.push(chunk);
        vectors.push(null);
      }
    }
    const current = new Set(options.documents.map((d) => d.id));
    const removed = [...previousHashes.keys()].filter((id) => !current.has(id));

    const batchSize = options.batchSize ?? 64;
    for (let i = 0; i < toEmbed.length; i += batchSize) {
      const batch = toEmbed.slice(i, i + batchSize);
      const embedded = await options.embeddings.embeddings.embedDocuments(batch.map((p) => passageText(chunks[p]!)));
      batch.forEach((position, j) => {
        const vector = embedded[j]!;
        if (vector.length !== dimension) {
          throw new AppError('internal', `The embedder returned ${vector.length} dimensions, expected ${dimension}.`);
        }
        vectors[position] = Float32Array.from(vector);
      });
      if (toEmbed.length > batchSize * 4 && (i / batchSize) % 20 === 0) log(`Embedded ${Math.min(i + batchSize, toEmbed.length)}/${toEmbed.length} chunks`);
    }

    const matrix = new Float32Array(chunks.length * dimension);
    vectors.forEach((v, i) => matrix.set(v!, i * dimension));

    // Measured on 10k chunks of hash vectors: efConstruction 100 builds twice as fast as 200 at equal recall@10
    // (≥ 0.97 with ef 128), and M 24 gains a little recall for little memory.
    const m = options.hnsw?.m ?? 24;
    const efConstruction = options.hnsw?.efConstruction ?? 100;
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimension);
    hnsw.initIndex({ maxElements: Math.max(chunks.length, 1), m, efConstruction, randomSeed: 100 });
    for (let i = 0; i < chunks.length; i++) hnsw.addPoint(Array.from(matrix.subarray(i * dimension, (i + 1) * dimension)), i);

    const lexical = createLexicalIndex();
    lexical.addAll(chunks.map((c, id) => ({ id, title: c.title, text: c.text })));

    const dataDir = `data-${Date.now()}-${randomBytes(4).toString('hex')}`;
    const dir = join(options.indexDir, dataDir);
    await mkdir(dir, { recursive: true });
    const files: Record<string, FileDigest> = {};
    const write = async (name: string, data: Uint8Array | string) => {
      await writeDurable(join(dir, name), data);
      files[name] = digest(data);
    };
    const storedChunks: StoredChunk[] = chunks.map((c) => ({ docId: c.docId, chunkIndex: c.chunkIndex, start: c.start, end: c.end }));
    await write('documents.json', JSON.stringify(options.documents));
    await write('chunks.json', JSON.stringify(storedChunks));
    await write('vectors.f32', new Uint8Array(matrix.buffer));
    await write('lexical.json', JSON.stringify(lexical));
    hnsw.writeIndexSync(join(dir, 'hnsw.bin'));
    files['hnsw.bin'] = digest(await readFile(join(dir, 'hnsw.bin')));

    const counts = new Map<string, number>();
    for (const c of chunks) counts.set(c.docId, (counts.get(c.docId) ?? 0) + 1);
    const manifest: IndexManifest = {
      format: INDEX_FORMAT,
      dataDir,
      embedder: options.embeddings.info,
      chunker: { ...options.chunker.options },
      hnsw: { space: 'cosine', m, efConstruction },
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
