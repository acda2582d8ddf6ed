import { existsSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { startServer, type RunningServer } from '../helpers/start-server.js';
import { uploadsDir } from '../helpers/uploads.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = resolve(import.meta.dirname, '../artifacts');

describe.runIf(existsSync(chromiumPath))('source cards of a PDF in headless Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    const corpus = join(temp.dir, 'corpus');
    await cp(uploadsDir, corpus, { recursive: true });
    server = await startServer({ EMBEDDINGS: 'hash', CORPUS_DIR: corpus, INDEX_DIR: join(temp.dir, 'index'), RATE_LIMIT_PER_MINUTE: '0' });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    await mkdir(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await cleanup?.();
  });

  it('shows the page of each passage of a PDF source', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'fr-FR' });
    await page.goto(server.url);
    await page.fill('#question', 'Combien d’écoles de la Casamance rejoindront le programme en septembre 2024 ?');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.turn.assistant[aria-busy="false"]').length > 0);
    const card = page.locator('.turn.assistant .card[data-source="release-two-pages.pdf"]');
    expect(await card.locator('.passage .page').allTextContents()).toContain('p. 2');
    await page.screenshot({ path: join(artifacts, 'source-card-pdf-page.png'), fullPage: true });
  });
});
