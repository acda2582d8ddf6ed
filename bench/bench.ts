/**
 * `npm run bench`: performance at 1k, 10k and 100k chunks on a scale corpus of real Debian text mixed with the
 * communiqués, against LangChain's stock stores and exact search, plus /api/ask throughput on the seeds index.
 * Not part of CI (it takes minutes); results go to bench/results/latest.json and bench/latency.svg.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildServer, buildWeb } from '../scripts/build.js';
import { startServer } from '../test/helpers/start-server.js';
import { processCpuMs } from './latency-stats.js';
import { benchQueries, ensurePackages, writeCorpus } from './prepare-corpus.js';
import { percentile } from '../src/eval/run-eval.js';
import { readdirSync, readFileSync } from 'node:fs';

const root = resolve(import.meta.dirname, '..');
const tsx = join(root, 'node_modules/.bin/tsx');
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,100000,300000' }, 'ask-seconds': { type: 'string', default: '10' } } });
/** LangChain's stock stores are compared up to this size (beyond it they take many minutes and gigabytes). */
const BASELINES_UP_TO = 100_000;
const sizes = values.sizes!.split(',').map(Number);
const log = (line: string) => console.error(line);

// The servers below run the compiled entry point, as `npm start` does.
await Promise.all([buildServer(), buildWeb()]);

/**
 * Starts `npm start`'s entry point (hash embedder, no rate limit) and times it until its "ready" line, then, with
 * `firstQuery`, until that search and that question are answered (the server listens before it opens the index,
 * and is ready while its vector graphs load: a search waits for them).
 */
async function timedServer(env: Record<string, string>, firstQuery?: string) {
  const started = performance.now();
  // With glibc's malloc tunable that `npm start` sets (package.json): the graphs are copied into huge pages.
  const server = await startServer({ EMBEDDINGS: 'hash', RATE_LIMIT_PER_MINUTE: '0', GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1', ...env }, 600_000);
  const ms = Math.round(performance.now() - started);
  const answered = (response: Promise<Response>) => response.then((r) => r.arrayBuffer()).then(() => Math.round(performance.now() - started));
  // The first search and the first question, sent together as soon as the server is ready.
  const [firstSearchMs, firstAskMs] = firstQuery
    ? await Promise.all([
      answered(fetch(`${server.url}/api/search?k=5&q=${encodeURIComponent(firstQuery)}`)),
      answered(fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: firstQuery }) })),
    ])
    : [];
  return { ...server, ms, firstSearchMs, firstAskMs };
}

/** Resident memory of a process and its descendants (the tsx launcher runs the server in a child), from /proc. */
function treeRssMb(root: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  let kb = 0;
  for (const pid of tree) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return Math.round(kb / 1024);
}

