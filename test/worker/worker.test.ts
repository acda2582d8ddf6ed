import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/create-answerer.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createNodeApp } from '../../src/server/node-app.js';
import { copySeeds, seedsDir, tempDir } from '../helpers/fixtures.js';
import { projectRoot, runCommand } from '../helpers/run-command.js';
import { seedsRuntime } from '../helpers/seeds-runtime.js';
import type { Retriever } from '../../src/retrieval/retriever.js';

const TOKEN = 'worker-admin-token';
let mf: Miniflare;
let dir: string;
let cleanup: () => Promise<void>;
let nodeApp: Awaited<ReturnType<typeof createNodeApp>>['app'];
let nodeRetriever: Retriever;
let nodeCleanup: () => Promise<void>;

/** Runs a request against the worker inside workerd. */
async function worker(path: string, init: RequestInit = {}): Promise<Response> {
  return (await mf.dispatchFetch(`http://localhost${path}`, init as never)) as unknown as Response;
}

const postJson = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** The JSON structure of a value: keys and types, not values (arrays by their first element; strings and null alike, as in `date`). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (value === null || typeof value === 'string') return 'string or null';
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as object).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const script = join(dir, 'harness.js');
  await build({
    entryPoints: [resolve(import.meta.dirname, 'harness.ts')],
    outfile: script,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    loader: { '.md': 'text' },
    external: ['node:*'],
    logLevel: 'error',
  });
  mf = new Miniflare({
    modules: true,
    scriptPath: script,
    modulesRoot: dir,
    compatibilityDate: '2025-09-01',
    compatibilityFlags: ['nodejs_compat'],
    d1Databases: ['DB'],
    bindings: { ADMIN_TOKEN: TOKEN, EMBEDDING_MODEL: '@cf/baai/bge-m3' },
    host: '127.0.0.1',
    port: 0,
  });
  const db = await mf.getD1Database('DB');
  for (const file of (await readdir(join(projectRoot, 'migrations'))).sort()) {
    const migration = (await readFile(join(projectRoot, 'migrations', file), 'utf8')).replace(/--.*$/gm, '');
    for (const statement of migration.split(';').map((s) => s.trim()).filter(Boolean)) await db.prepare(statement).run();
  }
  const documents = await loadCorpus(seedsDir);
  const ingest = await worker('/api/admin/ingest', postJson({ documents }, { authorization: `Bearer ${TOKEN}` }));
  expect(ingest.status).toBe(200);
  expect((await ingest.json()).added).toHaveLength(5);
  // The Node side embeds like the Workers AI double (hash, 1024 dimensions) with the same fusion weights and, like
  // the worker, no dictionary: the two targets then differ only in their stores.
  ({ cleanup: nodeCleanup } = await seedsRuntime({ RATE_LIMIT_PER_MINUTE: '0', EMBEDDINGS: 'hash', HASH_DIMENSION: '1024', LEXICAL_WEIGHT: '1', QUERY_EXPANSION: 'false' }).then((s) => {
    nodeApp = createNodeApp({ config: s.config, runtime: s.runtime, answerer: createAnswerer() }).app;
    nodeRetriever = s.runtime.retriever;
    return s;
  }));
}, 120_000);

afterAll(async () => {
  await mf?.dispose();
  await cleanup?.();
  await nodeCleanup?.();
});

