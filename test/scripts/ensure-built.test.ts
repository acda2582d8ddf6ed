import { cp, mkdir, symlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsDir, tempDir } from '../helpers/fixtures.js';
import { projectRoot } from '../helpers/run-command.js';
import { startServer } from '../helpers/start-server.js';

// A copy of what a clone holds (no dist/, no web/dist/), sharing the installed node_modules.
let clone: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  clone = join(temp.dir, 'clone');
  await mkdir(clone);
  for (const path of ['package.json', 'src', 'scripts', 'prompts']) await cp(join(projectRoot, path), join(clone, path), { recursive: true });
  await cp(join(projectRoot, 'web'), join(clone, 'web'), { recursive: true, filter: (source) => !source.includes(`${join('web', 'dist')}`) });
  await symlink(join(projectRoot, 'node_modules'), join(clone, 'node_modules'));
});
afterAll(async () => cleanup?.());

/** `npm start` in the clone, stopped once ready; returns what it printed. */
async function npmStart(): Promise<string> {
  const server = await startServer({ EMBEDDINGS: 'hash', CORPUS_DIR: seedsDir, INDEX_DIR: join(clone, 'embeddings') }, 120_000, { command: 'npm', args: ['start'], cwd: clone, group: true });
  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(200);
  expect((await fetch(`${server.url}/dist/app.js`)).status).toBe(200);
  await server.stop();
  return server.output();
}

describe('npm start on a fresh clone', () => {
  it('compiles the server and the page first, then runs the compiled server with plain node', async () => {
    const output = await npmStart();
    expect(output).toMatch(/Compiling the server and the chat page/);
    expect(output).toMatch(/node dist\/cli\/serve-command\.js/);
  });

  it('does not compile again when nothing changed', async () => {
    expect(await npmStart()).not.toMatch(/Compiling/);
  });

  it('compiles again after a source file changed', async () => {
    const later = new Date(Date.now() + 60_000);
    await utimes(join(clone, 'src/errors.ts'), later, later);
    expect(await npmStart()).toMatch(/Compiling the server and the chat page/);
  });
});
