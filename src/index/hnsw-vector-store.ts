import type hnswlib from 'hnswlib-node';
import type { SearchFilters } from '../retrieval/retriever.js';
import type { VectorStore } from '../retrieval/stores.js';
import type { GraphSettings } from './graph-settings.js';

/** Subtracts `center` from a vector (the graph's space when the index is centred). */
export function centered(vector: ArrayLike<number>, center: Float32Array | null): number[] {
  return center ? Array.from(center, (c, i) => vector[i]! - c) : Array.from(vector);
}

/**
 * The Node vector store: one or more HNSW graphs (shards) whose labels are chunk positions, searched one after
 * the other and merged by distance; filters become hnswlib's label filter, so they never starve the top-k.
 */
export function hnswVectorStore(
  shards: hnswlib.HierarchicalNSW[],
  settings: Pick<GraphSettings, 'ef'>,
  center: Float32Array | null,
  allowedBy: (filters?: SearchFilters) => ((position: number) => boolean) | undefined,
): VectorStore<number> {
  return {
    async search(vector, n, filters) {
      const query = centered(vector, center);
      const allowed = allowedBy(filters);
      const hits: Array<[number, number]> = [];
      for (const graph of shards) {
        const count = graph.getCurrentCount();
        if (count === 0) continue;
        graph.setEf(Math.max(n, settings.ef));
        const result = graph.searchKnn(query, Math.min(n, count), allowed);
        result.neighbors.forEach((label, i) => hits.push([label, 1 - result.distances[i]!]));
      }
      return shards.length === 1 ? hits : hits.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, n);
    },
  };
}
