import { Hono } from 'hono';
import type { KnowledgeStatus } from '../../lexicon/load-knowledge.js';
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

/** `GET /api/health`: counts, embedder and answer mode. */
export function healthRoutes(state: ServiceState, info: HealthInfo) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const stats = await state.retriever.corpus.stats();
    return c.json({
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
