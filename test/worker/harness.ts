/**
 * Test harness that runs inside workerd (Miniflare): the real worker app over a real local D1, with in-memory
 * doubles for the two services that cannot run here, implementing the documented interfaces of Workers AI
 * (`run(model, { text })` → `{ shape, data }`; `run(model, { messages })` → `{ response }`) and Vectorize
 * (`upsert`, `query`, `deleteByIds`). The double embeds with the hash embedder at bge-m3's 1024 dimensions.
 */
import type { AiBinding, VectorizeBinding, VectorizeVector, WorkerEnv } from '../../src/config/worker-env.js';
import { HashEmbeddings } from '../../src/embeddings/hash-embeddings.js';
import worker from '../../src/worker.js';

const hash = new HashEmbeddings({ dimension: 1024 });

const ai: AiBinding & { calls: string[] } = {
  calls: [],
  async run(model, input) {
    this.calls.push(model);
    if (Array.isArray(input.text)) {
      const data = (input.text as string[]).map((t) => hash.embed(t));
      return { shape: [data.length, 1024], data };
    }
    if (Array.isArray(input.messages)) return { response: 'Réponse du modèle [1].' };
    throw new Error(`unexpected input for ${model}`);
  },
};

const stored = new Map<string, VectorizeVector>();
const vectorize: VectorizeBinding = {
  async upsert(vectors) {
    for (const v of vectors) stored.set(v.id, v);
    return { mutationId: String(stored.size) };
  },
  async deleteByIds(ids) {
    for (const id of ids) stored.delete(id);
    return { mutationId: String(stored.size) };
  },
  async query(vector, options = {}) {
    const topK = options.topK ?? 5;
    if (topK > 100) throw new Error('VECTOR_QUERY_ERROR: topK must be at most 100');
    const matches = [...stored.values()]
      .map((v) => ({ id: v.id, score: v.values.reduce((s, x, i) => s + x * vector[i]!, 0), metadata: options.returnMetadata === 'all' ? v.metadata : undefined }))
      .sort((a, b) => b.score - a.score)
      .slice(0, topK);
    return { matches, count: matches.length };
  },
};

const wrapped = new WeakMap<object, WorkerEnv>();

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: unknown): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/__doubles') return Response.json({ vectors: stored.size, aiCalls: ai.calls.length });
    let testEnv = wrapped.get(env);
    if (!testEnv) {
      testEnv = { ...env, AI: ai, VECTORIZE: vectorize };
      wrapped.set(env, testEnv);
    }
    return worker.fetch(request, testEnv, ctx);
  },
};
