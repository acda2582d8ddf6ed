import { spawn } from 'node:child_process';
import { symlink, writeFile, mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/create-answerer.js';
import { openRuntime } from '../../src/cli/runtime.js';
import { loadConfig } from '../../src/config/config.js';
import { openIndex } from '../../src/index/open-index.js';
import { createApp } from '../../src/server/app.js';
import { concurrencyLimit } from '../../src/server/guards.js';
import { createNodeApp } from '../../src/server/node-app.js';
import { staticRoutes } from '../../src/server/routes/static.js';
import { copySeeds, tempDir } from '../helpers/fixtures.js';
import { projectRoot, runCommand } from '../helpers/run-command.js';

let dir: string;
let cleanup: () => Promise<void>;
let corpusDir: string;
let indexDir: string;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  corpusDir = await copySeeds(dir);
  indexDir = join(dir, 'index');
});
afterEach(async () => cleanup());

const configFor = (env: Record<string, string> = {}) => loadConfig({ EMBEDDINGS: 'hash', CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, RATE_LIMIT_PER_MINUTE: '0', ...env });
const askBody = (question: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });

describe('reindex while serving', () => {
  it('keeps answering 1 000 questions in flight while the index is rebuilt, then serves the new index', async () => {
    const config = configFor({ ADMIN_TOKEN: 'token-123', MAX_CONCURRENT_ANSWERS: '8', MAX_QUEUED_ANSWERS: '2000' });
    const runtime = await openRuntime(config, () => {}, { buildIfMissing: true });
    const { app, state } = createNodeApp({ config, runtime, answerer: createAnswerer() });
    const before = state.retriever;
    await writeFile(join(corpusDir, '900_new.txt'), 'Un nouveau communiqué sur la migration de travail\n\nLe ministère a publié un nouveau rapport sur la migration de travail et les saisonniers agricoles.\n');
    const questions = ['Combien de délégations ont participé ?', 'Which countries host the most Venezuelan refugees?', 'Quel accord la Belgique a-t-elle signé ?'];
    const asks = Array.from({ length: 1000 }, (_, i) => app.request('/api/ask', askBody(questions[i % 3]!)));
    const reindex = app.request('/api/admin/reindex', { method: 'POST', headers: { authorization: 'Bearer token-123' } });
    const responses = await Promise.all(asks);
    const statuses = new Map<number, number>();
    for (const r of responses) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    expect(Object.fromEntries(statuses)).toEqual({ 200: 1000 });
    const result = await (await reindex).json();
    expect(result).toMatchObject({ documents: 6, embeddedChunks: expect.any(Number) });
    expect(state.retriever).not.toBe(before);
    const sources = await (await app.request('/api/sources')).json();
    expect(sources.sources.map((s: { id: string }) => s.id)).toContain('900_new.txt');
  });

  it('has no reindex route without ADMIN_TOKEN', async () => {
    const config = configFor();
    const runtime = await openRuntime(config, () => {}, { buildIfMissing: true });
    const { app } = createNodeApp({ config, runtime, answerer: createAnswerer() });
    const response = await app.request('/api/admin/reindex', { method: 'POST', headers: { authorization: 'Bearer anything' } });
    expect(response.status).toBe(404);
  });
});

describe('index writes', () => {
  it('serializes two index builds at once: both finish and the index loads', async () => {
    const env = { EMBEDDINGS: 'hash', CORPUS_DIR: corpusDir, INDEX_DIR: indexDir };
    const [a, b] = await Promise.all([runCommand('src/cli/index-command.ts', [], env), runCommand('src/cli/index-command.ts', [], env)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const index = await openIndex(indexDir);
    expect(index.documents.size).toBe(5);
    expect((await readdir(indexDir)).filter((f) => f === '.lock')).toEqual([]);
  });

  it('leaves the old or the new index, never a broken one, when a build is killed at random moments', async () => {
    const env = { ...process.env, EMBEDDINGS: 'hash', CORPUS_DIR: corpusDir, INDEX_DIR: indexDir };
    await runCommand('src/cli/index-command.ts', [], env as Record<string, string>);
    const versions = new Set<number>();
    let last = 0;
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let round = 0; round < 12; round++) {
      // Each round changes the corpus, so a completed build is distinguishable from the previous one.
      await writeFile(join(corpusDir, `9${String(round).padStart(2, '0')}_round.txt`), `Communiqué de la série ${round}\n\nTexte numéro ${round} sur la migration et les partenariats.\n`);
      // Node itself with the tsx loader, not the tsx launcher: the launcher runs the build in a child that a
      // SIGKILL to the launcher would leave running.
      const child = spawn(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'src/cli/index-command.ts')], { cwd: projectRoot, env });
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, 300 + random() * 2200));
      child.kill('SIGKILL');
      await exited;
      const index = await openIndex(indexDir);
      const rounds = [...index.documents.keys()].filter((id) => id.endsWith('_round.txt')).length;
      // Either the index that was there before this build (unchanged) or the one this build completed.
      expect([last, round + 1]).toContain(rounds);
      versions.add(rounds === last ? 0 : 1);
      last = rounds;
    }
    // The kills landed both before and after the switch at least once.
    expect(versions.size).toBe(2);
  }, 120_000);
});

