/**
 * `npx tsx bench/search-stages.ts --corpus DIR --index DIR`: where a hybrid search's time goes on an index already
 * built (as `npm run bench` leaves it under bench/corpus/): each stage of the retriever timed on its own over the
 * bench's queries (question expansion, query embedding, the vector store, the lexical store, reading the chunks,
 * the texts of the passages returned), with each stage's CPU time and minor page faults and the GC pauses; a first pass (documents
 * not yet read) and a second, and the process's CPU time per search (less sensitive than wall time to other
 * processes' load). Prints JSON; times are for comparing runs on the same machine (read them as ratios: the whole
 * search against its parts, or one version of the code against another).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config.js';
import { createHashEmbeddings } from '../src/embeddings/create-embeddings.js';
import { percentile } from '../src/eval/run-eval.js';
import { nodeStores } from '../src/index/node-stores.js';
import { openIndex } from '../src/index/open-index.js';
import { loadLexicon } from '../src/retrieval/bilingual-lexicon.js';
import { createRetriever } from '../src/retrieval/create-retriever.js';
import { expandQuery } from '../src/retrieval/expand-query.js';
import type { RetrievalStores } from '../src/retrieval/stores.js';
import { benchQueries } from './prepare-corpus.js';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { corpus: { type: 'string' }, index: { type: 'string' }, passes: { type: 'string', default: '2' } } });
const questions = (await readFile(join(root, 'eval/questions.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l).question as string);
const queries = benchQueries(values.corpus!, questions);
const config = loadConfig({ ...process.env, CORPUS_DIR: values.corpus!, INDEX_DIR: values.index! });
const { lexicon } = await loadLexicon(config.dictDir, config.indexDir);
const index = await openIndex(values.index!);
const embeddings = createHashEmbeddings(index.manifest.embedder.dimension);

/** Milliseconds spent in each stage during the current search. */
const spent = new Map<string, number>();
function timed<A extends unknown[], R>(name: string, run: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const faults = process.resourceUsage().minorPageFault;
    const result = await run(...args);
    spent.set(name, (spent.get(name) ?? 0) + performance.now() - t);
    const used = process.cpuUsage(cpu);
    spent.set(`${name} CPU`, (spent.get(`${name} CPU`) ?? 0) + (used.user + used.system) / 1000);
    spent.set(`${name} faults`, (spent.get(`${name} faults`) ?? 0) + process.resourceUsage().minorPageFault - faults);
    return result;
  };
}
function timedSync<A extends unknown[], R>(name: string, run: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    const t = performance.now();
    const result = run(...args);
    spent.set(name, (spent.get(name) ?? 0) + performance.now() - t);
    return result;
  };
}

const stores = nodeStores(index);
const timedStores: RetrievalStores<number> = {
  vectors: { search: timed('vector store', stores.vectors.search) },
  lexical: { size: stores.lexical.size, documentFrequencies: timed('term frequencies', stores.lexical.documentFrequencies), search: timed('lexical store', stores.lexical.search) },
  documents: { ...stores.documents, chunks: timed('chunks read', stores.documents.chunks) },
};
const embedQuery = embeddings.embeddings.embedQuery.bind(embeddings.embeddings);
embeddings.embeddings.embedQuery = timed('query embedding', embedQuery);
const retriever = createRetriever({ embeddings, stores: timedStores, lexicon });
const expand = timedSync('expansion', (q: string) => expandQuery(q, lexicon));

// Warmed up as bench/measure-size.ts does, so that the first pass differs from the second by the data read only.
for (const q of queries.slice(0, 10)) await retriever.search(q, { k: 5 });
const stats = (xs: number[]) => ({ p50: +percentile(xs, 50).toFixed(3), p95: +percentile(xs, 95).toFixed(3), mean: +(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3) });
// Garbage collection pauses, attributed afterwards to the search whose time window holds them.
const pauses: Array<{ start: number; ms: number }> = [];
const gcObserver = new PerformanceObserver((list) => list.getEntries().forEach((e) => pauses.push({ start: e.startTime, ms: e.duration })));
gcObserver.observe({ entryTypes: ['gc'] });
const passes: Record<string, unknown>[] = [];
for (let pass = 0; pass < Number(values.passes); pass++) {
  const perStage = new Map<string, number[]>();
  const totals: number[] = [];
  const cpu: number[] = [];
  const windows: Array<[number, number]> = [];
  for (const q of queries) {
    spent.clear();
    expand(q);
    const t = performance.now();
    const used = process.cpuUsage();
    // The passages' texts are part of the answer (the server sends them).
    const passages = await retriever.search(q, { k: 5 });
    await timed('passage texts', async () => passages.forEach((passage) => void passage.chunk.text.length))();
    const { user, system } = process.cpuUsage(used);
    totals.push(performance.now() - t);
    windows.push([t, performance.now()]);
    cpu.push((user + system) / 1000);
    // CPU time outside the timed stages: expansion and term choice inside the retriever, fusion, GC.
    spent.set('other CPU', cpu.at(-1)! - [...spent].reduce((sum, [name, ms]) => sum + (name.endsWith(' CPU') ? ms : 0), 0));
    for (const [name, ms] of spent) (perStage.get(name) ?? perStage.set(name, []).get(name)!).push(ms);
  }
  // GC entries arrive in a later task than the searches' own.
  await new Promise((settle) => setTimeout(settle, 100));
  const gc = windows.map(([from, to]) => pauses.filter((p) => p.start >= from && p.start < to).reduce((sum, p) => sum + p.ms, 0));
  passes.push({ pass: pass + 1, search: stats(totals), 'search CPU time': stats(cpu), 'GC during the search': stats(gc), ...Object.fromEntries([...perStage].map(([name, xs]) => [name, stats(xs)])) });
}
console.log(JSON.stringify({ chunks: index.chunkCount, queries: queries.length, passes }, null, 1));