describe('the worker under workerd (local D1, doubles for Workers AI and Vectorize)', () => {
  it('answers a French question with citations that are verbatim spans of the communiqué', async () => {
    const body = await (await worker('/api/ask', postJson({ question: 'Combien de délégations ont participé à la conférence de solidarité ?' }))).json();
    expect(body.answerable).toBe(true);
    expect(body.answer).toMatch(/120 délégations/);
    const source = await (await worker(`/api/sources/${body.citations[0].source}`)).json();
    expect(source.text.slice(body.citations[0].start, body.citations[0].end)).toBe(body.citations[0].quote);
  });

  it('answers an English question over the French communiqués', async () => {
    const body = await (await worker('/api/ask', postJson({ question: 'How many projects did the European Commission and IOM carry out between 2015 and 2019?' }))).json();
    expect(body).toMatchObject({ language: 'en', answerable: true });
    expect(body.citations[0].source).toBe('001_b75e72ff1d10ce48.txt');
  });

  it('streams Server-Sent Events', async () => {
    const text = await (await worker('/api/ask', postJson({ question: 'Quel accord la Belgique a-t-elle signé ?' }, { accept: 'text/event-stream' }))).text();
    expect(text).toMatch(/^event: citations/m);
    expect(text).toMatch(/^event: done/m);
  });

  it('refuses an off-topic question', async () => {
    const body = await (await worker('/api/ask', postJson({ question: 'Quelle est la recette de la tarte tatin ?' }))).json();
    expect(body.answerable).toBe(false);
  });

  it('searches with D1 postings and Vectorize fused', async () => {
    const body = await (await worker('/api/search?q=r%C3%A9fugi%C3%A9s%20v%C3%A9n%C3%A9zu%C3%A9liens&k=3')).json();
    expect(body.results).toHaveLength(3);
    expect(body.results[0].source).toBe('004_5bf88d405e48ee85.txt');
  });

  it('lists sources, returns one, and 404s an unknown id', async () => {
    expect((await (await worker('/api/sources')).json()).sources).toHaveLength(5);
    expect((await worker('/api/sources/..%2Fwrangler.toml')).status).toBe(404);
  });

  it('reports Workers AI embeddings in health', async () => {
    const body = await (await worker('/api/health')).json();
    expect(body).toMatchObject({ status: 'ok', documents: 5, embeddings: { provider: 'workers-ai', model: '@cf/baai/bge-m3', dimension: 1024 } });
  });

  it('skips unchanged documents on a second upload and prunes removed ones', async () => {
    const documents = await loadCorpus(seedsDir);
    const again = await (await worker('/api/admin/ingest', postJson({ documents }, { authorization: `Bearer ${TOKEN}` }))).json();
    expect(again).toEqual({ added: [], updated: [], unchanged: documents.map((d) => d.id) });
    const before = await (await worker('/__doubles')).json();
    const pruned = await (await worker('/api/admin/prune', postJson({ keep: documents.slice(1).map((d) => d.id) }, { authorization: `Bearer ${TOKEN}` }))).json();
    expect(pruned.removed).toEqual([documents[0]!.id]);
    const after = await (await worker('/__doubles')).json();
    expect(after.vectors).toBeLessThan(before.vectors);
    await worker('/api/admin/ingest', postJson({ documents: [documents[0]] }, { authorization: `Bearer ${TOKEN}` }));
  });

  it('answers 401 to admin callers without the token', async () => {
    expect((await worker('/api/admin/ingest', postJson({ documents: [] }))).status).toBe(401);
  });
});

describe('contract: one retrieval core, the same rankings on Node (HNSW, lexical.bin) and Workers (Vectorize, D1)', () => {
  const searches: Array<[string, string]> = [
    ['a French question', 'q=Combien de délégations ont participé à la conférence de solidarité ?'],
    ['an English question', 'q=How many projects did the European Commission and IOM carry out between 2015 and 2019?'],
    ['two words', 'q=réfugiés vénézuéliens'],
    ['a source filter', 'q=migration&sources=002_5a2f6f364a3714b2.txt,003_a0047cf2eef54c10.txt'],
    ['a date filter', 'q=migration et coopération&from=2019-01-01&to=2019-12-31'],
  ];
  it.each(searches)('%s ranks the same chunks in the same order', async (_name, query) => {
    const path = `/api/search?k=8&${query.replace(/ /g, '%20')}`;
    const ranking = async (response: Response | Promise<Response>) => ((await (await response).json()) as { results: Array<{ chunkId: string }> }).results.map((r) => r.chunkId);
    const [fromNode, fromWorker] = [await ranking(nodeApp.request(path)), await ranking(worker(path))];
    expect(fromNode.length).toBeGreaterThan(0);
    expect(fromWorker).toEqual(fromNode);
  });

  const questions = ['Quel accord la Belgique a-t-elle signé avec l’OIM ?', 'Who chaired the solidarity conference on Venezuelan refugees?', 'délégations conférence'];
  for (const mode of ['vector', 'lexical'] as const) {
    it.each(questions)(`ranks "%s" the same on ${mode} search alone`, async (question) => {
      const fromNode = (await nodeRetriever.search(question, { k: 10, mode })).map((p) => p.chunk.id);
      const fromWorker = await (await worker(`/__search?k=10&mode=${mode}&q=${encodeURIComponent(question)}`)).json();
      expect(fromNode).toHaveLength(10);
      expect(fromWorker).toEqual(fromNode);
    });
  }
});

