import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_FORMAT, readManifest } from '../../src/index/manifest.js';
import { openRuntime } from '../../src/runtime/node-runtime.js';
import { tempDir, testConfig } from '../helpers/fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

describe('openRuntime', () => {
  it('rebuilds an index of an older format on start, and says so', async () => {
    const config = testConfig({ indexDir: join(dir, 'index') });
    await openRuntime(config, () => {}, { buildIfMissing: true });
    const path = join(config.indexDir, 'manifest.json');
    await writeFile(path, (await readFile(path, 'utf8')).replace(`"format": ${INDEX_FORMAT}`, '"format": 1'));
    const lines: string[] = [];
    const runtime = await openRuntime(config, (line) => lines.push(line), { buildIfMissing: true });
    expect(lines).toContain(`Index in ${config.indexDir} has format 1, this version reads format ${INDEX_FORMAT}: rebuilding it`);
    expect((await readManifest(config.indexDir)).format).toBe(INDEX_FORMAT);
    expect((await runtime.retriever.search('migration', { k: 1 })).length).toBe(1);
  });

  it('reports an older index instead of rebuilding it when asked not to build', async () => {
    const config = testConfig({ indexDir: join(dir, 'index') });
    await openRuntime(config, () => {}, { buildIfMissing: true });
    const path = join(config.indexDir, 'manifest.json');
    await writeFile(path, (await readFile(path, 'utf8')).replace(`"format": ${INDEX_FORMAT}`, '"format": 1'));
    await expect(openRuntime(config, () => {}, { buildIfMissing: false })).rejects.toMatchObject({ code: 'index_incompatible' });
  });
});
