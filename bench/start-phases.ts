/**
 * Start-up of the compiled server (`npm start`'s entry point, plain node) on an existing index, phase by phase:
 * launch to listening (the process's own clock, module loading included), launch to "ready" seen by the parent,
 * then the first /api/search and the first /api/ask answered (both sent as soon as it listens), each with the
 * server's CPU time used by then (which the other processes' load inflates far less than wall time).
 * `npx tsx bench/start-phases.ts --index bench/corpus/i100000 --corpus bench/corpus/c100000 --runs 3`; `dist/`
 * must be built (`npm run build`); `--entry A.js --entry B.js` compares two compiled servers, started in turn.
 * Prints one JSON line per start, then each entry point's medians.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../test/helpers/start-server.js';
import { processCpuMs } from './latency-stats.js';

const { values } = parseArgs({ options: { index: { type: 'string' }, corpus: { type: 'string', default: 'seeds' }, runs: { type: 'string', default: '3' }, entry: { type: 'string', multiple: true } } });
const root = resolve(import.meta.dirname, '..');
const question = JSON.parse(readFileSync(resolve(root, 'eval/questions.jsonl'), 'utf8').split('\n')[0]!).question as string;
// Entry points to compare, started in turn (interleaved); by default this tree's compiled server.
const entries = (values.entry ?? [resolve(root, 'dist/cli/serve-command.js')]).map((entry) => resolve(entry));
const rows: Record<string, number>[] = [];
for (let run = 0; run < Number(values.runs) * entries.length; run++) {
  const entry = entries[run % entries.length]!;
  const launched = performance.now();
  const server = await startServer({ INDEX_DIR: resolve(values.index!), CORPUS_DIR: resolve(values.corpus!), EMBEDDINGS: 'hash', RATE_LIMIT_PER_MINUTE: '0', TRANSLATION: 'none' }, 600_000, { command: process.execPath, args: [entry], cwd: root });
  const readyMs = performance.now() - launched;
  const pid = server.process.pid!;
  const readyCpuMs = processCpuMs(pid);
  const timed = async (send: () => Promise<Response>) => {
    const response = await send();
    if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
    return { ms: performance.now() - launched, cpuMs: processCpuMs(pid) };
  };
  const [search, ask] = await Promise.all([
    timed(() => fetch(`${server.url}/api/search?k=5&q=${encodeURIComponent(question)}`)),
    timed(() => fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })),
  ]);
  const output = server.output();
  const row = {
    entry: entries.indexOf(entry),
    listeningCpuMs: Number(/listening at .*ms after launch, (\d+) ms of CPU/.exec(output)?.[1]),
    readySinceLaunchMs: Number(/ready at \S+ \((\d+) ms after launch/.exec(output)?.[1]),
    listeningSinceLaunchMs: Number(/(\d+) ms after launch/.exec(output)?.[1]),
    serverOwnMs: Number(/started in (\d+) ms/.exec(output)?.[1]),
    readyMs: Math.round(readyMs),
    readyCpuMs,
    firstSearchMs: Math.round(search.ms),
    firstSearchCpuMs: search.cpuMs,
    firstAskMs: Math.round(ask.ms),
    firstAskCpuMs: ask.cpuMs,
    load1: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
  };
  rows.push(row);
  console.log(JSON.stringify(row));
  await server.stop();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
entries.forEach((entry, i) => {
  const own = rows.filter((r) => r.entry === i);
  console.log(JSON.stringify({ entry, median: Object.fromEntries(Object.keys(own[0]!).map((k) => [k, median(own.map((r) => r[k]!))])) }));
});
