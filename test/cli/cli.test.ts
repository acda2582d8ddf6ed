import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corruptSilently, seedsDir, tempDir } from '../helpers/fixtures.js';
import { projectRoot, runCommand, runNode } from '../helpers/run-command.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createHashEmbeddings } from '../../src/embeddings/create-embeddings.js';
import { createChunker } from '../../src/ingest/chunk-document.js';
import { buildIndex } from '../../src/index/build-index.js';

let dir: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  env = { EMBEDDINGS: 'hash', CORPUS_DIR: seedsDir, INDEX_DIR: join(dir, 'index') };
});
afterAll(async () => cleanup());

describe('npm run index', () => {
  it('builds the index and prints documents, chunks, embedder and seconds', async () => {
    const { code, stdout } = await runCommand('src/cli/index-command.ts', [], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Indexed 5 documents, \d+ chunks with hash\/hash-v4 \(512 dimensions\) in \d+\.\d+ s/);
  });

  it('re-embeds nothing on a second run over the same corpus', async () => {
    const { code, stdout } = await runCommand('src/cli/index-command.ts', [], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/embedded 0 chunks/);
  });

  it('rejects an unknown flag with usage and exit code 2', async () => {
    const { code, stderr } = await runCommand('src/cli/index-command.ts', ['--force'], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Usage: npm run index/);
  });
});

describe('npm run eval', () => {
  it('writes the JSON report to the file named by --out, whatever else goes to stdout', async () => {
    const out = join(dir, 'report.json');
    // The report's shape is under test here, not the translating configuration (test/eval runs that).
    const { code, stdout } = await runCommand('src/cli/eval-command.ts', ['--split', 'dev', '--no-curve', '--out', out], { ...env, TRANSLATION: 'none' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/All floors hold/);
    const report = JSON.parse(await readFile(out, 'utf8'));
    expect(report.floors.misses).toEqual([]);
    expect(Object.keys(report.dev.retrieval).length).toBeGreaterThan(0);
  }, 180_000);
});

describe('npm run search', () => {
  it('prints ranked passages with source ids and scores', async () => {
    const { code, stdout } = await runCommand('src/cli/search-command.ts', ['protection des enfants migrants'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1\. \[\d\.\d{3}\] \d{3}_[0-9a-f]{16}\.txt/m);
  });

  it('prints JSON with --json and honours --k', async () => {
    const { code, stdout } = await runCommand('src/cli/search-command.ts', ['réfugiés vénézuéliens', '--k', '2', '--json'], env);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(body.results).toHaveLength(2);
    expect(body.results[0]).toMatchObject({ source: '004_5bf88d405e48ee85.txt', chunkId: expect.any(String), score: expect.any(Number) });
  });

  it('prints usage and exits 2 without a question', async () => {
    const { code, stderr } = await runCommand('src/cli/search-command.ts', [], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Usage: npm run search/);
  });

  it('prints usage and exits 2 on an unknown flag or a bad --k', async () => {
    expect((await runCommand('src/cli/search-command.ts', ['question', '--top', '3'], env)).code).toBe(2);
    expect((await runCommand('src/cli/search-command.ts', ['question', '--k', 'zero'], env)).code).toBe(2);
  });

  it('exits 3 with the setting name on a bad configuration', async () => {
    const { code, stderr } = await runCommand('src/cli/search-command.ts', ['question'], { ...env, EMBEDDINGS: 'magic' });
    expect(code).toBe(3);
    expect(stderr).toMatch(/EMBEDDINGS must be one of auto, transformers, hash/);
  });
});

describe('npm start', () => {
  it('listens before it opens the index, and answers a question sent as soon as it listens', async () => {
    const child = spawn(process.execPath, [join(projectRoot, 'dist/cli/serve-command.js')], { env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', TRANSLATION: 'none' } });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data));
    try {
      const url = await new Promise<string>((found, fail) => {
        child.stdout.on('data', () => {
          const match = /listening at (http:\/\/[\d.]+:\d+)/.exec(output);
          if (match) found(match[1]!);
        });
        child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
      });
      // Its first line: nothing is opened before it listens.
      expect(output.split('\n')[0]).toMatch(/^Communiqués is listening at/);
      const response = await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: "Combien de personnes pourraient avoir quitté le Venezuela d'ici fin 2020 ?" }) });
      expect(response.status).toBe(200);
      expect((await response.json()).citations.length).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('exits 4 when a vector graph that passed the start-up check cannot be loaded (it loads while the server starts listening)', async () => {
    const served = { ...env, INDEX_DIR: join(dir, 'served'), PORT: '0', HOST: '127.0.0.1' };
    const { manifest } = await buildIndex({ documents: await loadCorpus(seedsDir), indexDir: served.INDEX_DIR, embeddings: createHashEmbeddings(512), chunker: createChunker() });
    const path = join(dir, 'served', manifest.dataDir, 'hnsw-0.bin');
    const bytes = await readFile(path);
    // Same size and time, so only loading the graph finds it broken: its element count no longer fits the file.
    bytes.writeBigUInt64LE(1n, 16);
    await corruptSilently(served.INDEX_DIR, 'hnsw-0.bin', bytes);
    // The compiled entry point, as npm start runs it (the suite's global setup builds dist/).
    const { code, stderr } = await runNode(join(projectRoot, 'dist/cli/serve-command.js'), served);
    expect(code).toBe(4);
    expect(stderr).toMatch(/Error \(index_corrupt\): Index file .*hnsw-0\.bin cannot be read.*npm run index/);
  }, 60_000);
});

