import hnswlib from 'hnswlib-node';
import { copyFile, link } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusDocument } from '../corpus/load-corpus.js';
import { describeEmbedder, type LoadedEmbeddings } from '../embeddings/embedder-info.js';
import { AppError } from '../errors.js';
import { passageText, type Chunk, type Chunker } from '../ingest/chunk-document.js';
import { writeGraph } from './build-graph.js';
import { centered } from './hnsw-vector-store.js';
import { acquireLock, createDataDir, readVerified, removeStale, writeAtomic, type FileDigest } from './index-files.js';
import { lexicalTerms, updateLexicalIndex } from './lexical-index.js';
import { mineAcronyms } from '../lexicon/mine-acronyms.js';
import type { IndexManifest } from './manifest.js';
import { graphFiles, LABELS_FILE, readIndexData, type IndexData } from './open-index.js';
import { encodeTexts } from './stored-texts.js';

/**
 * How an in-place update grows the HNSW graph. hnswlib allocates `maxElements` slots when it loads a graph (the
 * file holds only the used ones), so growth by a factor keeps resizes rare without reserving much.
 */
export const updatePolicy = {
  /** Capacity after a resize, as a multiple of the elements needed (at least the elements needed). */
  growth: 1.25,
  /** Texts per embedding call. */
  batchSize: 64,
} as const;

/** Options of {@link updateIndex}. */
export interface UpdateIndexOptions {
  indexDir: string;
  embeddings: LoadedEmbeddings;
  chunker: Chunker;
  /** Documents to add; one with the id of an indexed document replaces it. */
  add?: CorpusDocument[];
  /** Ids of indexed documents to remove. */
  remove?: string[];
  /** How long to wait for another build's or update's lock before failing (ms). */
  lockWaitMs?: number;
  /** Dictionary translations of a folded word, to pair acronyms defined in both languages (as `buildIndex` takes). */
  translate?: (word: string) => string[];
}

/** What an update did. */
export interface UpdateIndexResult {
  manifest: IndexManifest;
  added: string[];
  removed: string[];
  embeddedChunks: number;
  ms: number;
}

/** Fails unless the index was built with this embedder and chunker (their vectors and spans would not mix). */
function assertUpdatable(previous: IndexData, options: UpdateIndexOptions): void {
  const { embedder, chunker } = previous.manifest;
  const info = options.embeddings.info;
  if (embedder.provider !== info.provider || embedder.model !== info.model || embedder.dimension !== info.dimension) {
    throw new AppError('index_incompatible', `The index was built with ${describeEmbedder(embedder)}, not ${describeEmbedder(info)}: run npm run index before adding documents.`);
  }
  if (chunker.chunkSize !== options.chunker.options.chunkSize || chunker.chunkOverlap !== options.chunker.options.chunkOverlap) {
    throw new AppError('index_incompatible', 'The index was built with other chunk settings: run npm run index before adding documents.');
  }
}

/** Embeds chunks in batches, checking each vector's dimension. */
async function embedChunks(chunks: Chunk[], embeddings: LoadedEmbeddings): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let i = 0; i < chunks.length; i += updatePolicy.batchSize) {
    const batch = chunks.slice(i, i + updatePolicy.batchSize);
    for (const vector of await embeddings.embeddings.embedDocuments(batch.map(passageText))) {
      if (vector.length !== embeddings.info.dimension) throw new AppError('internal', `The embedder returned ${vector.length} dimensions, expected ${embeddings.info.dimension}.`);
      vectors.push(Float32Array.from(vector));
    }
  }
  return vectors;
}

/** Links an unchanged file into the new data folder (data folders are never modified once written). */
async function reuseFile(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    // Filesystems without hard links: a copy keeps the bytes (the digest is re-taken by the caller).
    await copyFile(from, to);
  }
}

/**
 * Adds and removes documents in the index without rebuilding it: new chunks are embedded and inserted into the
 * last HNSW shard (`addPoint`, growing it with `resizeIndex`), removed ones are marked deleted (`markDelete`) and
 * kept in the graph until the next full build; the lexical index is merged in one pass; documents, spans, vectors
 * and the position → label map are rewritten (documents.json, texts.bin, chunks.bin: index format 3), the acronyms mined again. Like a full build, everything goes to a new data folder and the
 * manifest that names it is replaced atomically last, under the same lock: a crash leaves the old index or the new.
 */
