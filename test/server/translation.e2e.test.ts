import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apertiumInstalled } from '../helpers/apertium.js';
import { tempDir } from '../helpers/fixtures.js';
import { alive, commandNames, descendants } from '../helpers/processes.js';
import { startServer, type RunningServer } from '../helpers/start-server.js';

const installed = apertiumInstalled('the server test with Apertium translation');

describe.runIf(installed)('server with Apertium translation', () => {
  let server: RunningServer;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    const corpus = resolve(import.meta.dirname, '../fixtures/translation-corpus');
    server = await startServer({ EMBEDDINGS: 'hash', CORPUS_DIR: corpus, INDEX_DIR: join(temp.dir, 'index'), TRANSLATION: 'apertium' });
  });
  afterAll(async () => {
    await server?.stop();
    await cleanup?.();
  });

  it('says which engine translates, in the log and in /api/health', async () => {
    expect(server.output()).toMatch(/Translation: apertium \(Apertium from \/usr\/share\/apertium/);
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health.translation).toMatchObject({ engine: 'apertium', name: 'apertium' });
  });

  it('serves a French communiqué translated into English over HTTP', async () => {
    const body = await (await fetch(`${server.url}/api/sources/fr-ouverture-bureau.txt?translate=en`)).json();
    expect(body.titleTranslation).toMatch(/^The IOM\b/);
    expect(body.translation).toHaveLength(3);
  });

  it('leaves no Apertium process behind after SIGTERM', async () => {
    const running = descendants(server.process.pid!);
    expect(commandNames(running)).toContain('lt-proc');
    expect(await server.stop()).toBe(0);
    await vi.waitFor(() => expect(running.filter(alive)).toEqual([]), { timeout: 5_000 });
  });
});
