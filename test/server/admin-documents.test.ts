import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/create-answerer.js';
import { loadConfig } from '../../src/config/config.js';
import { openRuntime, type Runtime } from '../../src/runtime/node-runtime.js';
import { createNodeApp } from '../../src/server/node-app.js';
import { copySeeds, tempDir } from '../helpers/fixtures.js';
import { corpusBDir } from '../helpers/seeds-runtime.js';

const TOKEN = 'admin-token-0123456789';
const fixtures = resolve(import.meta.dirname, '../fixtures/uploads');
const english = () => readFile(join(fixtures, 'tanganyika-fisheries-en.txt'), 'utf8');
const french = () => readFile(join(fixtures, 'tanganyika-fisheries-fr.txt'), 'utf8');
const QUESTION = 'How many fishing boats did the Lake Tanganyika Fisheries Authority register in Kigoma?';

let dir: string;
let cleanup: () => Promise<void>;
let corpusDir: string;
let app: ReturnType<typeof createNodeApp>['app'];
let runtime: Runtime;

async function start(env: Record<string, string> = { ADMIN_TOKEN: TOKEN }) {
  const config = loadConfig({ EMBEDDINGS: 'hash', CORPUS_DIR: corpusDir, INDEX_DIR: join(dir, 'index'), RATE_LIMIT_PER_MINUTE: '0', ...env });
  runtime = await openRuntime(config, () => {}, { buildIfMissing: true });
  return createNodeApp({ config, runtime, answerer: createAnswerer({ knowledge: runtime.knowledge }) }).app;
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  corpusDir = await copySeeds(dir);
  app = await start();
});

const acronyms = () => runtime.knowledge.glossary.entries.flatMap((e) => [...e.en, ...e.fr]);
afterEach(async () => cleanup());

const auth = { authorization: `Bearer ${TOKEN}` };

/** A multipart request with these files (name → bytes or text). */
function upload(files: Array<[string, string | Uint8Array<ArrayBuffer>, string?]>, headers: Record<string, string> = auth) {
  const form = new FormData();
  for (const [name, content, type] of files) form.append('files', new File([content], name, { type: type ?? 'text/plain' }));
  return app.request('/api/admin/documents', { method: 'POST', body: form, headers });
}

async function ask(question: string) {
  const response = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  expect(response.status).toBe(200);
  return response.json();
}

const listed = async () => (await (await app.request('/api/admin/documents', { headers: auth })).json()).documents as Array<{ id: string; uploaded: boolean; translations: string[] }>;

