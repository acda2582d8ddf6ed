/**
 * Bounded load test on loopback: `connections` clients for `seconds`, mixing normal questions with hostile
 * requests (bad JSON, huge bodies, path tricks, odd Unicode). Reports status counts, throughput, latency and the
 * server's memory before and after. `npm run test:load` runs the full 20-second version against a server it starts.
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** The request mix: two normal questions for each hostile request. */
export function requestMix(): autocannon.Request[] {
  const questions = readFileSync(join(root, 'eval/questions.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 12).map((l) => JSON.parse(l).question as string);
  const post = (path: string, body: string, type = 'application/json'): autocannon.Request => ({ method: 'POST', path, headers: { 'content-type': type }, body });
  const normal = questions.map((question) => post('/api/ask', JSON.stringify({ question })));
  const hostile: autocannon.Request[] = [
    post('/api/ask', '{"question":'),
    post('/api/ask', JSON.stringify({ question: 'x'.repeat(3000) })),
    post('/api/ask', JSON.stringify({ question: 'OIM', pad: 'y'.repeat(80_000) })),
    post('/api/ask', JSON.stringify({ question: `a${'\u0301'.repeat(5000)}` })),
    post('/api/ask', JSON.stringify({ question: 'OIM' }), 'text/plain'),
    post('/api/ask', JSON.stringify({ question: '\u202e🇧🇪 ??? \ud800' })),
    { method: 'GET', path: '/api/sources/..%2F..%2Fpackage.json' },
    { method: 'GET', path: '/%2e%2e/%2e%2e/etc/passwd' },
    { method: 'GET', path: '/api/search?q=' },
    post('/v1/chat/completions', JSON.stringify({ messages: [{ role: 'user', content: 'Qui a signé l’accord ?' }] })),
  ];
  return [...normal.flatMap((n, i) => (i % 2 === 0 && hostile[i / 2] ? [n, hostile[i / 2]!] : [n])), ...hostile.slice(normal.length / 2)];
}

/** Resident memory of a process and its descendants (tsx runs the server in a child process), in MiB (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const own = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  return Math.round(own / 1024) + children.reduce((sum, child) => sum + rssMb(child), 0);
}

/**
 * Runs the mix against a server for `seconds`, or until `amount` requests when given; every status code is counted.
 * Each connection walks the mix from its first request, a normal question.
 */
export async function runLoad(url: string, seconds: number, connections: number, amount?: number) {
  const statuses: Record<string, number> = {};
  let finish!: (r: autocannon.Result) => void;
  let fail!: (e: unknown) => void;
  const done = new Promise<autocannon.Result>((ok, ko) => ((finish = ok), (fail = ko)));
  const instance = autocannon({ url, connections, duration: seconds, amount, requests: requestMix() }, (error, result) => (error ? fail(error) : finish(result)));
  instance.on('response', (_client, status) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await done;
  return { statuses, requestsPerSec: Math.round(result.requests.average), latencyP50: result.latency.p50, latencyP99: result.latency.p99, errors: result.errors, timeouts: result.timeouts };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { startServer } = await import('../test/helpers/start-server.js');
  const { buildServer, buildWeb } = await import('./build.js');
  await Promise.all([buildServer(), buildWeb()]);
  const seconds = Number(process.env.LOAD_SECONDS ?? 20);
  const connections = Number(process.env.LOAD_CONNECTIONS ?? 64);
  // One client address sends everything here, so the per-client rate limit is off by default (LOAD_RATE_LIMIT) to
  // load the answer queue itself; the test suite's short run keeps it on.
  const server = await startServer({ EMBEDDINGS: 'hash', INDEX_DIR: join(root, 'bench/corpus/iload'), CORPUS_DIR: join(root, 'seeds'), RATE_LIMIT_PER_MINUTE: process.env.LOAD_RATE_LIMIT ?? '0' });
  const pid = server.process.pid!;
  const before = rssMb(pid);
  const result = await runLoad(server.url, seconds, connections);
  await new Promise((r) => setTimeout(r, 2000));
  const after = rssMb(pid);
  const health = await fetch(`${server.url}/api/health`);
  console.log(JSON.stringify({ seconds, connections, ...result, rssBeforeMb: before, rssAfterMb: after, alive: health.ok }, null, 2));
  await server.stop();
}
