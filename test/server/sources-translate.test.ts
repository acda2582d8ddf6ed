import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/create-answerer.js';
import { openRuntime, type Runtime } from '../../src/runtime/node-runtime.js';
import type { AppConfig } from '../../src/config/config.js';
import { domainGlossary, localiseAcronyms } from '../../src/lexicon/glossary.js';
import { createNodeApp } from '../../src/server/node-app.js';
import { createApertiumTranslator } from '../../src/translate/apertium-translator.js';
import { sentenceSpans } from '../../src/text/sentence-spans.js';
import { paragraphSpans } from '../../src/translate/translate-document.js';
import type { Translator } from '../../src/translate/translator.js';
import { apertiumDir, apertiumInstalled } from '../helpers/apertium.js';
import { tempDir, testConfig } from '../helpers/fixtures.js';

/** A second small corpus: one English and one French communiqué. */
const corpusDir = resolve(import.meta.dirname, '../fixtures/translation-corpus');
const FR = 'fr-ouverture-bureau.txt';
const EN = 'en-office-opening.txt';

let config: AppConfig;
let runtime: Runtime;
let cleanup: () => Promise<void>;
const translators: Translator[] = [];
beforeAll(async () => {
  const { dir, cleanup: remove } = await tempDir();
  cleanup = remove;
  config = testConfig({ corpusDir, indexDir: join(dir, 'index') });
  runtime = await openRuntime(config, () => {}, { buildIfMissing: true });
});
afterAll(async () => {
  await Promise.all(translators.map((t) => t.close()));
  await cleanup();
});

/** The app with a given translator (a real process chain; stand-in programs where the test needs them). */
function appWith(translator: Translator) {
  translators.push(translator);
  return createNodeApp({ config, runtime, answerer: createAnswerer(), translator }).app;
}
const marking = () => createApertiumTranslator({ dir: '/nonexistent', stagesOf: () => [['sed', '-u', '-z', 's/^/T: /']] });
const get = async (app: ReturnType<typeof appWith>, path: string) => {
  const response = await app.request(path);
  return { status: response.status, body: await response.json() };
};

describe('GET /api/sources/:id?translate=', () => {
  it('adds the translated title and one translation per paragraph, aligned with the original text', async () => {
    const app = appWith(marking());
    const { status, body } = await get(app, `/api/sources/${FR}?translate=en`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: FR, language: 'fr', translationEngine: 'apertium' });
    const marked = (text: string) => localiseAcronyms(domainGlossary, `T: T: ${text}`, 'en');
    expect(body.titleTranslation).toBe(marked(body.title));
    expect(body.titleTranslation).toMatch(/IOM/);
    const spans = paragraphSpans(body.text);
    expect(spans.length).toBeGreaterThan(2);
    expect(body.translation.map((p: { start: number; end: number }) => [p.start, p.end])).toEqual(spans.map((s) => [s.start, s.end]));
    // Each paragraph here is one sentence, translated on its own.
    expect(body.translation.map((p: { text: string }) => p.text)).toEqual(spans.map((s) => marked(body.text.slice(s.start, s.end))));
  });

  it('aligns every sentence of the original with its translation in the translated text', async () => {
    const { body } = await get(appWith(marking()), `/api/sources/${FR}?translate=en`);
    const marked = (text: string) => localiseAcronyms(domainGlossary, `T: T: ${text}`, 'en');
    const sentences = sentenceSpans(body.text, 'fr');
    expect(body.alignment.map((a: { start: number; end: number }) => [a.start, a.end])).toEqual(sentences.map((s) => [s.start, s.end]));
    for (const a of body.alignment) expect(body.translatedText.slice(a.translatedStart, a.translatedEnd)).toBe(marked(body.text.slice(a.start, a.end)));
  });

  it('translates an English communiqué into French, and nothing when the document is already in that language', async () => {
    const app = appWith(marking());
    const intoFrench = await get(app, `/api/sources/${EN}?translate=fr`);
    expect(intoFrench.body).toMatchObject({ language: 'en', translationEngine: 'apertium', titleTranslation: expect.stringMatching(/^T: T: /) });
    const same = await get(app, `/api/sources/${EN}?translate=en`);
    expect(same.body).toMatchObject({ titleTranslation: null, translation: null, translatedText: null, alignment: null, translationEngine: null });
  });

  it('leaves the document response as it was without the parameter', async () => {
    const { body } = await get(appWith(marking()), `/api/sources/${FR}`);
    expect(Object.keys(body).sort()).toEqual(['date', 'id', 'language', 'text', 'title']);
  });

  it.each([
    ['an unknown language', '?translate=de'],
    ['an empty value', '?translate='],
    ['capitals', '?translate=EN'],
    ['an unknown parameter', '?lang=en'],
  ])('rejects %s with a 400 JSON error', async (_name, query) => {
    const response = await appWith(marking()).request(`/api/sources/${FR}${query}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toEqual({ code: 'bad_request', message: expect.stringMatching(/translate|lang/) });
  });

  it('still returns the document, untranslated, when the engine hangs', async () => {
    const hung = createApertiumTranslator({ dir: '/nonexistent', stagesOf: () => [['sleep', '600']], timeoutMs: 300 });
    const { status, body } = await get(appWith(hung), `/api/sources/${FR}?translate=en`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: FR, titleTranslation: null, translation: null, translatedText: null, alignment: null, translationEngine: null });
  });

  it('reports the translation engine and why in /api/health', async () => {
    const { body } = await get(appWith(marking()), '/api/health');
    expect(body.translation).toMatchObject({ engine: 'apertium', name: 'apertium', reason: expect.any(String) });
  });

  it.runIf(apertiumInstalled('the installed-Apertium source translation test'))('translates a French communiqué into English with installed Apertium', async () => {
    const { body } = await get(appWith(createApertiumTranslator({ dir: apertiumDir })), `/api/sources/${FR}?translate=en`);
    expect(body.titleTranslation).toMatch(/^The IOM opens\b/);
    expect(body.translation.map((p: { text: string }) => p.text).join('\n')).toMatch(/\b4 May 2020\b.*\bsupport of the UNHCR\b.*\brefugees\b/s);
  });
});