describe('POST /api/admin/documents', () => {
  it('makes an uploaded communiqué answerable and cited, and refused again once it is deleted', async () => {
    expect((await ask(QUESTION)).answerable).toBe(false);
    const response = await upload([['LTFA boats.txt', await english()]]);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ added: 1, duplicates: 0, rejected: 0 });
    const { id } = body.results[0];
    expect(id).toMatch(/^uploads\/ltfa-boats-[0-9a-f]{12}\.txt$/);
    const answer = await ask(QUESTION);
    expect(answer.answerable).toBe(true);
    expect(answer.answer).toMatch(/1[,\s\u202f]?840/);
    expect(answer.citations.map((c: { source: string }) => c.source)).toContain(id);
    expect((await listed()).find((d) => d.id === id)).toMatchObject({ uploaded: true });

    const removed = await app.request(`/api/admin/documents/${encodeURIComponent(id)}`, { method: 'DELETE', headers: auth });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ removed: id, documents: 5 });
    const after = await ask(QUESTION);
    expect(after.answerable).toBe(false);
    expect(after.citations.map((c: { source: string }) => c.source)).not.toContain(id);
    expect(await readdir(join(corpusDir, 'uploads'))).toEqual([]);
  });

  it('mines the acronyms an upload defines and forgets them when it is deleted', async () => {
    expect(acronyms()).not.toContain('LTFA');
    const { id } = (await (await upload([['boats.txt', await english()]])).json()).results[0];
    expect(acronyms()).toContain('LTFA');
    await app.request(`/api/admin/documents/${encodeURIComponent(id)}`, { method: 'DELETE', headers: auth });
    expect(acronyms()).not.toContain('LTFA');
  });

  it('stores the upload in the corpus folder where npm run index reads it', async () => {
    const body = await (await upload([['boats.txt', await english()]])).json();
    const stored = await readFile(join(corpusDir, body.results[0].id), 'utf8');
    expect(stored).toBe(await english());
  });

  it('detects the same release uploaded again with other chrome and spacing, and does not index it twice', async () => {
    const first = (await (await upload([['boats.txt', await english()]])).json()).results[0];
    const chrome = `Home | About us | News | Contact\nShare on Facebook  Share on X\n\n${(await english()).replace(/\. /g, '.  ').replace(/\n\n/g, '\n\n\n')}\n\nWe use cookies to improve your experience. Accept all\n© 2023 LTFA. All rights reserved. Privacy | Sitemap\n`;
    const response = await upload([['boats (1).txt', chrome]]);
    const body = await response.json();
    expect(body).toMatchObject({ added: 0, duplicates: 1 });
    expect(body.results[0]).toMatchObject({ status: 'duplicate', duplicateOf: { id: first.id } });
    expect((await listed()).filter((d) => d.uploaded)).toHaveLength(1);
  });

  it('detects a duplicate within one request', async () => {
    const text = await english();
    const body = await (await upload([['a.txt', text], ['b.txt', `${text}\n`]])).json();
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(['added', 'duplicate']);
    expect(body.results[1].duplicateOf.id).toBe(body.results[0].id);
  });

  it('links the French and English versions of one release and lists them as one source with two languages', async () => {
    const en = (await (await upload([['boats-en.txt', await english()]])).json()).results[0];
    const fr = (await (await upload([['bateaux-fr.txt', await french()]])).json()).results[0];
    expect(fr).toMatchObject({ status: 'added', language: 'fr', translations: [en.id] });
    const sources = await (await app.request('/api/sources')).json();
    const release = sources.releases.find((r: { versions: Array<{ id: string }> }) => r.versions.some((v) => v.id === en.id));
    expect(release.languages.sort()).toEqual(['en', 'fr']);
    expect(release.versions.map((v: { id: string }) => v.id).sort()).toEqual([en.id, fr.id].sort());
    // The per-document list keeps its fields (and gains the versions).
    const source = sources.sources.find((s: { id: string }) => s.id === fr.id);
    expect(source).toMatchObject({ id: fr.id, language: 'fr', chunks: expect.any(Number), languages: expect.arrayContaining(['en', 'fr']) });
    expect(sources.releases).toHaveLength(sources.sources.length - 1);
  });

  it('adds the good files of a request, HTML and PDF included, and gives each bad one its own error', async () => {
    const fixture = (name: string) => readFile(join(fixtures, name)).then((b) => new Uint8Array(b));
    const response = await upload([
      ['good.txt', await english()],
      ['release.html', await fixture('release-harbour-sensors.html'), 'text/html'],
      ['release.pdf', await fixture('release-two-pages.pdf'), 'application/pdf'],
      ['scan.pdf', await fixture('scanned-no-text.pdf'), 'application/pdf'],
      ['not-really.pdf', await fixture('not-really.pdf'), 'application/pdf'],
      ['bomb.docx', await fixture('zip-bomb.docx')],
      ['notes.txt', new Uint8Array([0x41, 0x00, 0x42, 0x43])],
      ['empty.txt', ''],
    ]);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status)).toEqual([
      'added',
      'added',
      'added',
      'no_text_layer',
      'unsupported_media_type',
      'payload_too_large',
      'unsupported_media_type',
      'bad_request',
    ]);
    expect(body.results[4].error.message).toMatch(/PDF/);
    // Errors name the file as it was uploaded, not the name it would have been stored under.
    expect(body.results[3].error.message).toMatch(/^scan\.pdf /);
    // Each kept under the extension of what it is, so that npm run index reads it the same way.
    expect((await readdir(join(corpusDir, 'uploads'))).map((f) => f.replace(/^.*\./, '')).sort()).toEqual(['html', 'pdf', 'txt']);
  });

  it('refuses a file over the size limit and still adds the others', async () => {
    const big = new Uint8Array(5_000_001).fill(0x61);
    const body = await (await upload([['big.txt', big], ['good.txt', await english()]])).json();
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'added']);
    expect(body.results[0].error).toEqual({ code: 'payload_too_large', message: expect.stringMatching(/5000000 bytes/) });
  });

  it('refuses a request over the request limit with 413 and adds nothing', async () => {
    const part = new Uint8Array(4_500_000).fill(0x62);
    const response = await upload(Array.from({ length: 5 }, (_, i) => [`part-${i}.txt`, part] as [string, Uint8Array<ArrayBuffer>]));
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('payload_too_large');
    expect((await listed()).filter((d) => d.uploaded)).toEqual([]);
  });

  it('refuses more files than the count limit, and a body that is not multipart', async () => {
    const many = await upload(Array.from({ length: 21 }, (_, i) => [`f${i}.txt`, `Texte ${i}`] as [string, string]));
    expect(many.status).toBe(400);
    expect((await many.json()).error.message).toMatch(/at most 20 files/);
    const json = await app.request('/api/admin/documents', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expect((await json.json()).error.code).toBe('unsupported_media_type');
  });

  it('never uses a hostile file name as a path: each upload lands under uploads/ with a safe name', async () => {
    const texts = await Promise.all((await readdir(corpusBDir)).sort().map((f) => readFile(join(corpusBDir, f), 'utf8')));
    const names = ['../../etc/passwd', 'evil\u0000.txt', `${'long'.repeat(300)}.txt`, 'gnp.\u202Etxt', '..\\..\\win.ini'];
    const body = await (await upload(names.map((name, i) => [name, texts[i]!] as [string, string]))).json();
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(names.map(() => 'added'));
    for (const result of body.results) {
      expect(result.id).toMatch(/^uploads\/[a-z0-9-]{1,48}-[0-9a-f]{12}\.txt$/);
      expect(result.file).not.toMatch(/[\u0000\u202E/\\]/u);
      expect([...result.file].length).toBeLessThanOrEqual(120);
    }
    expect(body.results[0].file).toBe('passwd');
    expect((await readdir(join(corpusDir, 'uploads'))).sort()).toEqual(body.results.map((r: { id: string }) => r.id.slice('uploads/'.length)).sort());
    expect((await readdir(dir)).sort()).toEqual(['corpus', 'index']);
  });
});

