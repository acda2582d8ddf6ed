import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, chromiumPath, launchBrowser } from '../helpers/browser.js';
import { apertiumInstalled } from '../helpers/apertium.js';
import { copySeeds, tempDir } from '../helpers/fixtures.js';
import { startServer, type RunningServer } from '../helpers/start-server.js';

const artifacts = artifactsDir;
const englishDocument = resolve(import.meta.dirname, '../fixtures/translation-corpus/en-office-opening.txt');

if (!existsSync(chromiumPath)) console.warn(`Skipping the translation browser tests: no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
const runnable = existsSync(chromiumPath) && apertiumInstalled('the translation browser tests');

/** A question in English over the French communiqués, and one in French over the English one. */
const ENGLISH_QUESTION = 'How many delegations took part in the solidarity conference?';
const FRENCH_QUESTION = 'Que fera le centre de ressources pour migrants de Bruxelles ?';

describe.runIf(runnable)('machine translation in the web chat (headless Chromium, installed Apertium)', () => {
  let browser: Browser;
  let server: RunningServer;
  let untranslated: RunningServer;
  let cleanup: () => Promise<void>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    // The seeds (French) and one English communiqué, so that French readers meet English quotes too.
    const corpus = await copySeeds(temp.dir);
    await copyFile(englishDocument, join(corpus, 'en-office-opening.txt'));
    const env = { EMBEDDINGS: 'hash', CORPUS_DIR: corpus, INDEX_DIR: join(temp.dir, 'index'), RATE_LIMIT_PER_MINUTE: '0' };
    server = await startServer({ ...env, TRANSLATION: 'apertium' });
    untranslated = await startServer({ ...env, TRANSLATION: 'none' });
    browser = await launchBrowser();
    await mkdir(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await untranslated?.stop();
    await cleanup?.();
  });

  async function open(options: { locale: string; width?: number; height?: number; scheme?: 'light' | 'dark'; base?: string }): Promise<Page> {
    const context = await browser.newContext({ locale: options.locale, viewport: { width: options.width ?? 1280, height: options.height ?? 860 }, colorScheme: options.scheme ?? 'light' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
    await page.goto(options.base ?? server.url);
    return page;
  }

  async function ask(page: Page, question: string) {
    await page.fill('#question', question);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.turn.assistant[aria-busy="false"]').length > 0);
  }

  /** The citations the API gives for a question, to compare the page with. */
  async function citationsFor(question: string) {
    const response = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    return ((await response.json()) as { citations: Array<{ quote: string; title: string; titleTranslation?: string; translation?: { text: string } }> }).citations;
  }

  const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('shows an English reader the machine translation of a French quote, labelled, and not as a quotation', async () => {
    const [citation] = await citationsFor(ENGLISH_QUESTION);
    const page = await open({ locale: 'en-US' });
    await ask(page, ENGLISH_QUESTION);
    const block = page.locator('.turn.assistant .quote-block').first();
    expect(await block.locator('.quote-label').textContent()).toBe('Machine translation · Apertium');
    const shown = (await block.locator('.quote-translation').textContent())!;
    expect(shown.startsWith(citation!.translation!.text)).toBe(true);
    expect(shown).not.toMatch(/^[“"«]/);
    expect(await block.locator('.quote-original').isVisible()).toBe(false);
    // The [n] of the translation holds the verbatim quote, which stays the citation.
    const cite = block.locator('.quote-translation .cite');
    await cite.focus();
    expect(await cite.locator('.tip').isVisible()).toBe(true);
    expect(await cite.locator('.tip').textContent()).toBe(`Original: ${citation!.quote}`);
    await page.screenshot({ path: join(artifacts, 'translation-desktop-light-en.png'), fullPage: true });
    await page.context().close();
  });

  it('switches a quote to its original French and back, from the keyboard', async () => {
    const [citation] = await citationsFor(ENGLISH_QUESTION);
    const page = await open({ locale: 'en-US', scheme: 'dark' });
    await ask(page, ENGLISH_QUESTION);
    const block = page.locator('.turn.assistant .quote-block').first();
    const toggle = block.locator('.quote-switch');
    expect(await toggle.textContent()).toBe('Show original');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await block.getAttribute('data-view')).toBe('original');
    expect(await block.locator('.quote-original').isVisible()).toBe(true);
    expect(await block.locator('.quote-original').evaluate((quote) => quote.firstChild!.textContent)).toBe(`“${citation!.quote}” `);
    expect(await block.locator('.quote-original .cite').evaluate((cite) => cite.firstChild!.textContent)).toBe('[1]');
    expect(await block.locator('.quote-original').getAttribute('lang')).toBe('fr');
    expect(await block.locator('.quote-label').textContent()).toBe('Original quote');
    expect(await block.locator('.quote-translation').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('quote-switch');
    await page.screenshot({ path: join(artifacts, 'translation-desktop-dark-en-original.png'), fullPage: true });
    await page.keyboard.press('Space');
    expect(await block.getAttribute('data-view')).toBe('translation');
    expect(await toggle.textContent()).toBe('Show original');
    expect(await block.locator('.quote-translation').isVisible()).toBe(true);
    await page.context().close();
  });

  it('shows a French reader the French translation of an English quote, labelled "Traduction automatique"', async () => {
    const page = await open({ locale: 'fr-FR' });
    await ask(page, FRENCH_QUESTION);
    const block = page.locator('.turn.assistant .quote-block').first();
    expect(await block.locator('.quote-label').textContent()).toBe('Traduction automatique · Apertium');
    expect(await block.locator('.quote-translation').getAttribute('lang')).toBe('fr');
    expect(await block.locator('.quote-switch').textContent()).toBe('Voir l’original');
    await block.locator('.quote-switch').click();
    // "Que fera le centre…" asks about what is to come: the release's sentence in the future answers it.
    expect(await block.locator('.quote-original').textContent()).toMatch(/^« The centre will give legal information/);
    await block.locator('.quote-switch').click();
    await page.screenshot({ path: join(artifacts, 'translation-desktop-light-fr.png'), fullPage: true });
    await page.context().close();
  });

  it('shows the source card with the translated title, the original title and a readable date, never a file name', async () => {
    const [citation] = await citationsFor(ENGLISH_QUESTION);
    const page = await open({ locale: 'en-US' });
    await ask(page, ENGLISH_QUESTION);
    const card = page.locator('.turn.assistant .card').first();
    expect(await card.locator('.card-title').textContent()).toBe(citation!.titleTranslation);
    expect(citation!.titleTranslation).not.toBe(citation!.title);
    expect(await card.locator('.original-title').textContent()).toBe(`Original title: ${citation!.title}`);
    expect(await card.locator('.meta').textContent()).toBe('29 October 2019');
    expect(await page.textContent('.turn.assistant')).not.toMatch(/\.txt|undated|2019-10-29/);
    await page.context().close();
  });

  it('opens the translated communiqué in the panel with the cited sentence highlighted, and switches to the original', async () => {
    const [citation] = await citationsFor(ENGLISH_QUESTION);
    const page = await open({ locale: 'en-US' });
    await ask(page, ENGLISH_QUESTION);
    await page.locator('.turn.assistant .quote-block .quote-translation .cite').click();
    await page.waitForSelector('#panel[data-view="translation"] #cited-span');
    // The quote is one sentence of the communiqué: its aligned translation is that sentence's translation.
    expect((await page.textContent('#cited-span'))!.trim()).toBe(citation!.translation!.text);
    expect(await page.locator('#cited-span').isVisible()).toBe(true);
    expect(await page.textContent('#panel-title')).toBe(citation!.titleTranslation);
    expect(await page.textContent('#panel-views .quote-label')).toBe('Machine translation · Apertium');
    await page.screenshot({ path: join(artifacts, 'translation-desktop-panel-en.png') });
    await page.click('#panel-views [data-view="original"]');
    await page.waitForSelector('#panel[data-view="original"]');
    expect(await page.textContent('#cited-span')).toBe(citation!.quote);
    expect(await page.textContent('#panel-title')).toBe(citation!.title);
    expect(await page.locator('#cited-span').isVisible()).toBe(true);
    expect(await page.getAttribute('#panel-views [data-view="original"]', 'aria-pressed')).toBe('true');
    await page.click('#panel-views [data-view="translation"]');
    expect(await page.textContent('#cited-span')).toBe(citation!.translation!.text);
    await page.context().close();
  });

  it('fits a 375-pixel phone screen without horizontal scrolling, quotes translated and panel open, in both languages', async () => {
    for (const [locale, question] of [['en-US', ENGLISH_QUESTION], ['fr-FR', FRENCH_QUESTION]] as const) {
      const page = await open({ locale, width: 375, height: 812 });
      await ask(page, question);
      expect(await page.locator('.turn.assistant .quote-block').count()).toBeGreaterThan(0);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: join(artifacts, `translation-mobile-${locale.slice(0, 2)}.png`), fullPage: true });
      await page.locator('.turn.assistant .quote-block .cite').first().click();
      await page.waitForSelector('#panel[data-view="translation"] #cited-span');
      expect(await horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: join(artifacts, `translation-mobile-panel-${locale.slice(0, 2)}.png`) });
      await page.context().close();
    }
  });

  it('says once, quietly, that quotes are in their original language when no translator is installed, and shows them as before', async () => {
    const page = await open({ locale: 'en-US', base: untranslated.url });
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('communiqués'));
    expect(await page.textContent('#status')).toMatch(/quotes in their original language \(no machine translation installed\)$/);
    await ask(page, ENGLISH_QUESTION);
    expect(await page.locator('.quote-block').count()).toBe(0);
    expect(await page.textContent('.turn.assistant .answer')).toMatch(/quoted in the original French:\n\n“120 délégations y ont participé/);
    expect(await page.getByText('no machine translation installed').count()).toBe(1);
    await page.locator('.turn.assistant .answer .cite').last().click();
    await page.waitForSelector('#panel:not([hidden]) #cited-span');
    expect(await page.locator('#panel-views').isHidden()).toBe(true);
    expect(await page.getAttribute('#panel', 'data-view')).toBe('original');
    await page.screenshot({ path: join(artifacts, 'translation-none-en.png') });
    await page.context().close();
  });

  it('logged no console errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
