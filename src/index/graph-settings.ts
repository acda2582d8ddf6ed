import type { EmbedderInfo } from '../embeddings/embedder-info.js';

/** How an index's HNSW graph was built and is searched; chosen per embedder at build time, stored in the manifest. */
export interface GraphSettings {
  space: 'cosine';
  /** Links per node (twice as many on the bottom layer): more links, better recall, more memory and build time. */
  m: number;
  /** Candidates kept while inserting: higher builds a better graph, more slowly. */
  efConstruction: number;
  /** Candidates kept while searching: higher finds more of the true nearest neighbours, more slowly. */
  ef: number;
  /**
   * Whether the corpus mean is subtracted from every vector (stored and query) before it enters the graph. Hash
   * vectors share a large common component (the n-grams every text has: the mean's norm is 0.43 at 100k chunks),
   * which squeezes all cosine distances together so that greedy graph search stops short; centring removes it.
   */
  center: boolean;
  /** Graphs the chunks are split into, built in parallel and searched one after the other. */
  shards: number;
}

/**
 * The graph policy. Measured on the bench corpus at 100k chunks, 200 queries, recall@10 against exact search over
 * the same vectors (README Performance): hash vectors in one graph of M 24, efConstruction 100 reach 0.62 at ef 128
 * and 0.78 at ef 512 uncentred; centred, 0.89 at ef 128 and 0.94 at ef 256. On the bench's evaluation questions
 * (bench/graph-settings.ts, same run): two centred shards of 50k at M 24 / efConstruction 100 reach 0.940 / 0.953
 * at ef 400 / 500 (search 2.6 / 3.1 ms of CPU at p50); one graph of 100k at M 32 / efConstruction 100 reaches
 * 0.950 / 0.953 / 0.955 at ef 400 / 440 / 480 (1.9 / 2.0 / 2.1 ms) for the same build CPU time (40 s; efConstruction
 * 80 loses 0.03). One graph is searched once instead of once per shard, and more links let the greedy search cross
 * the bunched distances of hash vectors in fewer steps: ef 440 is the least that reaches 0.95.
 * Neural embeddings are not centred (not measured here: no model can be downloaded) and keep the earlier settings.
 */
export const graphPolicy = {
  hash: { m: 32, efConstruction: 100, ef: 440, center: true },
  neural: { m: 24, efConstruction: 100, ef: 128, center: false },
  /**
   * Chunks per shard before a second build thread gets its own graph. Two shards build side by side but are
   * searched one after the other: at 100k, one graph answered in 0.76× the CPU time of two at better recall, and
   * built in the same CPU time (one thread instead of two: on this shared 2-core machine, no slower in wall time).
   */
  chunksPerShard: 150_000,
  /**
   * Fewest chunks for centring. Below it the graph finds the true neighbours without it (recall@10 ≥ 0.94 at 10k),
   * and the mean of a small corpus is its topic rather than the language's common n-grams: removing it cost the
   * seeds' vector R@1 0.02 (npm run eval).
   */
  centerFrom: 20_000,
} as const;

/** The graph settings for `chunks` vectors of this embedder, built by at most `threads` threads. */
export function chooseGraphSettings(embedder: EmbedderInfo, chunks: number, threads: number, override: Partial<GraphSettings> = {}): GraphSettings {
  const base = embedder.provider === 'hash' ? graphPolicy.hash : graphPolicy.neural;
  const shards = Math.max(1, Math.min(threads, Math.ceil(chunks / graphPolicy.chunksPerShard)));
  return { space: 'cosine', ...base, center: base.center && chunks >= graphPolicy.centerFrom, shards, ...override };
}