describe('overload and disconnects', () => {
  it('gives 503 at once when the answer queue is full, and frees slots after', async () => {
    const config = configFor({ MAX_CONCURRENT_ANSWERS: '1', MAX_QUEUED_ANSWERS: '0' });
    const runtime = await openRuntime(config, () => {}, { buildIfMissing: true });
    const { app } = createNodeApp({ config, runtime, answerer: createAnswerer() });
    const burst = await Promise.all(Array.from({ length: 6 }, () => app.request('/api/ask', askBody('Combien de délégations ?'))));
    const codes = burst.map((r) => r.status);
    expect(codes).toContain(200);
    expect(codes).toContain(503);
    const busy = burst.find((r) => r.status === 503)!;
    expect((await busy.json()).error.code).toBe('unavailable');
    expect((await app.request('/api/ask', askBody('Combien de délégations ?'))).status).toBe(200);
  });

  it('releases a stream slot when the client disconnects', async () => {
    const config = configFor();
    const runtime = await openRuntime(config, () => {}, { buildIfMissing: true });
    const answerer = createAnswerer();
    const app = createApp({ state: { retriever: runtime.retriever }, answerer, health: { llm: answerer.info }, answerGuards: [concurrencyLimit({ max: 1, queue: 0, maxWaitMs: 1000 })] });
    const controller = new AbortController();
    const stream = await app.request('/api/ask', { ...askBody('Combien de délégations ?'), headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, signal: controller.signal });
    expect(stream.status).toBe(200);
    // While the stream is open, the only slot is taken.
    expect((await app.request('/api/ask', askBody('OIM'))).status).toBe(503);
    await stream.body!.cancel();
    controller.abort();
    expect((await app.request('/api/ask', askBody('Combien de délégations ?'))).status).toBe(200);
  });
});

describe('edges', () => {
  it('never serves a symlink that leads outside the web folder', async () => {
    const web = join(dir, 'web');
    await mkdir(web);
    await writeFile(join(web, 'index.html'), '<!doctype html><title>ok</title>');
    await symlink('/etc/passwd', join(web, 'passwd.html'));
    const app = staticRoutes(web);
    expect((await app.request('/index.html')).status).toBe(200);
    expect((await app.request('/passwd.html')).status).toBe(404);
  });

  it('allows CORS only for configured origins', async () => {
    const config = configFor({ CORS_ORIGINS: 'https://allowed.example' });
    const runtime = await openRuntime(config, () => {}, { buildIfMissing: true });
    const { app } = createNodeApp({ config, runtime, answerer: createAnswerer() });
    const allowed = await app.request('/api/health', { headers: { origin: 'https://allowed.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://allowed.example');
    const other = await app.request('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never returns or logs the API key', async () => {
    const lines: string[] = [];
    const config = configFor({ LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-secret-value-123', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    const runtime = await openRuntime(config, (l) => lines.push(l), { buildIfMissing: true });
    const { app } = createNodeApp({ config, runtime, answerer: createAnswerer({ llm: config.llm }), log: (f) => lines.push(JSON.stringify(f)) });
    const health = await (await app.request('/api/health')).text();
    expect(health).not.toContain('sk-secret');
    expect(lines.join('\n')).not.toContain('sk-secret');
  });
});
