import hnswlib from 'hnswlib-node';
import type { GraphSettings } from './graph-settings.js';
import { fileDigest, type FileDigest } from './index-files.js';
import { closeSync, fsyncSync, openSync } from 'node:fs';

/**
 * One shard to build: the rows `firstLabel` to `firstLabel + count` of a row-major matrix (the build's, in shared
 * memory: no copy per shard), labelled by row, minus `center` when the index is centred.
 */
export interface GraphTask {
  matrix: Float32Array;
  dimension: number;
  firstLabel: number;
  count: number;
  center: Float32Array | null;
  settings: Pick<GraphSettings, 'm' | 'efConstruction'>;
  path: string;
}

/** Builds one HNSW graph, writes it durably to `path` and returns its digest. */
export async function buildGraph({ matrix, dimension, firstLabel, count, center, settings, path }: GraphTask): Promise<FileDigest> {
  const graph = new hnswlib.HierarchicalNSW('cosine', dimension);
  graph.initIndex({ maxElements: Math.max(count, 1), m: settings.m, efConstruction: settings.efConstruction, randomSeed: 100 });
  // hnswlib-node takes a plain array only: one is refilled per point instead of a new one each time (less GC).
  const point = new Array<number>(dimension);
  // The difference of two float32 values is exact in a double, so hnswlib rounds it to the same float32 as a
  // centred copy of the matrix would hold.
  for (let label = firstLabel; label < firstLabel + count; label++) {
    const row = label * dimension;
    for (let j = 0; j < dimension; j++) point[j] = matrix[row + j]! - (center ? center[j]! : 0);
    graph.addPoint(point, label);
  }
  return writeGraph(graph, path);
}

/** Writes a graph durably to `path` (flushed before its digest is taken) and returns its digest. */
export async function writeGraph(graph: hnswlib.HierarchicalNSW, path: string): Promise<FileDigest> {
  graph.writeIndexSync(path);
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return fileDigest(path);
}