/** A bounded load test on loopback: 16 connections for `seconds`; latency percentiles from every response. */
async function load(url: string, path: string, bodies: string[] | null, seconds: number) {
  const samples: number[] = [];
  let finish!: (result: autocannon.Result) => void;
  let fail!: (error: unknown) => void;
  const done = new Promise<autocannon.Result>((ok, ko) => ((finish = ok), (fail = ko)));
  const instance = autocannon({
    url: `${url}${path}`,
    connections: 16,
    duration: seconds,
    requests: bodies ? bodies.map((body) => ({ method: 'POST' as const, path, headers: { 'content-type': 'application/json' }, body })) : [{ method: 'GET' as const, path }],
  }, (error, result) => (error ? fail(error) : finish(result)));
  instance.on('response', (_client, _status, _bytes, ms) => samples.push(ms));
  const result = await done;
  return {
    requestsPerSec: Math.round(result.requests.average),
    p50Ms: +percentile(samples, 50).toFixed(2),
    p95Ms: +percentile(samples, 95).toFixed(2),
    p99Ms: +percentile(samples, 99).toFixed(2),
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function svgChart(rows: Array<{ chunks: number; ours: number; hnswlib?: number; brute: number }>): string {
  const w = 560, h = 300, left = 60, bottom = 40, top = 20, right = 150;
  const xs = rows.map((r) => Math.log10(r.chunks));
  const all = rows.flatMap((r) => [r.ours, r.brute, r.hnswlib ?? r.ours]).filter((v) => v > 0);
  const yMin = Math.log10(Math.min(...all) / 1.5), yMax = Math.log10(Math.max(...all) * 1.5);
  const x = (v: number) => left + ((v - Math.min(...xs)) / Math.max(1e-9, Math.max(...xs) - Math.min(...xs))) * (w - left - right);
  const y = (v: number) => top + (1 - (Math.log10(v) - yMin) / (yMax - yMin)) * (h - top - bottom);
  const series: Array<[string, string, (r: (typeof rows)[number]) => number | undefined]> = [
    ['hybrid search p95 (ours)', '#0b5cad', (r) => r.ours],
    ['LangChain HNSWLib p95', '#c2410c', (r) => r.hnswlib],
    ['brute force p95', '#6b7280', (r) => r.brute],
  ];
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" font-family="sans-serif" font-size="11">`, `<rect width="${w}" height="${h}" fill="#fff"/>`];
  parts.push(`<line x1="${left}" y1="${h - bottom}" x2="${w - right}" y2="${h - bottom}" stroke="#999"/><line x1="${left}" y1="${top}" x2="${left}" y2="${h - bottom}" stroke="#999"/>`);
  for (const r of rows) parts.push(`<text x="${x(Math.log10(r.chunks))}" y="${h - bottom + 16}" text-anchor="middle">${r.chunks.toLocaleString('en')}</text>`);
  for (let e = Math.ceil(yMin); e <= Math.floor(yMax); e++) parts.push(`<text x="${left - 6}" y="${y(10 ** e) + 4}" text-anchor="end">${10 ** e} ms</text><line x1="${left}" x2="${w - right}" y1="${y(10 ** e)}" y2="${y(10 ** e)}" stroke="#eee"/>`);
  parts.push(`<text x="${(left + w - right) / 2}" y="${h - 6}" text-anchor="middle">chunks (log scale)</text>`);
  series.forEach(([name, color, get], i) => {
    const pts = rows.filter((r) => get(r)).map((r) => `${x(Math.log10(r.chunks))},${y(get(r)!)}`);
    if (pts.length) parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.join(' ')}"/>`, ...pts.map((p) => `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="3" fill="${color}"/>`));
    parts.push(`<rect x="${w - right + 10}" y="${top + i * 18}" width="10" height="10" fill="${color}"/><text x="${w - right + 25}" y="${top + i * 18 + 9}">${name}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

ensurePackages(log);
const questions = (await readFile(join(root, 'eval/questions.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l).question as string);
const corpusRoot = join(root, 'bench/corpus');
const results: Record<string, unknown>[] = [];
let queries: string[] = questions;
for (const size of sizes) {
  const corpus = await writeCorpus(join(corpusRoot, `c${size}`), join(root, 'seeds'), size);
  if (queries === questions) queries = benchQueries(corpus.dir, questions);
  log(`Size ${size}: ${corpus.documents} documents, ${corpus.chunks} chunks${corpus.syntheticChunks ? ` (${corpus.syntheticChunks} from synthetic variation: real text ran out)` : ''}; measuring…`);
  const indexDir = join(corpusRoot, `i${size}`);
  // A full build every time: an index left by an earlier run would be reused (only changed documents re-embedded).
  await rm(indexDir, { recursive: true, force: true });
  const child = spawnSync(tsx, [join(root, 'bench/measure-size.ts'), '--corpus', corpus.dir, '--index', indexDir, '--queries', JSON.stringify(queries), '--baselines', String(size <= BASELINES_UP_TO)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192' } });
  if (child.status !== 0) throw new Error(`measure-size failed for ${size}: ${child.stderr}`);
  const measured = JSON.parse(child.stdout.trim().split('\n').at(-1)!);
  const server = await timedServer({ INDEX_DIR: indexDir, CORPUS_DIR: corpus.dir }, queries[0]);
  // The server's own figures, on its clock from launch (module loading included), with its CPU time by then:
  // listening, ready (index opened, answer pipeline loaded), and from opening the index to its vector graphs loaded.
  const output = server.output();
  const [listeningMs, listeningCpuMs] = (/listening at .*?(\d+) ms after launch, (\d+) ms of CPU/.exec(output) ?? []).slice(1).map(Number);
  const [readyMs, readyCpuMs] = (/ready at .*?(\d+) ms after launch, (\d+) ms of CPU/.exec(output) ?? []).slice(1).map(Number);
  const graphsLoadedMs = Number(/Vector graphs loaded (\d+) ms/.exec(output)?.[1]);
  // The same searches served over HTTP by the fresh server (no build's garbage in its heap, as in production), one
  // at a time: wall time per request, and the server's CPU time over all of them (/proc, so only a mean).
  const servedCpuBefore = processCpuMs(server.process.pid!);
  const served: number[] = [];
  for (const q of queries) {
    const sent = performance.now();
    await fetch(`${server.url}/api/search?k=5&q=${encodeURIComponent(q.slice(0, 2000))}`).then((r) => r.arrayBuffer());
    served.push(performance.now() - sent);
  }
  const servedSearchMs = { p50: +percentile(served, 50).toFixed(2), p95: +percentile(served, 95).toFixed(2), p99: +percentile(served, 99).toFixed(2), meanCpu: +((processCpuMs(server.process.pid!) - servedCpuBefore) / served.length).toFixed(2) };
  // The whole tree (Apertium's processes too, once the first question started them) and the Node process alone.
  const servingRssMb = treeRssMb(server.process.pid!);
  const serverProcessRssMb = Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.process.pid}/status`, 'utf8'))?.[1]) / 1024);
  await server.stop();
  results.push({ target: size, syntheticChunks: corpus.syntheticChunks, ...measured, serverStartMs: server.ms, listeningMs, listeningCpuMs, readyMs, readyCpuMs, graphsLoadedMs, firstSearchMs: server.firstSearchMs, firstAskMs: server.firstAskMs, servedSearchMs, servingRssMb, serverProcessRssMb });
  log(JSON.stringify(results.at(-1)));
}