describe('npm run index:worker', () => {
  it('uploads over HTTP, skips what the worker has, adds new communiqués and removes deleted ones', async () => {
    const url = (await mf.ready).href;
    const corpus = await copySeeds(dir);
    await writeFile(join(corpus, '900_extra.txt'), 'Communiqué supplémentaire\n\nUn texte de plus sur la migration et la coopération internationale.\n');
    await rm(join(corpus, '000_9a6274aa62985936.txt'));
    const env = { WORKER_URL: url, ADMIN_TOKEN: TOKEN, CORPUS_DIR: corpus };
    const first = await runCommand('src/cli/index-worker-command.ts', [], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Uploaded 5 documents .*: 1 added, 0 updated, 4 unchanged, 1 removed/);
    const second = await runCommand('src/cli/index-worker-command.ts', [], env);
    expect(second.stdout).toMatch(/0 added, 0 updated, 5 unchanged, 0 removed/);
    const bad = await runCommand('src/cli/index-worker-command.ts', [], { ...env, ADMIN_TOKEN: 'wrong' });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/answered 401/);
  }, 60_000);
});

describe('contract: the same requests against the Node server and the worker', () => {
  const requests: Array<[string, string, RequestInit?]> = [
    ['ask', '/api/ask', postJson({ question: 'Combien de délégations ont participé à la conférence de solidarité ?' })],
    ['refusal', '/api/ask', postJson({ question: 'Quelle est la recette de la tarte tatin ?' })],
    ['search', '/api/search?q=migration&k=2'],
    ['sources', '/api/sources'],
    ['source', '/api/sources/002_5a2f6f364a3714b2.txt'],
    ['health', '/api/health'],
    ['not found', '/api/sources/nope.txt'],
    ['bad request', '/api/ask', postJson({ question: '' })],
    ['chat completion', '/v1/chat/completions', postJson({ messages: [{ role: 'user', content: 'Quel accord la Belgique a-t-elle signé ?' }] })],
  ];
  it.each(requests)('%s answers with the same status and JSON shape', async (_name, path, init) => {
    const fromNode = await nodeApp.request(path, init);
    const fromWorker = await worker(path, init);
    expect(fromWorker.status).toBe(fromNode.status);
    const [a, b] = [await fromNode.json(), await fromWorker.json()];
    if (path === '/api/health') {
      // Health differs in what it reports (crossLanguage reason), not in the fields every client reads.
      for (const key of ['status', 'documents', 'chunks', 'embeddings', 'llm']) expect(shape(b[key])).toEqual(shape(a[key]));
    } else {
      expect(shape(b)).toEqual(shape(a));
    }
  });
});

describe('wrangler deploy --dry-run', () => {
  it('bundles the worker under the Workers size limit', async () => {
    const out = join(dir, 'dist-worker');
    const result = spawnSync(join(projectRoot, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', out], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
    });
    expect(result.status, result.stderr).toBe(0);
    const size = (await stat(join(out, 'worker.js'))).size;
    console.log(`Worker bundle: ${(size / 1024).toFixed(0)} KiB uncompressed (${/gzip: ([\d.]+ KiB)/.exec(result.stdout)?.[1] ?? '?'} gzip)`);
    // Workers accept 3 MiB compressed on the free plan, 10 MiB on paid plans.
    expect(Number(/gzip: ([\d.]+) KiB/.exec(result.stdout)?.[1])).toBeLessThan(3 * 1024);
  }, 60_000);
});
