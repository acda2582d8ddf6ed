import { Worker } from 'node:worker_threads';
import type { BuildJob } from './build-worker.js';

/** Worker threads for the CPU-bound parts of a build (hash embedding, stems, HNSW shards). */
export interface BuildPool {
  run<T>(job: BuildJob, transfer?: ArrayBuffer[]): Promise<T>;
  close(): Promise<void>;
}

/** Starts `threads` build threads; jobs go to the least busy one. */
export function createBuildPool(threads: number): BuildPool {
  const bootstrap = new URL('./build-worker-bootstrap.mjs', import.meta.url);
  const module = new URL('./build-worker.ts', import.meta.url).href;
  const pending = new Map<number, { ok: (value: any) => void; ko: (error: Error) => void; worker: number }>();
  const load = new Array<number>(threads).fill(0);
  let next = 0;
  const workers = Array.from({ length: threads }, (_, w) => {
    const worker = new Worker(bootstrap, { workerData: { module } });
    worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const job = pending.get(id)!;
      pending.delete(id);
      load[job.worker]!--;
      if (error) job.ko(new Error(`build thread: ${error}`));
      else job.ok(result);
    });
    worker.on('error', (error) => {
      for (const [id, job] of pending) {
        if (job.worker !== w) continue;
        pending.delete(id);
        job.ko(error);
      }
    });
    return worker;
  });
  return {
    run(job, transfer = []) {
      const id = next++;
      const w = load.indexOf(Math.min(...load));
      load[w]!++;
      return new Promise((ok, ko) => {
        pending.set(id, { ok, ko, worker: w });
        workers[w]!.postMessage({ id, job }, transfer);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
