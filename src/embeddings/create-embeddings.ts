import type { AppConfig } from '../config/config.js';
import { AppError } from '../errors.js';
import type { LoadedEmbeddings } from './embedder-info.js';
import { HASH_MODEL, HashEmbeddings } from './hash-embeddings.js';

/** Options of {@link createEmbeddings}. */
export interface CreateEmbeddingsOptions {
  /** Receives progress and the fallback warning. */
  log?: (line: string) => void;
  /** Overrides `config.provider`, e.g. to match an existing index. */
  provider?: 'auto' | 'transformers' | 'hash';
}

/** The built-in hash embedder with its info. */
export function createHashEmbeddings(dimension: number): LoadedEmbeddings {
  const embeddings = new HashEmbeddings({ dimension });
  return { embeddings, info: { provider: 'hash', model: HASH_MODEL, dimension: embeddings.dimension } };
}

/**
 * Builds the embedder that `EMBEDDINGS` asks for. `auto` tries the transformers model and, when it cannot be
 * loaded (no network and no local copy), falls back to the hash embedder with one warning that says why.
 */
export async function createEmbeddings(
  config: AppConfig['embeddings'],
  options: CreateEmbeddingsOptions = {},
): Promise<LoadedEmbeddings> {
  const log = options.log ?? ((line: string) => console.warn(line));
  const provider = options.provider ?? config.provider;
  if (provider === 'hash') return createHashEmbeddings(config.hashDimension);
  // Imported on demand: ONNX Runtime takes a while to load and the hash path never needs it.
  const { TransformersEmbeddings } = await import('./transformers-embeddings.js');
  const embeddings = new TransformersEmbeddings({
    model: config.model,
    modelsDir: config.modelsDir,
    allowRemoteModels: config.allowRemoteModels,
    cacheDir: config.cacheDir,
    dtype: config.dtype,
    onProgress: log,
  });
  try {
    await embeddings.load();
    return { embeddings, info: { provider: 'transformers', model: config.model, dimension: embeddings.dimension } };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    const where = config.modelsDir ? `MODELS_DIR=${config.modelsDir}` : 'the hub or its cache';
    if (provider === 'transformers') {
      throw new AppError('config', `Embedding model ${config.model} could not be loaded from ${where}: ${reason}. Put the model under MODELS_DIR or set EMBEDDINGS=hash.`);
    }
    const fallbackReason = `model ${config.model} could not be loaded from ${where} (${reason})`;
    log(`Warning: ${fallbackReason}; using the built-in hash embedder. Put the model under MODELS_DIR (see README) for neural embeddings.`);
    return { ...createHashEmbeddings(config.hashDimension), fallbackReason };
  }
}
