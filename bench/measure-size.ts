/**
 * Measures one corpus size in a fresh process (so that peak memory is this size's alone) and prints JSON:
 * index build, size on disk, peak RSS, hybrid search latency, HNSW recall@10 against brute force, and the stock
 * LangChain stores (HNSWLib.fromDocuments with defaults, MemoryVectorStore) on the same chunks and vectors.
 */
import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { readdir, stat } from 'node:fs/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeRetriever, runIndexBuild } from '../src/runtime/node-runtime.js';
import { centered } from '../src/index/hnsw-vector-store.js';
import { nodeStores } from '../src/index/node-stores.js';
import { loadConfig } from '../src/config/config.js';
import { percentile } from '../src/eval/run-eval.js';
import { openIndex, readIndexData } from '../src/index/open-index.js';
import { loadLexicon } from '../src/retrieval/bilingual-lexicon.js';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, index: { type: 'string' }, queries: { type: 'string' }, baselines: { type: 'string', default: 'true' } } });
const queries: string[] = JSON.parse(values.queries!);
const config = loadConfig({ ...process.env, EMBEDDINGS: 'hash', CORPUS_DIR: values.corpus!, INDEX_DIR: values.index! });
const mb = (kb: number) => Math.round(kb / 1024);

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

function timeEach<T>(items: T[], run: (item: T) => unknown): number[] {
  return items.map((item) => {
    const t = performance.now();
    run(item);
    return performance.now() - t;
  });
}

async function timeEachAsync<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const item of items) {
    const t = performance.now();
    await run(item);
    out.push(performance.now() - t);
  }
  return out;
}

const stats = (xs: number[]) => ({ p50: +percentile(xs, 50).toFixed(3), p95: +percentile(xs, 95).toFixed(3), p99: +percentile(xs, 99).toFixed(3) });

const { lexicon } = await loadLexicon(config.dictDir, config.indexDir);
const build = await runIndexBuild(config, () => {}, lexicon);
const index = await openIndex(config.indexDir);
const retriever = createNodeRetriever({ embeddings: build.embeddings, index, lexicon, options: config.retrieval });
const n = index.chunkCount;
const dim = index.manifest.embedder.dimension;

// Warm up, then time hybrid search (the retriever's full path: expansion, HNSW, BM25, fusion, diversity, and the
// passages' texts, which the server sends).
const search = async (q: string) => (await retriever.search(q, { k: 5 })).reduce((sum, p) => sum + p.chunk.text.length, 0);
for (const q of queries.slice(0, 10)) await search(q);
// Garbage collection during the timed searches, reported beside them: this process has just built the index.
let hybridGcMs = 0;
const gcObserver = new PerformanceObserver((list) => list.getEntries().forEach((e) => (hybridGcMs += e.duration)));
gcObserver.observe({ entryTypes: ['gc'] });
// Each search's CPU time too: the machine's other processes inflate wall time far more (README Performance).
const hybridCpu: number[] = [];
const hybrid = await timeEachAsync(queries, async (q) => {
  const used = process.cpuUsage();
  await search(q);
  const { user, system } = process.cpuUsage(used);
  hybridCpu.push((user + system) / 1000);
});
// GC entries are delivered by a later task than the searches' own (which resolve without leaving the microtask queue).
await new Promise((settle) => setTimeout(settle, 200));
gcObserver.disconnect();

// HNSW against exact search over the same vectors (centred when the index is), at the ef the index stores.
const embedder = build.embeddings.embeddings;
const queryVectors = await Promise.all(queries.map((q) => embedder.embedQuery(q)));
const { vectors } = await readIndexData(config.indexDir);
const space = index.center ? centeredRows(vectors, index.center) : vectors;
function centeredRows(rows: Float32Array, center: Float32Array): Float32Array {
  const out = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i += dim) {
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += (rows[i + j]! - center[j]!) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < dim; j++) out[i + j] = (rows[i + j]! - center[j]!) / norm;
  }
  return out;
}
function bruteForce(q: number[], k: number): number[] {
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const off = i * dim;
    for (let j = 0; j < dim; j++) s += space[off + j]! * q[j]!;
    scores[i] = s;
  }
  return Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]!).slice(0, k);
}
const vectorStore = nodeStores(index).vectors;
const k10 = Math.min(10, n);
let hits = 0;
for (const q of queryVectors) {
  const approx = new Set((await vectorStore.search(q, k10)).map(([position]) => position));
  hits += bruteForce(centered(q, index.center), k10).filter((i) => approx.has(i)).length;
}
const hnswTimes = await timeEachAsync(queryVectors, (q) => vectorStore.search(q, k10));
const bruteTimes = timeEach(queryVectors, (q) => bruteForce(q, k10));
const peakRssAfterOurs = mb(process.resourceUsage().maxRSS);

const result: Record<string, unknown> = {
  chunks: n,
  documents: index.documents.size,
  buildMs: build.ms,
  chunksPerSec: Math.round(n / (build.ms / 1000)),
  // Reading and cleaning the corpus files comes before the build proper; counted here so that end-to-end is known.
  corpusReadMs: build.readMs,
  chunksPerSecWithReading: Math.round(n / ((build.ms + build.readMs) / 1000)),
  indexBytes: await dirBytes(config.indexDir),
  peakRssMb: peakRssAfterOurs,
  hybridSearchMs: stats(hybrid),
  hybridSearchCpuMs: stats(hybridCpu),
  hybridGcMs: Math.round(hybridGcMs),
  hnswSearchMs: stats(hnswTimes),
  bruteForceMs: stats(bruteTimes),
  hnswRecallAt10: +(hits / (queryVectors.length * k10)).toFixed(4),
};

if (values.baselines !== 'false') {
  // The stock pipeline gets the very same vectors: an Embeddings that looks them up instead of computing them.
  const byText = new Map<string, number[]>();
  const docs = Array.from({ length: n }, (_, i) => {
    const c = index.chunk(i)!;
    byText.set(c.text, Array.from(vectors.subarray(i * dim, (i + 1) * dim)));
    return new Document({ pageContent: c.text, metadata: { id: c.id } });
  });
  class StoredEmbeddings extends Embeddings {
    async embedDocuments(texts: string[]) {
      return texts.map((t) => byText.get(t)!);
    }
    async embedQuery(text: string) {
      return embedder.embedQuery(text);
    }
  }
  const stored = new StoredEmbeddings({});
  let t = performance.now();
  const hnswStore = await HNSWLib.fromDocuments(docs, stored);
  const hnswBuildMs = performance.now() - t;
  const hnswQuery = await timeEachAsync(queryVectors, (q) => hnswStore.similaritySearchVectorWithScore(q, k10));
  t = performance.now();
  const memoryStore = await MemoryVectorStore.fromDocuments(docs, stored);
  const memoryBuildMs = performance.now() - t;
  const memoryQuery = await timeEachAsync(queryVectors, (q) => memoryStore.similaritySearchVectorWithScore(q, k10));
  result.langchain = {
    hnswlibBuildMs: Math.round(hnswBuildMs),
    hnswlibQueryMs: stats(hnswQuery),
    memoryBuildMs: Math.round(memoryBuildMs),
    memoryQueryMs: stats(memoryQuery),
  };
}
console.log(JSON.stringify(result));
