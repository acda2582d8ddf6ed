import { createHash } from 'node:crypto';
import { cp, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { AppConfig } from '../../src/config/config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder shared by all test files of a run, holding indexes already built (see test/global-setup.ts). */
    indexCacheDir: string;
  }
}

/**
 * What an index built from `config` depends on: every setting but the index folder, and the name, size and time of
 * each corpus file (a corpus edited in place is a new key, so a stale copy is never served).
 */
async function cacheKey(config: AppConfig): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify({ ...config, indexDir: undefined }));
  const entries = await readdir(config.corpusDir, { recursive: true, withFileTypes: true });
  for (const entry of entries.sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    hash.update(`${path}:${info.size}:${info.mtimeMs};`);
  }
  return hash.digest('hex').slice(0, 24);
}

/**
 * Fills `config.indexDir` with a copy of an index built earlier in this run from the same settings and corpus, or
 * builds it with `build` and keeps a copy for the next test file. Each caller gets its own copy (a test may write to
 * its index); building the seeds' index and parsing FreeDict once per run instead of once per file is the saving.
 */
export async function withCachedIndex<T>(config: AppConfig, build: () => Promise<T>): Promise<T> {
  const cached = join(inject('indexCacheDir'), await cacheKey(config));
  const hit = await stat(cached).then(() => true, () => false);
  if (hit) await cp(cached, config.indexDir, { recursive: true, preserveTimestamps: true });
  const result = await build();
  if (!hit) {
    // Two workers may build the same index at once: each copies beside the cache, the first rename wins.
    const partial = `${cached}.${process.pid}-${Date.now()}`;
    await cp(config.indexDir, partial, { recursive: true, preserveTimestamps: true });
    await rename(partial, cached).catch(() => rm(partial, { recursive: true, force: true }));
  }
  return result;
}
