import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildServer, buildWeb } from '../scripts/build.js';

/**
 * Builds the chat page and the compiled server once before the suite, as `npm start` does before serving, and makes
 * the folder of indexes shared by the run's test files (test/helpers/index-cache.ts); removed after the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const indexCacheDir = await mkdtemp(join(tmpdir(), 'communiques-index-cache-'));
  project.provide('indexCacheDir', indexCacheDir);
  await Promise.all([buildWeb(), buildServer()]);
  return () => rm(indexCacheDir, { recursive: true, force: true });
}
