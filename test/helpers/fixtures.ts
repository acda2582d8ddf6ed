import { cp, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { loadConfig, type AppConfig } from '../../src/config/config.js';

/** The project's copy of the communiqués. */
export const seedsDir = resolve(import.meta.dirname, '../../seeds');

/** A fresh temporary folder, removed by the returned function. */
export async function tempDir(prefix = 'communiques-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A copy of the seeds in a temporary folder, for tests that edit the corpus. */
export async function copySeeds(dir: string): Promise<string> {
  const target = join(dir, 'corpus');
  await cp(seedsDir, target, { recursive: true });
  return target;
}

/** Configuration for tests: hash embedder, given folders, no network. */
export function testConfig(overrides: { corpusDir?: string; indexDir: string; env?: Record<string, string> }): AppConfig {
  return loadConfig({
    EMBEDDINGS: 'hash',
    CORPUS_DIR: overrides.corpusDir ?? seedsDir,
    INDEX_DIR: overrides.indexDir,
    ...overrides.env,
  });
}

/** The test questions written from the communiqués (both languages, all five documents). */
export interface FixtureQuestion {
  language: 'fr' | 'en';
  question: string;
  source: string;
  /** Regular expression for the fact a correct answer contains. */
  fact: string;
}

/** Paths of a per-test copy of the seeds (see {@link seedsCopyPerTest}); filled before each test. */
export interface SeedsCopy {
  dir: string;
  corpusDir: string;
  indexDir: string;
}

/**
 * A fresh temporary folder for every test of the file, holding a copy of the seeds and the path of an index beside
 * it (`index`, not yet built); removed after each test. Call at the top level of a test file.
 */
export function seedsCopyPerTest(): SeedsCopy {
  const copy: SeedsCopy = { dir: '', corpusDir: '', indexDir: '' };
  let cleanup = async () => {};
  beforeEach(async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    Object.assign(copy, { dir: temp.dir, corpusDir: await copySeeds(temp.dir), indexDir: join(temp.dir, 'index') });
  });
  afterEach(async () => cleanup());
  return copy;
}

/**
 * Writes `bytes` over an index file as a silent corruption: same size, and the modification time the manifest
 * records, so that only a checksum or loading the file finds it. Setting a time may round it (file systems keep
 * nanoseconds, `utimes` takes seconds as a float): the manifest is then given the time as the file system reports
 * it, as a build would have recorded it.
 */
export async function corruptSilently(indexDir: string, name: string, bytes: Uint8Array): Promise<void> {
  const manifestPath = join(indexDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const path = join(indexDir, manifest.dataDir, name);
  await writeFile(path, bytes);
  const time = manifest.files[name].mtimeMs / 1000;
  await utimes(path, time, time);
  manifest.files[name].mtimeMs = (await stat(path)).mtimeMs;
  await writeFile(manifestPath, JSON.stringify(manifest));
}
