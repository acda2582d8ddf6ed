import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, chromiumPath, launchBrowser } from '../helpers/browser.js';
import { startFakeOpenAI } from '../helpers/fake-openai.js';
import { startSeedsServer, type RunningServer } from '../helpers/start-server.js';

const artifacts = artifactsDir;

describe.runIf(existsSync(chromiumPath))('claim check in the web chat (headless Chromium)', () => {
  let browser: Browser;
  let server: RunningServer & { stopAll: () => Promise<void> };
  let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // A generated answer with one faithful sentence and one invented one.
    fake = await startFakeOpenAI(() => ({ text: '120 délégations ont participé à la conférence de solidarité [2]. La conférence a aussi créé un fonds de trois milliards d’euros pour la Colombie [1].' }));
    server = await startSeedsServer({ RATE_LIMIT_PER_MINUTE: '0', LLM_PROVIDER: 'openai', OPENAI_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-model' });
    browser = await launchBrowser();
    await mkdir(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stopAll();
    await fake?.close();
  });

  async function open(locale: string): Promise<Page> {
    const page = await (await browser.newContext({ locale, viewport: { width: 1280, height: 860 } })).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    return page;
  }

  it('marks each generated sentence, flags the unsupported one and shows evidence on hover', async () => {
    const page = await open('fr-FR');
    await page.fill('#question', 'Combien de délégations ont participé à la conférence de solidarité ?');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.turn.assistant[aria-busy="false"] .claim');
    expect(await page.locator('.claim.supported').count()).toBe(1);
    expect(await page.locator('.claim.unsupported').count()).toBe(1);
    await expect(page.locator('.claim.unsupported').textContent()).resolves.toContain('Colombie');
    await page.screenshot({ path: join(artifacts, 'verified-llm-answer.png'), fullPage: true });
    await page.locator('.claim.supported').hover();
    await expect(page.locator('.claim.supported > .tip').textContent()).resolves.toMatch(/^120 délégations y ont participé/);
    expect(await page.locator('.claim.supported > .tip').isVisible()).toBe(true);
    await page.locator('.claim.unsupported').hover();
    await expect(page.locator('.claim.unsupported > .tip').textContent()).resolves.toMatch(/Aucun passage/);
    await page.screenshot({ path: join(artifacts, 'verified-llm-answer-hover.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('checks a pasted statement and shows the detail that differs', async () => {
    const page = await open('en-GB');
    await page.click('#open-checker');
    await page.fill('#statement', 'The EU and IOM set up a strategic cooperation framework in July 2014. 120 delegations took part in the solidarity conference on Venezuelan refugees and migrants.');
    await page.click('#check');
    await page.waitForSelector('#checked-claims[aria-busy="false"] .checked-claim');
    const first = page.locator('.checked-claim').first();
    await expect(first.getAttribute('data-verdict')).resolves.toBe('contradicted');
    await expect(first.locator('.difference del').textContent()).resolves.toBe('July 2014');
    await expect(first.locator('.difference ins').textContent()).resolves.toBe('juillet 2012');
    await expect(first.locator('mark').first().textContent()).resolves.toMatch(/^En juillet 2012/);
    await page.screenshot({ path: join(artifacts, 'checked-statement.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
