/**
 * `npx tsx bench/vector-library.ts --corpus DIR --index DIR`: hnswlib-node against usearch on the vectors of an index
 * already built (as `npm run bench` leaves it under bench/corpus/), in the same process: building one graph (wall and
 * CPU time; hnswlib-node inserts on the calling thread, usearch with `--threads`), then recall@10 against exact search
 * over the same centred vectors and the search's CPU time per query at each search breadth, and the time to open the
 * saved graph (hnswlib's copy into memory, usearch's copy and its memory-mapped view). Prints JSON; read times as
 * ratios between the libraries of the same run. usearch is not a dependency (measured and not adopted: README
 * Performance): install it apart, e.g. `npm install --prefix /tmp/us usearch@2.26.2`, and pass
 * `--usearch /tmp/us/node_modules/usearch`; `--metric ip` gives it unit vectors, `--hnswlib false` skips hnswlib.
 */
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import hnswlib from 'hnswlib-node';
import { percentile } from '../src/eval/run-eval.js';
import { graphSpace } from './graph-space.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    index: { type: 'string' },
    usearch: { type: 'string' },
    m: { type: 'string', default: '32' },
    efc: { type: 'string', default: '100' },
    ef: { type: 'string', default: '128,256,440' },
    threads: { type: 'string', default: '2' },
    quantization: { type: 'string', default: 'f32' },
    hnswlib: { type: 'string', default: 'true' },
    metric: { type: 'string', default: 'cos' },
  },
});
const require = createRequire(import.meta.url);
if (!values.usearch) throw new Error('--usearch PATH (an installed usearch package) is required: see this file\'s comment.');
const usearch = require(values.usearch);
const { dim, rows, unit, queryVectors, exact } = await graphSpace(values.corpus!, values.index!);
const m = Number(values.m), efConstruction = Number(values.efc), threads = Number(values.threads);

const stats = (xs: number[]) => ({ p50: +percentile(xs, 50).toFixed(3), p95: +percentile(xs, 95).toFixed(3) });
function timed(run: () => void) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  run();
  const used = process.cpuUsage(cpu);
  return { ms: Math.round(performance.now() - t), cpuMs: Math.round((used.user + used.system) / 1000) };
}
function measureSearch(search: (q: number[]) => number[]) {
  let hits = 0;
  const cpu: number[] = [];
  for (const [i, q] of queryVectors.entries()) {
    const before = process.cpuUsage();
    const found = search(q);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
    hits += found.filter((label) => exact[i]!.has(label)).length;
  }
  return { recallAt10: +(hits / (10 * queryVectors.length)).toFixed(4), searchCpuMs: stats(cpu) };
}

const dir = await mkdtemp(join(tmpdir(), 'vector-library-'));
const report: Record<string, unknown> = { chunks: rows, queries: queryVectors.length, m, efConstruction, threads, metric: values.metric };
if (values.hnswlib === 'true') {
  const graph = new hnswlib.HierarchicalNSW('cosine', dim);
  graph.initIndex({ maxElements: rows, m, efConstruction, randomSeed: 100 });
  const point = new Array<number>(dim);
  const build = timed(() => {
    for (let label = 0; label < rows; label++) {
      for (let j = 0; j < dim; j++) point[j] = unit[label * dim + j]!;
      graph.addPoint(point, label);
    }
  });
  graph.writeIndexSync(join(dir, 'h.bin'));
  const byEf: Record<string, unknown> = {};
  for (const ef of values.ef!.split(',').map(Number)) {
    graph.setEf(ef);
    byEf[ef] = measureSearch((q) => graph.searchKnn(q, 10).neighbors);
  }
  const fresh = new hnswlib.HierarchicalNSW('cosine', dim);
  const open = timed(() => fresh.readIndexSync(join(dir, 'h.bin')));
  report.hnswlib = { build, byEf, open };
  console.error(JSON.stringify(report.hnswlib));
}
// Both libraries get unit vectors (the inner product of unit vectors is their cosine, for `--metric ip`).
const unitQuery = (q: number[]) => {
  const norm = Math.sqrt(q.reduce((s, x) => s + x * x, 0)) || 1;
  return Float32Array.from(q, (x) => x / norm);
};
for (const quantization of values.quantization!.split(',')) {
  const results: Record<string, unknown> = {};
  const keys = BigUint64Array.from({ length: rows }, (_, i) => BigInt(i));
  const make = (ef: number) => new usearch.Index({ dimensions: dim, metric: values.metric, quantization, connectivity: m, expansion_add: efConstruction, expansion_search: ef, multi: false });
  const index = make(64);
  results.build = timed(() => index.add(keys, unit, threads));
  index.save(join(dir, `u-${quantization}.bin`));
  const byEf: Record<string, unknown> = {};
  for (const ef of values.ef!.split(',').map(Number)) {
    const viewed = make(ef);
    viewed.view(join(dir, `u-${quantization}.bin`));
    byEf[ef] = { viewed: measureSearch((q) => Array.from(viewed.search(unitQuery(q), 10, 1).keys, Number)) };
    const loaded = make(ef);
    loaded.load(join(dir, `u-${quantization}.bin`));
    (byEf[ef] as Record<string, unknown>).loaded = measureSearch((q) => Array.from(loaded.search(unitQuery(q), 10, 1).keys, Number));
  }
  results.byEf = byEf;
  results.open = { load: timed(() => make(64).load(join(dir, `u-${quantization}.bin`))), view: timed(() => make(64).view(join(dir, `u-${quantization}.bin`))) };
  report[`usearch-${quantization}`] = results;
  console.error(JSON.stringify(results));
}
await rm(dir, { recursive: true, force: true });
console.log(JSON.stringify(report, null, 1));
