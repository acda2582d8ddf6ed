import { Hono } from 'hono';
import type { KnowledgeStatus } from '../../lexicon/load-knowledge.js';
import type { EmbedderInfo } from '../../embeddings/embedder-info.js';
import type { TranslatorInfo } from '../../translate/translator.js';
import type { AppEnv, ServiceState } from '../app-types.js';

/** What /api/health reports beyond the index (never secrets). */
export interface HealthInfo {
  llm: { provider: string; model: string };
  /** Why `auto` fell back to the hash embedder, when it did. */
  embeddingsFallback?: string;
  /** Why cross-language expansion is off, when it is. */
  expansionOff?: string;
  /** Which engine translates quotes and documents, and why. */
  translation?: TranslatorInfo;
  /** Which lexical resources the answer pipeline matches words with, and how to get the missing ones. */
  knowledge?: KnowledgeStatus;
}

/** The body of `GET /api/health` (the chat page reads it too). */
export interface HealthPayload {
  status: 'ok';
  documents: number;
  chunks: number;
  builtAt: string | null;
  embeddings: EmbedderInfo & { fallback?: string };
  crossLanguage: { enabled: boolean; reason?: string };
  llm: { provider: string; model: string };
  translation?: TranslatorInfo;
}

/** `GET /api/health`: counts, embedder and answer mode. */
export function healthRoutes(state: ServiceState, info: HealthInfo) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const stats = await state.retriever.corpus.stats();
    return c.json<HealthPayload>({
      status: 'ok',
      documents: stats.documents,
      chunks: stats.chunks,
      builtAt: stats.builtAt,
      embeddings: {
        ...state.retriever.embeddings,
        ...(info.embeddingsFallback ? { fallback: info.embeddingsFallback } : {}),
      },
      crossLanguage: info.expansionOff ? { enabled: false, reason: info.expansionOff } : { enabled: state.retriever.lexicon },
      llm: info.llm,
      ...(info.translation ? { translation: info.translation } : {}),
      ...(info.knowledge ? { knowledge: info.knowledge } : {}),
    });
  });
}
