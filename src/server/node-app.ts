import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { resolve } from 'node:path';
import type { Answerer } from '../answer/create-answerer.js';
import type { Runtime } from '../runtime/node-runtime.js';
import { createCorpusAdmin, type AdminState } from '../runtime/corpus-admin.js';
import type { AppConfig } from '../config/config.js';
import type { AppEnv } from './app-types.js';
import { createApp, type Logger } from './app.js';
import { concurrencyLimit, rateLimit } from './guards.js';
import { adminRoutes, disabledAdminRoutes } from './routes/admin.js';
import { staticRoutes } from './routes/static.js';
import type { Translator } from '../translate/translator.js';
import { createVerifier, type Verifier } from '../verify/create-verifier.js';

/** The chat page's folder. */
export const webDir = resolve(import.meta.dirname, '../../web');

/** The client's IP address as the socket reports it (no proxy headers are trusted). */
function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'local';
  }
}

/** Dependencies of {@link createNodeApp}. */
export interface NodeAppDeps {
  config: AppConfig;
  runtime: Runtime;
  answerer: Answerer;
  /** Machine translation (see src/translate/); none when absent. */
  translator?: Translator;
  /** The claim checker; by default one with the runtime's lexical knowledge and the translator. */
  verifier?: Verifier;
  log?: Logger;
}

/** The app as the Node server runs it: core routes, rate limit and queue from the config, the chat page. */
export function createNodeApp({ config, runtime, answerer, translator, verifier, log }: NodeAppDeps) {
  const state: AdminState = { retriever: runtime.retriever };
  const { security } = config;
  // Uploads, removals and rebuilds change the corpus folder and the index, then swap what `state` serves.
  const admin = createCorpusAdmin({ config, state, runtime, log: (line) => log?.({ level: 'info', message: line }) });
  const app = createApp({
    state,
    answerer,
    translator,
    health: { llm: answerer.info, embeddingsFallback: runtime.embeddings.fallbackReason, expansionOff: runtime.expansionOff, knowledge: runtime.knowledgeStatus },
    verifier: verifier ?? createVerifier({ knowledge: runtime.knowledge, translator }),
    corsOrigins: security.corsOrigins,
    requestTimeoutMs: security.requestTimeoutMs,
    answerGuards: [
      rateLimit({ perMinute: security.rateLimitPerMinute, burst: security.rateLimitBurst, keyOf: clientAddress }),
      concurrencyLimit({ max: security.maxConcurrentAnswers, queue: security.maxQueuedAnswers, maxWaitMs: security.requestTimeoutMs }),
    ],
    extraApi: security.adminToken ? adminRoutes(security.adminToken, admin) : disabledAdminRoutes(),
    assets: staticRoutes(webDir),
    log,
  });
  return { app, state, admin };
}
