import { resolve } from 'node:path';
import { AppError } from '../errors.js';

/** Every setting of the application; {@link loadConfig} is the only reader of the environment. */
export interface AppConfig {
  corpusDir: string;
  indexDir: string;
  embeddings: {
    provider: 'auto' | 'transformers' | 'hash';
    model: string;
    modelsDir?: string;
    allowRemoteModels: boolean;
    cacheDir?: string;
    dtype: 'q8' | 'fp32';
    hashDimension: number;
  };
  chunk: { chunkSize: number; chunkOverlap: number };
  /** Unset weights take the retriever's defaults (the lexical weight depends on the embedder). */
  retrieval: { vectorWeight?: number; lexicalWeight?: number; expansionWeight?: number; expansionVectorWeight?: number };
  /** Dictionary query expansion (English↔French); off when false or when the dictionaries are missing. */
  queryExpansion: boolean;
  dictDir: string;
  /** Folder of the MyThes thesauri (Debian mythes-fr, mythes-en-us). */
  thesaurusDir: string;
  server: { host: string; port: number };
  llm: {
    provider: 'none' | 'openai' | 'ollama';
    model: string;
    openaiBaseUrl?: string;
    openaiApiKey?: string;
    ollamaBaseUrl: string;
    timeoutMs: number;
    /** Generated sentences the communiqués do not support: shown flagged, or removed (LLM_UNSUPPORTED). */
    unsupported: 'flag' | 'drop';
  };
  /** Machine translation of quotes and documents for readers of the other language (see src/translate/). */
  translation: {
    mode: 'auto' | 'apertium' | 'llm' | 'none';
    /** Apertium's data folder (its `modes/` holds the pairs' program chains). */
    apertiumDir: string;
    /** Unset: the translation policy's default. */
    timeoutMs?: number;
  };
  /** Deployed worker, for `npm run index:worker`. */
  workerUrl?: string;
  security: {
    adminToken?: string;
    corsOrigins: string[];
    rateLimitPerMinute: number;
    rateLimitBurst: number;
    maxConcurrentAnswers: number;
    maxQueuedAnswers: number;
    requestTimeoutMs: number;
  };
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value ? value : fallback;
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError('config', `${name} must be an integer from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}

function number(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new AppError('config', `${name} must be a number from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}

function optionalNumber(env: Env, name: string, min: number, max: number): number | undefined {
  return env[name]?.trim() ? number(env, name, 0, min, max) : undefined;
}

function choice<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new AppError('config', `${name} must be one of ${allowed.join(', ')} (got "${raw}").`);
  }
  return raw as T;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new AppError('config', `${name} must be true or false (got "${raw}").`);
}

/** Reads the configuration from environment variables (see the README's table); throws on a bad value. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const modelsDir = optional(env, 'MODELS_DIR');
  const llmProvider = choice(env, 'LLM_PROVIDER', 'none', ['none', 'openai', 'ollama'] as const);
  return {
    corpusDir: resolve(cwd, text(env, 'CORPUS_DIR', 'seeds')),
    indexDir: resolve(cwd, text(env, 'INDEX_DIR', 'embeddings')),
    embeddings: {
      provider: choice(env, 'EMBEDDINGS', 'auto', ['auto', 'transformers', 'hash'] as const),
      model: text(env, 'EMBEDDING_MODEL', 'Xenova/multilingual-e5-small'),
      modelsDir: modelsDir ? resolve(cwd, modelsDir) : undefined,
      // With a local model folder the hub is not asked unless the user says so.
      allowRemoteModels: flag(env, 'ALLOW_REMOTE_MODELS', !modelsDir),
      cacheDir: optional(env, 'MODELS_CACHE_DIR'),
      dtype: choice(env, 'EMBEDDING_DTYPE', 'q8', ['q8', 'fp32'] as const),
      hashDimension: integer(env, 'HASH_DIMENSION', 512, 16, 65_536),
    },
    chunk: {
      chunkSize: integer(env, 'CHUNK_SIZE', 700, 100, 20_000),
      chunkOverlap: integer(env, 'CHUNK_OVERLAP', 150, 0, 10_000),
    },
    retrieval: {
      vectorWeight: optionalNumber(env, 'VECTOR_WEIGHT', 0, 10),
      lexicalWeight: optionalNumber(env, 'LEXICAL_WEIGHT', 0, 10),
      expansionWeight: optionalNumber(env, 'EXPANSION_WEIGHT', 0, 10),
      expansionVectorWeight: optionalNumber(env, 'EXPANSION_VECTOR_WEIGHT', 0, 10),
    },
    queryExpansion: flag(env, 'QUERY_EXPANSION', true),
    dictDir: resolve(cwd, text(env, 'DICT_DIR', '/usr/share/dictd')),
    thesaurusDir: resolve(cwd, text(env, 'THESAURUS_DIR', '/usr/share/mythes')),
    server: {
      host: text(env, 'HOST', '127.0.0.1'),
      port: integer(env, 'PORT', 8787, 0, 65_535),
    },
    llm: {
      provider: llmProvider,
      model: text(env, 'LLM_MODEL', llmProvider === 'ollama' ? 'llama3.1' : 'gpt-4o-mini'),
      openaiBaseUrl: optional(env, 'OPENAI_BASE_URL'),
      openaiApiKey: optional(env, 'OPENAI_API_KEY'),
      ollamaBaseUrl: text(env, 'OLLAMA_BASE_URL', 'http://127.0.0.1:11434'),
      timeoutMs: integer(env, 'LLM_TIMEOUT_MS', 30_000, 100, 600_000),
      unsupported: choice(env, 'LLM_UNSUPPORTED', 'flag', ['flag', 'drop'] as const),
    },
    translation: {
      mode: choice(env, 'TRANSLATION', 'auto', ['auto', 'apertium', 'llm', 'none'] as const),
      apertiumDir: resolve(cwd, text(env, 'APERTIUM_DIR', '/usr/share/apertium')),
      timeoutMs: env.TRANSLATION_TIMEOUT_MS?.trim() ? integer(env, 'TRANSLATION_TIMEOUT_MS', 0, 100, 600_000) : undefined,
    },
    workerUrl: optional(env, 'WORKER_URL'),
    security: {
      adminToken: optional(env, 'ADMIN_TOKEN'),
      corsOrigins: (optional(env, 'CORS_ORIGINS') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 60, 0, 1_000_000),
      rateLimitBurst: integer(env, 'RATE_LIMIT_BURST', 20, 1, 1_000_000),
      maxConcurrentAnswers: integer(env, 'MAX_CONCURRENT_ANSWERS', 8, 1, 1024),
      maxQueuedAnswers: integer(env, 'MAX_QUEUED_ANSWERS', 64, 0, 100_000),
      requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 60_000, 100, 600_000),
    },
  };
}