export async function updateIndex(options: UpdateIndexOptions): Promise<UpdateIndexResult> {
  const started = performance.now();
  const add = options.add ?? [];
  const release = await acquireLock(options.indexDir, options.lockWaitMs ?? 60_000);
  try {
    const previous = await readIndexData(options.indexDir);
    assertUpdatable(previous, options);
    const { manifest: old, dir: oldDir } = previous;
    const dimension = old.embedder.dimension;
    for (const id of options.remove ?? []) {
      if (!previous.documents.has(id)) throw new AppError('not_found', `No document with id "${id.slice(0, 200)}" in the index.`);
    }
    const leaving = new Set([...(options.remove ?? []), ...add.map((d) => d.id).filter((id) => previous.documents.has(id))]);

    // Positions of the chunks that stay, in their order; the new chunks follow them.
    const newPosition = new Int32Array(previous.chunks.length).fill(-1);
    const keptPositions: number[] = [];
    previous.chunks.forEach((c, p) => {
      if (leaving.has(c.docId)) return;
      newPosition[p] = keptPositions.length;
      keptPositions.push(p);
    });
    const fresh = add.flatMap((d) => options.chunker.chunk(d));
    const freshVectors = await embedChunks(fresh, options.embeddings);

    const oldLabels = old.files[LABELS_FILE]
      ? new Uint32Array(new Uint8Array(await readVerified(oldDir, LABELS_FILE, old.files[LABELS_FILE])).buffer)
      : Uint32Array.from(previous.chunks, (_, p) => p);
    const center = old.hnsw.center ? new Float32Array(new Uint8Array(await readVerified(oldDir, 'center.f32', old.files['center.f32'])).buffer) : null;

    const out = await createDataDir(options.indexDir);
    const reuse = async (name: string) => {
      await reuseFile(join(oldDir, name), join(out.dir, name));
      out.files[name] = old.files[name] as FileDigest;
    };
    if (center) await reuse('center.f32');
    // Graphs: deletions where each removed label lives, insertions into the last shard with fresh labels.
    const shardNames = graphFiles(old.hnsw.shards);
    let nextLabel = 0;
    const removedLabels = previous.chunks.flatMap((_, p) => (newPosition[p]! < 0 ? [oldLabels[p]!] : []));
    const freshLabels: number[] = [];
    for (const [shard, name] of shardNames.entries()) {
      const graph = new hnswlib.HierarchicalNSW('cosine', dimension);
      graph.readIndexSync(join(oldDir, name));
      const ids = new Set(graph.getIdsList());
      const deletions = removedLabels.filter((l) => ids.has(l));
      const inserts = shard === shardNames.length - 1 ? fresh.length : 0;
      nextLabel += graph.getCurrentCount();
      if (deletions.length === 0 && inserts === 0) {
        await reuse(name);
        continue;
      }
      for (const label of deletions) graph.markDelete(label);
      if (inserts > 0) {
        const needed = graph.getCurrentCount() + inserts;
        if (needed > graph.getMaxElements()) graph.resizeIndex(Math.max(needed, Math.ceil(needed * updatePolicy.growth)));
        // Labels are never reused: a deleted label stays in the graph until the next full build.
        fresh.forEach((_, i) => {
          const label = nextLabel + i;
          graph.addPoint(centered(freshVectors[i]!, center), label);
          freshLabels.push(label);
        });
      }
      out.files[name] = await writeGraph(graph, join(out.dir, name));
    }

    const documents = [...[...previous.documents.values()].filter((d) => !leaving.has(d.id)), ...add];
    const storedChunks = [...keptPositions.map((p) => previous.chunks[p]!), ...fresh];
    const matrix = new Float32Array(storedChunks.length * dimension);
    keptPositions.forEach((p, i) => matrix.set(previous.vectors.subarray(p * dimension, (p + 1) * dimension), i * dimension));
    freshVectors.forEach((v, i) => matrix.set(v, (keptPositions.length + i) * dimension));
    const labels = Uint32Array.from([...keptPositions.map((p) => oldLabels[p]!), ...freshLabels]);
    const oldLexical = await readVerified(oldDir, 'lexical.bin', old.files['lexical.bin']);

    // Kept documents' texts are decoded from the old texts.bin as they are re-encoded (format 3, as a build writes).
    const texts = encodeTexts(documents, storedChunks);
    await out.write('documents.json', texts.documentsJson);
    await out.write('texts.bin', texts.texts);
    await out.write('chunks.bin', texts.spans);
    await out.write('vectors.f32', new Uint8Array(matrix.buffer));
    await out.write('lexical.bin', updateLexicalIndex(oldLexical, (p) => newPosition[p]!, fresh.map((c) => lexicalTerms(c.title, c.text))));
    await out.write(LABELS_FILE, new Uint8Array(labels.buffer));
    // Mined again from all the documents now indexed: a pair of definitions may join or part across languages.
    await out.write('acronyms.json', JSON.stringify(mineAcronyms(documents, options.translate)));

    const counts = new Map<string, number>();
    for (const c of storedChunks) counts.set(c.docId, (counts.get(c.docId) ?? 0) + 1);
    const manifest: IndexManifest = {
      ...old,
      dataDir: out.dataDir,
      documents: documents.map((d) => ({ id: d.id, hash: d.hash, chunks: counts.get(d.id) ?? 0 })),
      counts: { documents: documents.length, chunks: storedChunks.length },
      updatedAt: new Date().toISOString(),
      files: out.files,
    };
    await writeAtomic(join(options.indexDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    await removeStale(options.indexDir, out.dataDir);
    return { manifest, added: add.map((d) => d.id), removed: [...leaving].filter((id) => !add.some((d) => d.id === id)), embeddedChunks: fresh.length, ms: Math.round(performance.now() - started) };
  } finally {
    await release();
  }
}
