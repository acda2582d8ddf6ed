import { spawn } from 'node:child_process';
import { symlink, writeFile, mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/create-answerer.js';
import { openRuntime } from '../../src/runtime/node-runtime.js';
import { loadConfig } from '../../src/config/config.js';
import { openIndex } from '../../src/index/open-index.js';
import { createApp } from '../../src/server/app.js';
import { concurrencyLimit } from '../../src/server/guards.js';
import { createNodeApp } from '../../src/server/node-app.js';
import { staticRoutes } from '../../src/server/routes/static.js';
import { seedsCopyPerTest } from '../helpers/fixtures.js';
import { projectRoot, runCommand } from '../helpers/run-command.js';

const seeds = seedsCopyPerTest();

const configFor = (env: Record<string, string> = {}) => loadConfig({ EMBEDDINGS: 'hash', CORPUS_DIR: seeds.corpusDir, INDEX_DIR: seeds.indexDir, RATE_LIMIT_PER_MINUTE: '0', ...env });
const askBody = (question: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });

describe('reindex while serving', () => {
  it('keeps answering 1 000 questions in flight while the index is rebuilt, then serves the new index', async () => {
    const config = configFor({ ADMIN_TOKEN: 'token-123', MAX_CONCURRENT_ANSWERS: '8', MAX_QUEUED_ANSWERS: '2000' });
    const runtime = await openRuntime(config, () => {}, { buildIfMissing: true });
    const { app, state } = createNodeApp({ config, runtime, answerer: createAnswerer() });
    const before = state.retriever;
    await writeFile(join(seeds.corpusDir, '900_new.txt'), 'Un nouveau communiqué sur la migration de travail\n\nLe ministère a publié un nouveau rapport sur la migration de travail et les saisonniers agricoles.\n');
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

  it('refreshes the acronyms the answerer matches with', async () => {
    const config = configFor({ ADMIN_TOKEN: 'token-123' });
    const runtime = await openRuntime(config, () => {}, { buildIfMissing: true });
    const { app } = createNodeApp({ config, runtime, answerer: createAnswerer({ knowledge: runtime.knowledge }) });
    const defines = (acronym: string) => runtime.knowledge.glossary.entries.some((e) => e.fr.includes(acronym));
    expect(defines('OSTQ')).toBe(false);
    await writeFile(join(seeds.corpusDir, '901_new.txt'), "Un nouvel observatoire\n\nL'Observatoire des saisonniers et du travail qualifié (OSTQ) a ouvert ses portes à Lyon le 3 mars 2023.\n");
    const response = await app.request('/api/admin/reindex', { method: 'POST', headers: { authorization: 'Bearer token-123' } });
    expect(response.status).toBe(200);
    expect(defines('OSTQ')).toBe(true);
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
    const env = { EMBEDDINGS: 'hash', CORPUS_DIR: seeds.corpusDir, INDEX_DIR: seeds.indexDir };
    const [a, b] = await Promise.all([runCommand('src/cli/index-command.ts', [], env), runCommand('src/cli/index-command.ts', [], env)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const index = await openIndex(seeds.indexDir);
    expect(index.documents.size).toBe(5);
    expect((await readdir(seeds.indexDir)).filter((f) => f === '.lock')).toEqual([]);
  });

  it('leaves the old or the new index, never a broken one, when a build is killed before any of its file-system steps', async () => {
    const env = { ...process.env, EMBEDDINGS: 'hash', CORPUS_DIR: seeds.corpusDir, INDEX_DIR: seeds.indexDir, FS_STEPS_DIR: seeds.indexDir, FS_STEPS_TRACE: '1' };
    /** The compiled index command with the fs-steps hook: killed just before step `killAt` (0: never), its steps. */
    const build = (killAt: number) =>
      new Promise<{ signal: NodeJS.Signals | null; steps: string[] }>((done) => {
        const child = spawn(process.execPath, ['--import', resolve(projectRoot, 'test/helpers/fs-steps.mjs'), resolve(projectRoot, 'dist/cli/index-command.js')], { cwd: projectRoot, env: { ...env, FS_STEPS_KILL_AT: String(killAt) } });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.once('exit', (_code, signal) => done({ signal, steps: stderr.split('\n').filter((l) => l.startsWith('fs-step ')) }));
      });
    // "fs-step 12 open data-1795…/hnsw.bin" → "open data-*/hnsw.bin": the same step in another build.
    const stepKind = (line: string) => line.replace(/^fs-step \d+ /, '').replace(/data-[\w-]+/, 'data-*').replace(/\.\d+\.[0-9a-f]+\.tmp$/, '.*.tmp');
    const roundsIn = async () => [...(await openIndex(seeds.indexDir)).documents.keys()].filter((id) => id.endsWith('_round.txt')).length;
    const addRound = (round: number) => writeFile(join(seeds.corpusDir, `9${String(round).padStart(2, '0')}_round.txt`), `Communiqué de la série ${round}\n\nTexte numéro ${round} sur la migration et les partenariats.\n`);

    expect((await build(0)).signal).toBeNull();
    // A build that adds one communiqué, traced: every step at which the following builds are killed.
    await addRound(0);
    const traced = await build(0);
    const switchStep = traced.steps.findIndex((l) => / rename manifest\.json\..*\.tmp$/.test(l)) + 1;
    expect(switchStep).toBeGreaterThan(1);
    let last = await roundsIn();
    expect(last).toBe(1);
    const sides = new Set<string>();
    // Kill points: before every step that changes the disk. Before a read, the disk is as it is before the next
    // change, so those kills would prove nothing more.
    const killPoints = traced.steps.flatMap((line, i) => (/^fs-step \d+ (mkdir|open|writeFile|rename|rm|unlink) /.test(line) ? [i + 1] : []));
    expect(killPoints.length).toBeGreaterThan(5);
    for (const [round, killAt] of killPoints.entries()) {
      // Each build adds a communiqué, so the index it completes is distinguishable from the one before it.
      await addRound(round + 1);
      // The dead build's lock would make the next build take it over first, adding steps: every build here starts
      // as the traced one did (taking over a dead build's lock is checked once, below).
      await rm(join(seeds.indexDir, '.lock'), { force: true });
      const { signal, steps } = await build(killAt);
      expect(signal).toBe('SIGKILL');
      // Up to the switch, this build took the traced steps (after it, stale folders add removals).
      const upTo = Math.min(killAt, switchStep);
      expect(steps.slice(0, upTo).map(stepKind)).toEqual(traced.steps.slice(0, upTo).map(stepKind));
      const switched = killAt > switchStep;
      const rounds = await roundsIn();
      expect(rounds, `killed before step ${killAt}: ${steps[killAt - 1]}`).toBe(switched ? round + 2 : last);
      sides.add(switched ? 'new' : 'old');
      last = rounds;
    }
    expect(sides).toEqual(new Set(['old', 'new']));
    // Killed once more just before the switch (lock held, manifest written aside), then a clean build: it takes
    // over the dead build's lock and leaves no temporary file or stale data.
    await addRound(killPoints.length + 1);
    expect((await build(switchStep)).signal).toBe('SIGKILL');
    expect(await readdir(seeds.indexDir)).toContain('.lock');
    await addRound(killPoints.length + 2);
    expect((await build(0)).signal).toBeNull();
    expect(await roundsIn()).toBe(killPoints.length + 3);
    const left = await readdir(seeds.indexDir);
    expect(left.filter((f) => f.endsWith('.tmp') || f === '.lock')).toEqual([]);
    expect(left.filter((f) => f.startsWith('data-'))).toHaveLength(1);
  }, 240_000); // two dozen killed builds, each a process start: minutes on a loaded machine
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
    const web = join(seeds.dir, 'web');
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
