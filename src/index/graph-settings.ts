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
 * and 0.78 at ef 512 uncentred; centred, 0.89 at ef 128 and 0.94 at ef 256. M 32 / efConstruction 160 reaches 0.96
 * at ef 256 but doubles the single-threaded insert time; two centred shards of 50k at M 24 / efConstruction 100,
 * built in parallel, reach 0.93 / 0.96 / 0.98 at ef 128 / 256 / 384 on corpus sentences, and 0.936 / 0.943 at ef
 * 224 / 320 on the bench's queries (near-duplicate pages of the manuals account for most of the misses), and
 * 0.935 / 0.949 / 0.958 at ef 256 / 320 / 400 in a later measure (counting a result at the 10th exact distance as
 * found changes these by 0.003 only, so exact ties are not the cause), the two shards' search p50 2.0 / 2.4 / 2.9 ms
 * at load 4.5: ef 400 is the least that reaches 0.95.
 * Neural embeddings are not centred (not measured here: no model can be downloaded) and keep the earlier settings.
 */
export const graphPolicy = {
  hash: { m: 24, efConstruction: 100, ef: 400, center: true },
  neural: { m: 24, efConstruction: 100, ef: 128, center: false },
  /** Chunks per shard before a second build thread gets its own graph. */
  chunksPerShard: 50_000,
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
