import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySeeds, tempDir } from '../helpers/fixtures.js';
import { corpusBDir } from '../helpers/seeds-runtime.js';
import { startServer, type RunningServer } from '../helpers/start-server.js';

const TOKEN = 'e2e-admin-token-abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };
let server: RunningServer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  const corpusDir = await copySeeds(temp.dir);
  server = await startServer({ EMBEDDINGS: 'hash', CORPUS_DIR: corpusDir, INDEX_DIR: join(temp.dir, 'index'), ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0' });
}, 90_000);
afterAll(async () => {
  await server?.stop();
  await cleanup?.();
});

const uploadOne = (name: string, text: string) => {
  const form = new FormData();
  form.append('files', new File([text], name, { type: 'text/plain' }));
  return fetch(`${server.url}/api/admin/documents`, { method: 'POST', body: form, headers: auth });
};
const ask = (question: string) => fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });

describe('admin uploads on the real server', () => {
  it('answers a question from an uploaded communiqué with its citation, then refuses it once deleted', async () => {
    const text = await readFile(resolve(import.meta.dirname, '../fixtures/uploads/tanganyika-fisheries-en.txt'), 'utf8');
    const question = 'How many fishing boats did the Lake Tanganyika Fisheries Authority register in Kigoma?';
    const body = await (await uploadOne('ltfa.txt', text)).json();
    const { id } = body.results[0];
    const answer = await (await ask(question)).json();
    expect(answer.answerable).toBe(true);
    expect(answer.citations[0].source).toBe(id);
    expect((await fetch(`${server.url}/api/admin/documents/${encodeURIComponent(id)}`, { method: 'DELETE', headers: auth })).status).toBe(200);
    expect((await (await ask(question)).json()).answerable).toBe(false);
  });

  it('keeps answering questions while several uploads run at once, and indexes every upload', async () => {
    const files = (await readdir(corpusBDir)).sort();
    const texts = await Promise.all(files.map((f) => readFile(join(corpusBDir, f), 'utf8')));
    const questions = ['Quel accord la Belgique a-t-elle signé ?', 'Which countries host the most Venezuelan refugees?', 'Combien de délégations ont participé ?'];
    // Bounded: 5 uploads and 30 questions against 127.0.0.1, the questions in waves of 6.
    const uploads = Promise.all(texts.map((t, i) => uploadOne(files[i]!, t).then(async (r) => ({ status: r.status, body: await r.json() }))));
    const statuses: number[] = [];
    for (let wave = 0; wave < 5; wave++) {
      const answers = await Promise.all(questions.flatMap((q) => [ask(q), ask(q)]));
      statuses.push(...answers.map((r) => r.status));
      await Promise.all(answers.map((r) => r.arrayBuffer()));
    }
    const done = await uploads;
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(done.map((u) => [u.status, u.body.results[0].status])).toEqual(files.map(() => [200, 'added']));
    const listed = (await (await fetch(`${server.url}/api/admin/documents`, { headers: auth })).json()).documents;
    expect(listed.filter((d: { uploaded: boolean }) => d.uploaded)).toHaveLength(files.length);
    const kisumu = await (await ask('Combien de délégués ont participé au forum de Kisumu ?')).json();
    expect(kisumu.answerable).toBe(true);
    expect(kisumu.citations.some((c: { source: string }) => c.source.startsWith('uploads/'))).toBe(true);
  }, 60_000);
});
