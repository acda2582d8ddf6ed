/**
 * `npx tsx bench/graph-settings.ts --corpus DIR --index DIR --settings 24/100/2,16/64/2 --ef 128,256,400`: HNSW
 * graph settings compared on the vectors of an index already built (as `npm run bench` leaves it under
 * bench/corpus/): for each `M/efConstruction/shards`, the shards are built side by side in the build threads (wall
 * time and CPU time), then searched at each ef over the bench's queries: recall@10 against exact search over the same (centred)
 * vectors, and the search's p50 / p95 (wall and the process's CPU time). Prints JSON; read times as ratios between settings of the same run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import hnswlib from 'hnswlib-node';
import { percentile } from '../src/eval/run-eval.js';
import { createBuildPool } from '../src/index/build-pool.js';
import { graphSpace } from './graph-space.js';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, index: { type: 'string' }, settings: { type: 'string', default: '24/100/2' }, ef: { type: 'string', default: '128,256,400' } } });
const { data, dim, rows, center, queryVectors, exact } = await graphSpace(values.corpus!, values.index!);

// The build threads read the vectors in place, as a build's do.
const shared = new Float32Array(new SharedArrayBuffer(data.vectors.byteLength));
shared.set(data.vectors);
const stats = (xs: number[]) => ({ p50: +percentile(xs, 50).toFixed(3), p95: +percentile(xs, 95).toFixed(3) });
const results: unknown[] = [];
for (const setting of values.settings!.split(',')) {
  const [m, efConstruction, shards] = setting.split('/').map(Number) as [number, number, number];
  const dir = await mkdtemp(join(tmpdir(), 'graph-settings-'));
  const pool = createBuildPool(shards);
  const perShard = Math.ceil(rows / shards);
  const started = performance.now();
  // Process CPU time includes the build threads': less inflated than wall time by other processes' load.
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: shards }, (_, shard) => {
      const first = shard * perShard;
      const count = Math.min(rows, first + perShard) - first;
      return pool.run({ kind: 'graph', matrix: shared, dimension: dim, firstLabel: first, count, center, settings: { m, efConstruction }, path: join(dir, `hnsw-${shard}.bin`) });
    }),
  );
  const buildMs = Math.round(performance.now() - started);
  const { user, system } = process.cpuUsage(cpuBefore);
  const buildCpuMs = Math.round((user + system) / 1000);
  await pool.close();
  const graphs = await Promise.all(
    Array.from({ length: shards }, async (_, shard) => {
      const graph = new hnswlib.HierarchicalNSW('cosine', dim);
      await graph.readIndex(join(dir, `hnsw-${shard}.bin`));
      return graph;
    }),
  );
  const byEf: Record<string, unknown> = {};
  for (const ef of values.ef!.split(',').map(Number)) {
    for (const g of graphs) g.setEf(ef);
    let hits = 0;
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (const [i, q] of queryVectors.entries()) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const found = graphs.flatMap((g) => {
        const r = g.searchKnn(q, 10);
        return r.neighbors.map((label, j) => [label, r.distances[j]!] as const);
      });
      found.sort((a, b) => a[1] - b[1]);
      times.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
      hits += found.slice(0, 10).filter(([label]) => exact[i]!.has(label)).length;
    }
    byEf[ef] = { recallAt10: +(hits / (10 * queryVectors.length)).toFixed(4), searchMs: stats(times), searchCpuMs: stats(cpuTimes) };
  }
  results.push({ m, efConstruction, shards, buildMs, buildCpuMs, byEf });
  console.error(JSON.stringify(results.at(-1)));
  await rm(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ chunks: rows, queries: queryVectors.length, results }, null, 1));
