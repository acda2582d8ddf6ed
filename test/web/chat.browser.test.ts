import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySeeds, tempDir } from '../helpers/fixtures.js';
import { startFakeOpenAI } from '../helpers/fake-openai.js';
import { startServer, type RunningServer } from '../helpers/start-server.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = resolve(import.meta.dirname, '../artifacts');
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
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await mkdir(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await slowServer?.stop();
    await fake?.close();
    await cleanup?.();
  });

  async function open(options: { locale: string; width?: number; height?: number; base?: string }): Promise<Page> {
    const context = await browser.newContext({ locale: options.locale, viewport: { width: options.width ?? 1280, height: options.height ?? 860 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
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
    await page.fill('#question', question);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.turn.assistant[aria-busy="false"]');
  }

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
    expect(answer).toMatch(/^120 délégations \[1\]\./);
    expect(answer).toMatch(/D’après le communiqué « .+ »/);
    expect(await page.locator('.turn.assistant .card').count()).toBeGreaterThan(0);
    expect(await page.isEnabled('#question')).toBe(true);
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('communiqués'));
    await page.screenshot({ path: join(artifacts, 'desktop-fr.png'), fullPage: true });
    await page.context().close();
  });

  it('answers an English question and opens the cited span in the source panel', async () => {
    const page = await open({ locale: 'en-US' });
    await askAndWait(page, 'Which countries host the most Venezuelan refugees?');
    expect(await page.textContent('.turn.assistant .answer')).toMatch(/According to the communiqué “.+”/);
    const cite = page.locator('.turn.assistant .cite').first();
    await cite.focus();
    expect(await cite.locator('.tip').isVisible()).toBe(true);
    await cite.click();
    await page.waitForSelector('#panel:not([hidden]) #cited-span');
    const quote = await cite.locator('.tip').textContent();
    expect(await page.textContent('#cited-span')).toBe(quote);
    expect(await page.locator('#cited-span').isVisible()).toBe(true);
    await page.screenshot({ path: join(artifacts, 'desktop-en.png'), fullPage: true });
    await page.context().close();
  });

  it('shows a refusal distinctly, with the closest communiqués to look at', async () => {
    const page = await open({ locale: 'en-US' });
    await askAndWait(page, 'What were the football results last weekend?');
    await page.waitForSelector('.turn.refusal');
    expect(await page.textContent('.turn.refusal .answer')).toBe('I could not find this in the communiqués.');
    expect(await page.textContent('.turn.refusal .suggestions-label')).toBe('You may look at:');
    expect(await page.locator('.turn.refusal .card').count()).toBeGreaterThan(0);
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
    await cards.first().click();
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
      await page.screenshot({ path: join(artifacts, `mobile-${locale.slice(0, 2)}.png`), fullPage: true });
      await page.context().close();
    }
  });

  it('logged no console errors and fired no dialog', () => {
    expect(pageErrors).toEqual([]);
  });
});
