/**
 * Cloudflare Workers entry point: the same Hono app as the Node server (`createApp`), built from Workers
 * bindings: Workers AI embeddings (bge-m3) and, with LLM_MODEL, generation; Vectorize for vectors; D1 for
 * documents, chunks and the lexical index's postings. The chat page is served as static assets (wrangler.toml).
 */
import promptTemplate from '../prompts/answer.md';
import { createAnswerer } from './answer/create-answerer.js';
import { WorkersAIChatModel } from './answer/workers-ai-chat-model.js';
import { workerSettings, type WorkerEnv } from './config/worker-env.js';
import { WorkersAIEmbeddings } from './embeddings/workers-ai-embeddings.js';
import { createChunker } from './ingest/chunk-document.js';
import { workerStores } from './index/worker-stores.js';
import { createRetriever } from './retrieval/create-retriever.js';
import { createApp } from './server/app.js';
import { workerAdminRoutes } from './server/routes/worker-admin.js';

/** Dimensions of the default embedding model; another model must say its own. */
const DIMENSIONS: Record<string, number> = { '@cf/baai/bge-m3': 1024 };

/** The same retrieval core as on Node, on Vectorize and D1; no dictionary expansion (FreeDict is not deployed). */
export function createWorkerRetriever(env: WorkerEnv) {
  const { embeddingModel } = workerSettings(env);
  const embeddings = new WorkersAIEmbeddings(env.AI, embeddingModel);
  return createRetriever({
    embeddings: { embeddings, info: { provider: 'workers-ai', model: embeddingModel, dimension: DIMENSIONS[embeddingModel] ?? 0 } },
    stores: workerStores(env.DB, env.VECTORIZE),
  });
}

/** Builds the app for one environment (bindings are per deployment, so one app per isolate serves them). */
export function createWorkerApp(env: WorkerEnv) {
  const settings = workerSettings(env);
  const embeddings = new WorkersAIEmbeddings(env.AI, settings.embeddingModel);
  const retriever = createWorkerRetriever(env);
  const llm = settings.llmModel ? { provider: 'workers-ai', model: settings.llmModel, timeoutMs: 30_000 } : undefined;
  const answerer = createAnswerer({ chatModel: llm ? new WorkersAIChatModel(env.AI, llm.model) : null, llm, promptTemplate });
  return createApp({
    state: { retriever },
    answerer,
    health: { llm: answerer.info, expansionOff: 'the FreeDict dictionaries are not deployed to Workers; bge-m3 is multilingual' },
    // Workers Logs collect console output: one structured line per request, as on the Node server.
    log: (fields) => console.log(JSON.stringify(fields)),
    extraApi: settings.adminToken ? workerAdminRoutes(settings.adminToken, { db: env.DB, vectorize: env.VECTORIZE, embeddings, chunker: createChunker() }) : undefined,
  });
}

let cached: { env: WorkerEnv; app: ReturnType<typeof createWorkerApp> } | null = null;

export default {
  fetch(request: Request, env: WorkerEnv, ctx: unknown): Response | Promise<Response> {
    if (cached?.env !== env) cached = { env, app: createWorkerApp(env) };
    return cached.app.fetch(request, env, ctx as never);
  },
};
