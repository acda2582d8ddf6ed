import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, chromiumPath, launchBrowser } from '../helpers/browser.js';
import { copySeeds, tempDir } from '../helpers/fixtures.js';
import { startFakeOpenAI } from '../helpers/fake-openai.js';
import { startServer, type RunningServer } from '../helpers/start-server.js';

const artifacts = artifactsDir;
const XSS = '<img src=x onerror=alert(1)>';

if (!existsSync(chromiumPath)) console.warn(`Skipping browser tests: no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH).`);

describe.runIf(existsSync(chromiumPath))('web chat in headless Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let slowServer: RunningServer;
  let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let cleanup: () => Promise<void>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    const corpus = await copySeeds(temp.dir);
    // A communiqué whose text carries markup: the page must show it as text.
    await writeFile(join(corpus, '900_markup.txt'), `Note sur le balisage des pages\n\nCe communiqué de test contient la chaîne ${XSS} au milieu du texte, au sujet des balises dangereuses.\n`);
    const env = { EMBEDDINGS: 'hash', CORPUS_DIR: corpus, RATE_LIMIT_PER_MINUTE: '0' };
    server = await startServer({ ...env, INDEX_DIR: join(temp.dir, 'index') });
    fake = await startFakeOpenAI(() => ({ text: 'Une réponse générée lentement, morceau par morceau, pour tester le bouton Arrêter [1]. '.repeat(6), pieceDelayMs: 60 }));
    slowServer = await startServer({ ...env, INDEX_DIR: join(temp.dir, 'index'), LLM_PROVIDER: 'openai', OPENAI_BASE_URL: fake.baseUrl, LLM_MODEL: 'slow' });
    browser = await launchBrowser();
    await mkdir(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await slowServer?.stop();
    await fake?.close();
    await cleanup?.();
  });

  async function open(options: { locale: string; width?: number; height?: number; base?: string; scheme?: 'light' | 'dark'; offlineTest?: boolean }): Promise<Page> {
    const context = await browser.newContext({ locale: options.locale, viewport: { width: options.width ?? 1280, height: options.height ?? 860 }, colorScheme: options.scheme ?? 'light' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // Chromium logs the requests an offline test makes fail on purpose.
      if (options.offlineTest && /^Failed to load resource: net::ERR_/.test(message.text())) return;
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('dialog', (dialog) => {
      pageErrors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(options.base ?? server.url);
    return page;
  }

  async function askAndWait(page: Page, question: string) {
    const answers = await page.locator('.turn.assistant').count();
    await page.fill('#question', question);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.turn.assistant[aria-busy="false"]').length > n, answers);
  }

  /** Lines of the side panel's text that its top edge cuts (partly hidden under the panel's header). */
  const cutLines = (page: Page) =>
    page.evaluate(() => {
      const box = document.getElementById('panel-text')!;
      const top = box.getBoundingClientRect().top;
      const range = document.createRange();
      range.selectNodeContents(box);
      return [...range.getClientRects()].filter((r) => r.height > 0 && r.top < top - 0.5 && r.bottom > top + 0.5).length;
    });

  /** Relative luminance (0 dark … 1 light) of the page background. */
  const backgroundLuminance = (page: Page) =>
    page.evaluate(() => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number);
      return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
    });

  it('serves the page with a strict CSP and correct content types', async () => {
    const page = await fetch(server.url);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const script = await fetch(`${server.url}/dist/app.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${server.url}/src/app.ts`)).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/package.json`)).status).toBe(404);
  });

  it('answers a French question with a streamed answer and source cards, in a French interface', async () => {
    const page = await open({ locale: 'fr-FR' });
    expect(await page.textContent('#send')).toBe('Envoyer');
    await askAndWait(page, 'Combien de délégations ont participé à la conférence de solidarité ?');
    const answer = await page.textContent('.turn.assistant .answer');
    expect(answer).toMatch(/D’après le/);
    expect(answer).toMatch(/120 délégations/);
    expect(await page.locator('.turn.assistant .card').count()).toBeGreaterThan(0);
    expect(await page.isEnabled('#question')).toBe(true);
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('communiqués'));
    await page.screenshot({ path: join(artifacts, 'desktop-fr.png'), fullPage: true });
    await page.context().close();
  });

  it('shows each source card with its title and a readable date, never a file name', async () => {
    const page = await open({ locale: 'fr-FR' });
    await askAndWait(page, 'Combien de délégations ont participé à la conférence de solidarité ?');
    const card = page.locator('.turn.assistant .card').first();
    expect(await card.locator('.card-title').textContent()).toMatch(/^Communiqué conjoint des co-présidents/);
    expect(await card.locator('.meta').textContent()).toBe('29 octobre 2019');
    expect(await page.textContent('.turn.assistant')).not.toMatch(/\.txt|sans date|undated/);
    await page.context().close();
  });

  it('says "date inconnue" on the card of a communiqué without a date', async () => {
    const page = await open({ locale: 'fr-FR' });
    await askAndWait(page, 'Quel accord la Belgique a-t-elle signé avec l’OIM ?');
    const metas = await page.locator('.turn.assistant .card .meta').allTextContents();
    expect(metas).toContain('date inconnue');
    await page.context().close();
  });

  it('groups the citations of one communiqué under one card and does not repeat quotes the answer already holds', async () => {
    const page = await open({ locale: 'en-US' });
    // Two contact lines under one heading of one communiqué: two citations, one card.
    await askAndWait(page, 'Who were the UNHCR press contacts in Geneva for the Venezuela conference?');
    const answer = (await page.textContent('.turn.assistant .answer'))!;
    const citations = new Set(await page.locator('.turn.assistant .answer .cite').evaluateAll((links) => links.map((a) => a.firstChild!.textContent))).size;
    const sources = await page.locator('.turn.assistant .card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-source')));
    expect(new Set(sources).size).toBe(sources.length);
    expect(sources.length).toBeLessThan(citations);
    expect(await page.locator('.turn.assistant .card .passage').count()).toBe(citations);
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    for (const quote of await page.locator('.turn.assistant .card .quote').allTextContents()) expect(squash(answer)).not.toContain(squash(quote));
    expect(await page.locator('.turn.assistant .card .see').first().textContent()).toMatch(/quoted in the answer/);
    await page.screenshot({ path: join(artifacts, 'desktop-light-grouped-cards.png'), fullPage: true });
    await page.context().close();
  });

  it('answers an English question and opens the cited span in the source panel, its first line in full', async () => {
    const page = await open({ locale: 'en-US' });
    await askAndWait(page, 'Which countries host the most Venezuelan refugees?');
    expect(await page.textContent('.turn.assistant .answer')).toMatch(/According to the communiqué/);
    const cite = page.locator('.turn.assistant .cite').first();
    await cite.focus();
    expect(await cite.locator('.tip').isVisible()).toBe(true);
    await cite.click();
    await page.waitForSelector('#panel:not([hidden]) #cited-span');
    expect(await page.textContent('.turn.assistant .answer')).toContain((await page.textContent('#cited-span'))!.trim().slice(0, 60));
    expect(await page.locator('#cited-span').isVisible()).toBe(true);
    expect(await page.textContent('#panel-meta')).toBe('29 October 2019');
    expect(await cutLines(page)).toBe(0);
    await page.screenshot({ path: join(artifacts, 'desktop-en.png'), fullPage: true });
    await page.context().close();
  });

  it('opens the panel on a 375-pixel screen with its first line in full, under the header', async () => {
    const page = await open({ locale: 'fr-FR', width: 375, height: 812 });
    await askAndWait(page, 'Combien de délégations ont participé à la conférence de solidarité ?');
    await page.locator('.turn.assistant .passage').first().click();
    await page.waitForSelector('#panel:not([hidden]) #cited-span');
    expect(await cutLines(page)).toBe(0);
    const head = await page.locator('.panel-head').boundingBox();
    const text = await page.locator('#panel-text').boundingBox();
    expect(text!.y).toBeGreaterThanOrEqual(head!.y + head!.height - 1);
    await page.screenshot({ path: join(artifacts, 'mobile-panel.png') });
    await page.click('#panel-close');
    await page.locator('.turn.assistant .card-title').first().click();
    await page.waitForSelector('#panel:not([hidden])');
    expect(await page.evaluate(() => document.getElementById('panel-text')!.scrollTop)).toBe(0);
    expect(await cutLines(page)).toBe(0);
    await page.context().close();
  });

  it('shows a refusal distinctly, with no suggestions when no communiqué comes close', async () => {
    const page = await open({ locale: 'en-US' });
    await askAndWait(page, 'What is the capital of Australia?');
    await page.waitForSelector('.turn.refusal');
    expect(await page.textContent('.turn.refusal .answer')).toBe('I could not find this in the communiqués.');
    expect(await page.locator('.turn.refusal .suggestions-label').count()).toBe(0);
    expect(await page.locator('.turn.refusal .card').count()).toBe(0);
    await page.context().close();
  });

  it('suggests the communiqués a near-miss question comes close to', async () => {
    const page = await open({ locale: 'fr-FR' });
    await askAndWait(page, 'Combien de projets l’UE et l’OIM ont-ils menés en 2012 ?');
    await page.waitForSelector('.turn.refusal');
    expect(await page.textContent('.turn.refusal .suggestions-label')).toBe('Vous pouvez consulter :');
    expect(await page.locator('.turn.refusal .card').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(artifacts, 'desktop-fr-refusal.png') });
    await page.context().close();
  });

  it('says in the interface language when the server cannot be reached, and retries', async () => {
    const page = await open({ locale: 'fr-FR', offlineTest: true });
    await page.context().setOffline(true);
    await askAndWait(page, 'Combien de délégations ont participé à la conférence de solidarité ?');
    const failed = page.locator('.turn.assistant.error');
    expect(await failed.locator('.failure').textContent()).toBe('Impossible de joindre le serveur. Vérifiez votre connexion (ou que le serveur tourne), puis réessayez.');
    expect(await failed.textContent()).not.toMatch(/Failed to fetch/);
    expect(await failed.locator('.copy').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'desktop-fr-offline.png') });
    await page.context().setOffline(false);
    await failed.locator('.retry').click();
    await page.waitForSelector('.turn.assistant:not(.error)[aria-busy="false"]');
    expect(await page.locator('.turn.user').count()).toBe(1);
    expect(await page.locator('.turn.assistant').count()).toBe(1);
    expect(await page.textContent('.turn.assistant .answer')).toMatch(/120 délégations/);
    await page.context().close();
  });

  it('shows the offline message in English in an English interface, on a phone', async () => {
    const page = await open({ locale: 'en-US', width: 375, height: 812, offlineTest: true });
    await page.route('**/api/ask', (route) => route.abort('connectionrefused'));
    await askAndWait(page, 'Which countries host the most Venezuelan refugees?');
    expect(await page.textContent('.turn.assistant.error .failure')).toMatch(/^Cannot reach the server\./);
    expect(await page.textContent('.turn.assistant.error .retry')).toBe('Try again');
    await page.screenshot({ path: join(artifacts, 'mobile-en-offline.png') });
    await page.context().close();
  });

  it('sends the chosen communiqués and dates as filters, and says so on the question', async () => {
    const page = await open({ locale: 'fr-FR' });
    await page.click('#filters summary');
    await page.locator('#filter-sources label', { hasText: 'Entrevue de Jean Asselborn' }).click();
    await page.fill('#filter-from', '2018-01-01');
    await page.fill('#filter-to', '2018-12-31');
    await page.locator('#filter-to').dispatchEvent('change');
    expect(await page.textContent('#filters-summary')).toBe('· 1 communiqué, depuis le 1 janvier 2018, jusqu’au 31 décembre 2018');
    await page.screenshot({ path: join(artifacts, 'desktop-fr-filters.png') });
    const request = page.waitForRequest((r) => r.url().endsWith('/api/ask'));
    await askAndWait(page, 'Quelle coopération existe avec l’OIM ?');
    expect(JSON.parse((await request).postData()!)).toMatchObject({ sources: ['000_9a6274aa62985936.txt'], from: '2018-01-01', to: '2018-12-31' });
    expect(await page.textContent('.turn.user .turn-filters')).toMatch(/^Filtre : 1 communiqué/);
    const sources = await page.locator('.turn.assistant .card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-source')));
    expect(sources.every((s) => s === '000_9a6274aa62985936.txt')).toBe(true);
    await page.click('#filters-clear');
    expect(await page.textContent('#filters-summary')).toBe('· tous les communiqués');
    await page.context().close();
  });

  it('builds its example questions from the communiqués the server lists, and they get answers', async () => {
    const { sources } = await (await fetch(`${server.url}/api/sources`)).json();
    const page = await open({ locale: 'en-US' });
    await page.waitForSelector('#examples button');
    const examples = await page.locator('#examples button').allTextContents();
    expect(examples.length).toBe(3);
    for (const example of examples) expect(sources.some((s: { title: string }) => example.includes(s.title.slice(0, 30)))).toBe(true);
    await page.locator('#examples button').first().click();
    await page.waitForSelector('.turn.assistant[aria-busy="false"]');
    expect(await page.locator('.turn.refusal').count()).toBe(0);
    expect(await page.locator('.turn.assistant .card').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('switches between light and dark beside the language switch, and remembers the choice', async () => {
    const page = await open({ locale: 'fr-FR', scheme: 'light' });
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
    expect(await page.getAttribute('[data-theme-choice="light"]', 'aria-pressed')).toBe('true');
    await page.click('[data-theme-choice="dark"]');
    expect(await backgroundLuminance(page)).toBeLessThan(0.2);
    await askAndWait(page, 'Which countries host the most Venezuelan refugees?');
    await page.screenshot({ path: join(artifacts, 'desktop-dark-grouped-cards.png'), fullPage: true });
    await page.reload();
    await page.waitForSelector('.turn.assistant');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await backgroundLuminance(page)).toBeLessThan(0.2);
    await page.context().close();
  });

  it('follows a dark system preference until the switch says otherwise', async () => {
    const page = await open({ locale: 'en-US', scheme: 'dark', width: 375, height: 812 });
    expect(await backgroundLuminance(page)).toBeLessThan(0.2);
    expect(await page.getAttribute('[data-theme-choice="dark"]', 'aria-pressed')).toBe('true');
    await askAndWait(page, 'How many projects did the EU and IOM carry out between 2015 and 2019?');
    await page.screenshot({ path: join(artifacts, 'mobile-dark.png'), fullPage: true });
    await page.click('[data-theme-choice="light"]');
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
    await page.context().close();
  });

  it('stops a streaming answer and re-enables the input', async () => {
    const page = await open({ locale: 'fr-FR', base: slowServer.url });
    await page.fill('#question', 'Combien de projets l’UE et l’OIM ont-ils menés entre 2015 et 2019 ?');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('.turn.assistant .answer')?.textContent ?? '').length > 10);
    expect(await page.isDisabled('#question')).toBe(true);
    await page.click('#stop');
    await page.waitForSelector('.turn.assistant[aria-busy="false"]');
    expect(await page.textContent('.turn.assistant')).toMatch(/Réponse interrompue/);
    expect(await page.isEnabled('#question')).toBe(true);
    expect(await page.isHidden('#stop')).toBe(true);
    await page.context().close();
  });

  it('keeps the conversation across a reload and clears it with "new conversation"', async () => {
    const page = await open({ locale: 'en-US' });
    await askAndWait(page, 'When was the organization founded in Brussels?');
    await page.reload();
    await page.waitForSelector('.turn.user');
    expect(await page.textContent('.turn.user')).toBe('When was the organization founded in Brussels?');
    expect(await page.locator('.turn.assistant .card').count()).toBeGreaterThan(0);
    await page.click('#new-chat');
    expect(await page.locator('.turn').count()).toBe(0);
    await page.context().close();
  });

  it('sends the conversation as history for a follow-up', async () => {
    const page = await open({ locale: 'fr-FR' });
    await askAndWait(page, 'Quelle coopération existe entre le Luxembourg et l’OIM ?');
    const request = page.waitForRequest((r) => r.url().endsWith('/api/ask'));
    await page.fill('#question', 'Depuis quand ?');
    await page.keyboard.press('Enter');
    const body = JSON.parse((await request).postData()!);
    expect(body.history.map((h: { role: string }) => h.role)).toEqual(['user', 'assistant']);
    await page.waitForFunction(() => document.querySelectorAll('.turn.assistant[aria-busy="false"]').length === 2);
    await page.context().close();
  });

  it('shows markup from questions and documents as text and runs nothing', async () => {
    const page = await open({ locale: 'fr-FR' });
    await askAndWait(page, `Que dit la note sur le balisage des pages ${XSS} ?`);
    expect(await page.textContent('.turn.user')).toContain(XSS);
    expect(await page.locator('.log img').count()).toBe(0);
    const cards = page.locator('.turn.assistant .card');
    expect(await cards.count()).toBeGreaterThan(0);
    await cards.first().locator('.card-title').click();
    await page.waitForSelector('#panel:not([hidden])');
    expect(await page.textContent('#panel-text')).toContain(XSS);
    expect(await page.locator('#panel img').count()).toBe(0);
    expect(pageErrors.filter((e) => e.startsWith('dialog'))).toEqual([]);
    await page.context().close();
  });

  it('fits a 375-pixel phone screen without horizontal scrolling, in both languages', async () => {
    for (const [locale, question] of [['fr-FR', 'Quand Jean Asselborn a-t-il rencontré le directeur général de l’OIM ?'], ['en-US', 'How many projects did the EU and IOM carry out between 2015 and 2019?']] as const) {
      const page = await open({ locale, width: 375, height: 812 });
      await askAndWait(page, question);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(artifacts, `mobile-light-${locale.slice(0, 2)}.png`), fullPage: true });
      await page.context().close();
    }
  });

  it('logged no console errors and fired no dialog', () => {
    expect(pageErrors).toEqual([]);
  });
});
