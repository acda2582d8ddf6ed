import type { Embeddings } from '@langchain/core/embeddings';

/** What produced a set of vectors; recorded in the index manifest and checked when querying. */
export interface EmbedderInfo {
  provider: 'transformers' | 'hash' | 'workers-ai';
  model: string;
  dimension: number;
}

/** A LangChain embeddings object together with what it is. */
export interface LoadedEmbeddings {
  embeddings: Embeddings;
  info: EmbedderInfo;
  /** Why `auto` fell back to the hash embedder, when it did. */
  fallbackReason?: string;
}

/** `provider/model (dimension)`, as shown in logs and errors. */
export function describeEmbedder(info: EmbedderInfo): string {
  return `${info.provider}/${info.model} (${info.dimension} dimensions)`;
}
