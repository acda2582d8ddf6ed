/** A build thread: runs {@link BuildJob}s posted by the build pool and answers each with its result. */
import { parentPort } from 'node:worker_threads';
import { buildGraph, type GraphTask } from './build-graph.js';
import type { CorpusDocument } from '../corpus/load-corpus.js';
import { createChunker, type ChunkerOptions } from '../ingest/chunk-document.js';
import { prepareChunks } from './prepare-chunks.js';

/** Work a build thread does. */
export type BuildJob =
  | { kind: 'chunk'; documents: Array<Pick<CorpusDocument, 'text' | 'language' | 'pages'>>; options: ChunkerOptions }
  | {
      kind: 'prepare';
      chunks: Array<{ title: string; text: string }>;
      /** The build's vector matrix (shared memory) and each chunk's row in it (-1: not embedded), for hash vectors. */
      vectors: { matrix: SharedArrayBuffer; dimension: number; rows: number[] } | null;
    }
  | ({ kind: 'graph' } & GraphTask);

parentPort?.on('message', async ({ id, job }: { id: number; job: BuildJob }) => {
  try {
    if (job.kind === 'chunk') {
      const chunker = createChunker(job.options);
      parentPort!.postMessage({ id, result: job.documents.map((d) => chunker.spans(d)) });
    } else if (job.kind === 'prepare') {
      const vectors = job.vectors && { ...job.vectors, matrix: new Float32Array(job.vectors.matrix) };
      const result = prepareChunks(job.chunks, vectors);
      parentPort!.postMessage({ id, result }, [result.buffer as ArrayBuffer]);
    } else {
      parentPort!.postMessage({ id, result: await buildGraph(job) });
    }
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
