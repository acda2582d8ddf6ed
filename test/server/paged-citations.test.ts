import { cp } from 'node:fs/promises';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/create-answerer.js';
import type { AppEnv } from '../../src/server/app-types.js';
import { createNodeApp } from '../../src/server/node-app.js';
import { tempDir } from '../helpers/fixtures.js';
import { seedsRuntime } from '../helpers/seeds-runtime.js';
import { uploadsDir } from '../helpers/uploads.js';

let app: Hono<AppEnv>;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  // A real index of the upload fixtures (HTML, PDF, .docx; the bad files are skipped), served as in production.
  const corpus = await tempDir();
  cleanups.push(corpus.cleanup);
  await cp(uploadsDir, corpus.dir, { recursive: true });
  const { config, runtime, cleanup } = await seedsRuntime({ RATE_LIMIT_PER_MINUTE: '0' }, corpus.dir);
  cleanups.push(cleanup);
  app = createNodeApp({ config, runtime, answerer: createAnswerer() }).app;
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const ask = async (question: string) => (await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })).json();

describe('citations of a PDF source', () => {
  it('name the page of a passage from the second page', async () => {
    const body = await ask('Combien d’écoles de la Casamance rejoindront le programme en septembre 2024 ?');
    const cited = body.citations.find((c: { quote: string }) => /sept écoles de la Casamance/.test(c.quote));
    expect(cited).toMatchObject({ source: 'release-two-pages.pdf', page: 2 });
  });

  it('name page 1 for a passage from the first page', async () => {
    const body = await ask('Quel montant la fondation Horizon Littoral finance-t-elle pour les écoles de pêche ?');
    const cited = body.citations.find((c: { quote: string }) => /310 000 euros/.test(c.quote));
    expect(cited).toMatchObject({ source: 'release-two-pages.pdf', page: 1 });
  });

  it('give no page for a source that has none', async () => {
    const body = await ask('How many tide sensors were installed in the port of Valparaíso?');
    const cited = body.citations.find((c: { source: string }) => c.source === 'release-harbour-sensors.html');
    expect(cited).toBeDefined();
    expect(cited).not.toHaveProperty('page');
  });

  it('appear in search results and the source gives its pages, publisher and URL', async () => {
    const search = await (await app.request('/api/search?q=Casamance%20pirogues&k=3')).json();
    expect(search.results[0]).toMatchObject({ source: 'release-two-pages.pdf', page: 2 });
    const pdf = await (await app.request('/api/sources/release-two-pages.pdf')).json();
    expect(pdf.pages.map((p: { page: number }) => p.page)).toEqual([1, 2]);
    const html = await (await app.request('/api/sources/release-harbour-sensors.html')).json();
    expect(html).toMatchObject({ publisher: 'Coastal Tides Observatory', url: 'https://news.coastal-tides.example/releases/2023/harbour-sensors' });
  });
});
