import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySeeds, tempDir } from '../helpers/fixtures.js';
import { startServer, type RunningServer } from '../helpers/start-server.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = resolve(import.meta.dirname, '../artifacts');
const fixtures = resolve(import.meta.dirname, '../fixtures/uploads');
const TOKEN = 'browser-admin-token';

describe.runIf(existsSync(chromiumPath))('admin page (headless Chromium)', () => {
  let browser: Browser;
  let server: RunningServer;
  let cleanup: () => Promise<void>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    server = await startServer({ EMBEDDINGS: 'hash', CORPUS_DIR: await copySeeds(temp.dir), INDEX_DIR: join(temp.dir, 'index'), ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0' });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    await mkdir(artifacts, { recursive: true });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await cleanup?.();
  });

  async function open(width: number): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/admin.html`);
    return page;
  }

  it('asks for the token, keeps it for the tab, uploads files with a result each, and deletes one', async () => {
    const page = await open(1280);
    await page.fill('#token', 'wrong-token');
    await page.click('#token-form button[type="submit"]');
    await page.waitForSelector('#token-error:not([hidden])');
    await expect(page.locator('#token-error').textContent()).resolves.toMatch(/wrong/);
    await page.fill('#token', TOKEN);
    await page.click('#token-form button[type="submit"]');
    await page.waitForSelector('#workspace:not([hidden]) .document');
    expect(await page.locator('.document').count()).toBe(5);
    const english = await readFile(join(fixtures, 'tanganyika-fisheries-en.txt'));
    const french = await readFile(join(fixtures, 'tanganyika-fisheries-fr.txt'));
    await page.setInputFiles('#files', [
      { name: 'ltfa-boats.txt', mimeType: 'text/plain', buffer: english },
      { name: 'ltfa-bateaux.txt', mimeType: 'text/plain', buffer: french },
      { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('.upload:not([data-status="pending"])').length === 3);
    await page.waitForFunction(() => document.querySelectorAll('.document').length === 7);
    const statuses = await page.locator('.upload').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.status).sort());
    expect(statuses).toEqual(['added', 'added', 'rejected']);
    await expect(page.locator('.upload[data-status="rejected"] .upload-status').textContent()).resolves.toMatch(/PDF/);
    await page.screenshot({ path: join(artifacts, 'admin-desktop.png'), fullPage: true });

    // The token is kept for the tab: a reload goes straight to the list.
    await page.reload();
    await page.waitForSelector('#workspace:not([hidden]) .document');
    expect(await page.locator('#token-form').isHidden()).toBe(true);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('.document', { hasText: 'Lake Tanganyika' }).locator('.delete').click();
    await page.waitForFunction(() => document.querySelectorAll('.document').length === 6);
    expect(pageErrors).toEqual([]);
  });

  it('fits a 375 px screen without horizontal scrolling, a duplicate shown as such', async () => {
    const page = await open(375);
    await page.fill('#token', TOKEN);
    await page.click('#token-form button[type="submit"]');
    await page.waitForSelector('#workspace:not([hidden]) .document').catch(async (error) => {
      throw new Error(`${error.message}\n${pageErrors.join('\n')}\n${await page.content()}`);
    });
    await page.setInputFiles('#files', [{ name: 'bateaux-copie.txt', mimeType: 'text/plain', buffer: await readFile(join(fixtures, 'tanganyika-fisheries-fr.txt')) }]);
    await page.waitForSelector('.upload[data-status="duplicate"]');
    await expect(page.locator('.upload-status').textContent()).resolves.toMatch(/same communiqué/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(artifacts, 'admin-mobile.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