log('Load test: /api/ask (extractive) on the seeds index, 16 connections…');
const seedsIndex = join(corpusRoot, 'iseeds');
const seedsServer = await timedServer({ INDEX_DIR: seedsIndex, CORPUS_DIR: join(root, 'seeds') });
const seconds = Number(values['ask-seconds']);
const askBodies = questions.slice(0, 20).map((question) => JSON.stringify({ question }));
const health = await load(seedsServer.url, '/api/health', null, Math.max(3, Math.round(seconds / 2)));
const ask = await load(seedsServer.url, '/api/ask', askBodies, seconds);
await seedsServer.stop();

const machine = { cores: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
const report = { date: new Date().toISOString(), machine, sizes: results, ask: { ...ask, baselineHealth: health, ratioToHealth: +(ask.requestsPerSec / health.requestsPerSec).toFixed(3) } };
await mkdir(join(root, 'bench/results'), { recursive: true });
await writeFile(join(root, 'bench/results/latest.json'), JSON.stringify(report, null, 2));
await writeFile(
  join(root, 'bench/latency.svg'),
  svgChart(results.map((r) => ({ chunks: r.chunks as number, ours: (r.hybridSearchMs as { p95: number }).p95, brute: (r.bruteForceMs as { p95: number }).p95, hnswlib: (r.langchain as { hnswlibQueryMs: { p95: number } } | undefined)?.hnswlibQueryMs.p95 }))),
);

const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
console.log(`Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GiB, Node ${machine.node}\n`);
console.log(row(['chunks', 'build s', 'chunks/s (with corpus reading)', 'index MB', 'build peak RSS MB', 'serving RSS MB', 'start ms (listening / ready / graphs / first search / first ask)', 'hybrid p50/p95/p99 ms (CPU p50/p95)', 'HNSW p95 ms', 'brute p95 ms', 'recall@10', 'LangChain HNSWLib build s / p95 ms', 'MemoryVectorStore build s / p95 ms']));
console.log(row(Array(13).fill('---')));
for (const r of results as any[]) {
  const lc = r.langchain;
  console.log(row([r.chunks, (r.buildMs / 1000).toFixed(1), `${r.chunksPerSec} (${r.chunksPerSecWithReading})`, (r.indexBytes / 2 ** 20).toFixed(1), r.peakRssMb, r.servingRssMb, `${r.listeningMs} / ${r.readyMs} / ${r.graphsLoadedMs} / ${r.firstSearchMs} / ${r.firstAskMs}`, `${r.hybridSearchMs.p50} / ${r.hybridSearchMs.p95} / ${r.hybridSearchMs.p99} (CPU ${r.hybridSearchCpuMs.p50} / ${r.hybridSearchCpuMs.p95})`, r.hnswSearchMs.p95, r.bruteForceMs.p95, r.hnswRecallAt10, lc ? `${(lc.hnswlibBuildMs / 1000).toFixed(1)} / ${lc.hnswlibQueryMs.p95}` : '—', lc ? `${(lc.memoryBuildMs / 1000).toFixed(1)} / ${lc.memoryQueryMs.p95}` : '—']));
}
console.log(`\n/api/ask (extractive, seeds, 16 connections, ${seconds} s): ${ask.requestsPerSec} req/s, p50 ${ask.p50Ms} ms, p95 ${ask.p95Ms} ms, p99 ${ask.p99Ms} ms, non-2xx ${ask.non2xx}; /api/health baseline ${health.requestsPerSec} req/s (ratio ${report.ask.ratioToHealth})`);
