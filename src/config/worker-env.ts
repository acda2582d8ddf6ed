/**
 * The Cloudflare bindings and variables the worker uses (wrangler.toml), typed structurally with just the methods
 * called, as documented for Workers AI, Vectorize and D1.
 */

/** Workers AI (`env.AI`). */
export interface AiBinding {
  run(model: string, input: Record<string, unknown>): Promise<unknown>;
}

/** A Vectorize vector. */
export interface VectorizeVector {
  id: string;
  values: number[];
  metadata?: Record<string, string | number | boolean>;
}

/** A Vectorize metadata filter (applied before the top-k; each property needs a metadata index). */
export type VectorizeFilter = Record<string, string | number | boolean | { $in: Array<string | number | boolean> } | { $gte?: string | number; $lte?: string | number }>;

/** Vectorize (`env.VECTORIZE`). */
export interface VectorizeBinding {
  query(vector: number[], options?: { topK?: number; returnValues?: boolean; returnMetadata?: 'none' | 'indexed' | 'all' | boolean; filter?: VectorizeFilter }): Promise<{ matches: Array<{ id: string; score: number; metadata?: Record<string, unknown> }>; count: number }>;
  upsert(vectors: VectorizeVector[]): Promise<unknown>;
  deleteByIds(ids: string[]): Promise<unknown>;
}

/** A D1 prepared statement. */
export interface D1Statement {
  bind(...values: unknown[]): D1Statement;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  run(): Promise<unknown>;
}

/** D1 (`env.DB`). */
export interface D1Binding {
  prepare(sql: string): D1Statement;
  batch(statements: D1Statement[]): Promise<unknown[]>;
}

/** The worker's environment. */
export interface WorkerEnv {
  AI: AiBinding;
  VECTORIZE: VectorizeBinding;
  DB: D1Binding;
  /** Enables the admin routes (ingest, prune) with `Authorization: Bearer <token>`; a secret (`wrangler secret put`). */
  ADMIN_TOKEN?: string;
  /** Workers AI embedding model (default `@cf/baai/bge-m3`, 1024 dimensions). */
  EMBEDDING_MODEL?: string;
  /** Workers AI text-generation model for LLM answers; extractive answers when unset. */
  LLM_MODEL?: string;
}

/** Settings read from the worker's environment, with defaults. */
export function workerSettings(env: WorkerEnv) {
  return {
    embeddingModel: env.EMBEDDING_MODEL?.trim() || '@cf/baai/bge-m3',
    llmModel: env.LLM_MODEL?.trim() || null,
    adminToken: env.ADMIN_TOKEN?.trim() || null,
  };
}
