/**
 * Test harness that runs inside workerd (Miniflare): the real worker app over a real local D1, with in-memory
 * doubles for the two services that cannot run here, implementing the documented interfaces of Workers AI
 * (`run(model, { text })` → `{ shape, data }`; `run(model, { messages })` → `{ response }`) and Vectorize
 * (`upsert`, `query` with its metadata filter, `deleteByIds`). The double embeds with the hash embedder at bge-m3's 1024 dimensions.
 */
import type { AiBinding, VectorizeBinding, VectorizeVector, WorkerEnv } from '../../src/config/worker-env.js';
import { HashEmbeddings } from '../../src/embeddings/hash-embeddings.js';
import worker, { createWorkerRetriever } from '../../src/worker.js';

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
    // The metadata filter applies before the top-k, with the documented $in, $gte and $lte.
    const passes = (v: VectorizeVector) =>
      Object.entries(options.filter ?? {}).every(([key, condition]) => {
        const value = v.metadata?.[key];
        if (typeof condition !== 'object') return value === condition;
        if ('$in' in condition) return condition.$in.includes(value as string);
        if (value === undefined) return false;
        return (condition.$gte === undefined || value >= condition.$gte) && (condition.$lte === undefined || value <= condition.$lte);
      });
    const matches = [...stored.values()]
      .filter(passes)
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
    if (url.pathname === '/__search') {
      // The worker's retriever itself, one signal at a time, for the ranking contract with Node.
      const { q, mode, k } = Object.fromEntries(url.searchParams) as Record<string, string>;
      const passages = await createWorkerRetriever(testEnv).search(q!, { k: Number(k), mode: mode as 'hybrid' });
      return Response.json(passages.map((p) => p.chunk.id));
    }
    return worker.fetch(request, testEnv, ctx);
  },
};
