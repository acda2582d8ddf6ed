import type { Retriever } from '../retrieval/retriever.js';

/** The swappable part of the service: a reindex replaces the retriever in one assignment. */
export interface ServiceState {
  retriever: Retriever;
}

/** Hono environment of the app. */
export interface AppEnv {
  Variables: { clientKey: string };
}
