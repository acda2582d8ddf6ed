import type { Retriever } from '../retrieval/retriever.js';

/** The swappable part of the service: a reindex replaces the retriever in one assignment. */
export interface ServiceState {
  retriever: Retriever;
  /**
   * Versions of one release in other languages: document id → the ids of its group, itself included (see
   * src/corpus/link-translations.ts). Swapped with the retriever; absent where nothing links them.
   */
  translations?: Map<string, string[]>;
}

/** Hono environment of the app. */
export interface AppEnv {
  Variables: { clientKey: string };
}
