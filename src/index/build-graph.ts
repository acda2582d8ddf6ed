import hnswlib from 'hnswlib-node';
import type { GraphSettings } from './graph-settings.js';
import { fileDigest, type FileDigest } from './index-files.js';
import { closeSync, fsyncSync, openSync } from 'node:fs';

/** One shard to build: row-major vectors (already centred when the index is) labelled from `firstLabel`. */
export interface GraphTask {
  vectors: Float32Array;
  dimension: number;
  firstLabel: number;
  settings: Pick<GraphSettings, 'm' | 'efConstruction'>;
  path: string;
}

/** Builds one HNSW graph, writes it durably to `path` and returns its digest. */
export async function buildGraph({ vectors, dimension, firstLabel, settings, path }: GraphTask): Promise<FileDigest> {
  const count = vectors.length / dimension;
  const graph = new hnswlib.HierarchicalNSW('cosine', dimension);
  graph.initIndex({ maxElements: Math.max(count, 1), m: settings.m, efConstruction: settings.efConstruction, randomSeed: 100 });
  for (let i = 0; i < count; i++) graph.addPoint(Array.from(vectors.subarray(i * dimension, (i + 1) * dimension)), firstLabel + i);
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
