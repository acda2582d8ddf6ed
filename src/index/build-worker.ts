/** A build thread: runs {@link BuildJob}s posted by the build pool and answers each with its result. */
import { parentPort } from 'node:worker_threads';
import { buildGraph, type GraphTask } from './build-graph.js';
import { prepareChunks } from './prepare-chunks.js';

/** Work a build thread does. */
export type BuildJob =
  | { kind: 'prepare'; chunks: Array<{ title: string; text: string }>; dimension: number | null }
  | ({ kind: 'graph' } & GraphTask);

parentPort?.on('message', async ({ id, job }: { id: number; job: BuildJob }) => {
  try {
    if (job.kind === 'prepare') {
      const result = prepareChunks(job.chunks, job.dimension);
      parentPort!.postMessage({ id, result }, [result.vectors.buffer as ArrayBuffer]);
    } else {
      parentPort!.postMessage({ id, result: await buildGraph(job) });
    }
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
