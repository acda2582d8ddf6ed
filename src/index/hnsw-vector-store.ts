import type hnswlib from 'hnswlib-node';
import type { SearchFilters } from '../retrieval/retriever.js';
import type { VectorStore } from '../retrieval/stores.js';
import type { GraphSettings } from './graph-settings.js';

/** Subtracts `center` from a vector (the graph's space when the index is centred). */
export function centered(vector: ArrayLike<number>, center: Float32Array | null): number[] {
  return center ? Array.from(center, (c, i) => vector[i]! - c) : Array.from(vector);
}

/** Label → chunk position for a position → label map (-1 for labels of removed chunks). */
function positionsOf(labels: Uint32Array, shards: hnswlib.HierarchicalNSW[]): Int32Array {
  const positions = new Int32Array(shards.reduce((sum, g) => sum + g.getCurrentCount(), 0)).fill(-1);
  labels.forEach((label, position) => (positions[label] = position));
  return positions;
}

/**
 * The Node vector store: one or more HNSW graphs (shards) whose labels are chunk positions (or map to them through
 * `labels` after an in-place update), searched one after the other and merged by distance; filters become
 * hnswlib's label filter, so they never starve the top-k. Searches wait for `loaded` (graphs loading in the
 * background: see `OpenIndexOptions`) and fail as it does.
 */
export function hnswVectorStore(
  shards: hnswlib.HierarchicalNSW[],
  settings: Pick<GraphSettings, 'ef'>,
  center: Float32Array | null,
  allowedBy: (filters?: SearchFilters) => ((position: number) => boolean) | undefined,
  labels: Uint32Array | null = null,
  loaded: Promise<void> = Promise.resolve(),
): VectorStore<number> {
  let labelPositions: Int32Array | null | undefined;
  return {
    async search(vector, n, filters) {
      await loaded;
      const positions = (labelPositions ??= labels ? positionsOf(labels, shards) : null);
      const query = centered(vector, center);
      const allowedPosition = allowedBy(filters);
      const allowed = positions && allowedPosition ? (label: number) => positions[label]! >= 0 && allowedPosition(positions[label]!) : allowedPosition;
      const hits: Array<[number, number]> = [];
      for (const graph of shards) {
        const count = graph.getCurrentCount();
        if (count === 0) continue;
        graph.setEf(Math.max(n, settings.ef));
        const result = graph.searchKnn(query, Math.min(n, count), allowed);
        result.neighbors.forEach((label, i) => hits.push([positions ? positions[label]! : label, 1 - result.distances[i]!]));
      }
      return shards.length === 1 ? hits : hits.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, n);
    },
  };
}
