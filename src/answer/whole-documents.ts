import type { Passage, Retriever, SearchFilters } from '../retrieval/retriever.js';
import type { AnswerPolicy } from './answer-policy.js';

/**
 * A pool of retrieved passages with every passage of its best documents (the policy's `wholeDocuments`, in
 * retrieval order), searched within them so that the filters still hold. A passage found only that way ranks no
 * higher than the pool's last: the search within a few documents scores on another scale.
 */
export async function withWholeDocuments(pool: Passage[], query: string, retriever: Retriever, policy: Pick<AnswerPolicy, 'wholeDocuments' | 'passagesPerDocument'>, filters?: SearchFilters): Promise<Passage[]> {
  // Within the request's own sources, if it names some.
  const best = [...new Set(pool.map((p) => p.chunk.docId))].slice(0, policy.wholeDocuments).filter((id) => !filters?.sources || filters.sources.includes(id));
  if (best.length === 0) return pool;
  const within = await retriever.search(query, { k: best.length * policy.passagesPerDocument, filters: { ...filters, sources: best } });
  const known = new Set(pool.map((p) => p.chunk.id));
  const floor = Math.min(...pool.map((p) => p.score));
  return [...pool, ...within.filter((p) => !known.has(p.chunk.id)).map((p) => ({ ...p, score: Math.min(p.score, floor) }))];
}