describe('admin authentication', () => {
  it('answers 401 without a token and with a wrong one, in the error shape', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: TOKEN }] as Array<Record<string, string>>) {
      const response = await app.request('/api/admin/documents', { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await response.json()).error.code).toBe('unauthorized');
    }
    const form = await upload([['x.txt', await english()]], { authorization: 'Bearer nope' });
    expect(form.status).toBe(401);
    expect(await readdir(corpusDir)).not.toContain('uploads');
  });

  it('says the admin routes are disabled when no ADMIN_TOKEN is set', async () => {
    app = await start({});
    const response = await app.request('/api/admin/documents', { headers: auth });
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toMatch(/disabled.*ADMIN_TOKEN/);
  });
});

describe('DELETE /api/admin/documents/:id', () => {
  it('answers 404 for an id the index does not hold, and never touches a path outside the corpus', async () => {
    for (const id of ['nope.txt', '../index/manifest.json', '..%2F..%2Fetc%2Fpasswd']) {
      const response = await app.request(`/api/admin/documents/${id}`, { method: 'DELETE', headers: auth });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
    expect(await readdir(join(dir, 'index'))).toContain('manifest.json');
  });

  it('removes a corpus file that was not uploaded, and the index forgets it', async () => {
    const id = '002_5a2f6f364a3714b2.txt';
    const response = await app.request(`/api/admin/documents/${id}`, { method: 'DELETE', headers: auth });
    expect(response.status).toBe(200);
    expect(await readdir(corpusDir)).not.toContain(id);
    expect((await listed()).map((d) => d.id)).not.toContain(id);
  });
});
