import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, openSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../errors.js';

/** sha256 and size of a file's bytes, as recorded in the manifest, with its modification time once written. */
export interface FileDigest {
  sha256: string;
  bytes: number;
  /** `mtimeMs` after the build wrote the file: an unchanged size and time lets start-up defer the full check. */
  mtimeMs?: number;
}

/** Hex sha256 of some bytes. */
export function digest(data: Uint8Array | string): FileDigest {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** Writes a file and flushes it to disk before returning, so a later rename never exposes a partial file. */
export async function writeDurable(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces a file atomically: write a temporary sibling, flush, rename over the target. */
export async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeDurable(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  // Flush the directory entry too, so the rename survives a power cut.
  try {
    const fd = openSync(dirname(path), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems cannot fsync a directory; the rename is still atomic.
  }
}

function missing(path: string, error: unknown): AppError {
  return new AppError('index_corrupt', `Index file ${path} is missing (${(error as NodeJS.ErrnoException).code}): run npm run index to rebuild the index.`);
}

function checkDigest(path: string, actual: FileDigest, expected: FileDigest | undefined): void {
  if (!expected || actual.sha256 !== expected.sha256 || actual.bytes !== expected.bytes) {
    throw new AppError(
      'index_corrupt',
      `Index file ${path} is corrupt (${expected ? `${actual.bytes} of ${expected.bytes} bytes, checksum mismatch` : 'not in the manifest'}): run npm run index to rebuild the index.`,
    );
  }
}

/** Reads a file and checks it against its manifest digest; a mismatch or absence is `index_corrupt`. */
export async function readVerified(dir: string, name: string, expected: FileDigest | undefined): Promise<Buffer> {
  const path = join(dir, name);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw missing(path, error);
  }
  checkDigest(path, digest(bytes), expected);
  return bytes;
}

/** The digest of a file on disk, streamed (never held in memory whole), with its modification time. */
export async function fileDigest(path: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes, mtimeMs: (await stat(path)).mtimeMs };
}

/** Checks a file against its manifest digest by streaming it, for files another reader loads (the HNSW graph). */
export async function verifyFile(dir: string, name: string, expected: FileDigest | undefined): Promise<void> {
  const path = join(dir, name);
  let actual: FileDigest;
  try {
    actual = await fileDigest(path);
  } catch (error) {
    throw missing(path, error);
  }
  checkDigest(path, actual, expected);
}

/**
 * The start-up check: a `stat` per file. A missing file or a size that differs from the manifest is `index_corrupt`
 * at once; a file whose modification time differs (rewritten, restored, copied) is hashed in full before use. Files
 * that pass are left to {@link verifyFile} later (`SearchIndex.verify`), so opening a 500 MB index reads no more
 * than it loads.
 */
export async function quickCheck(dir: string, files: Record<string, FileDigest>): Promise<void> {
  await Promise.all(
    Object.entries(files).map(async ([name, expected]) => {
      const path = join(dir, name);
      let info;
      try {
        info = await stat(path);
      } catch (error) {
        throw missing(path, error);
      }
      if (info.size !== expected.bytes) checkDigest(path, { sha256: '', bytes: info.size }, expected);
      if (expected.mtimeMs === undefined || info.mtimeMs !== expected.mtimeMs) await verifyFile(dir, name, expected);
    }),
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock file for index writes. A lock left by a dead process is taken over; a live holder is
 * waited for up to `waitMs`, then the call fails with `index_locked`. Returns the release function.
 */
export async function acquireLock(dir: string, waitMs: number): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, '.lock');
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    // A lock without a pid is a build that died between creating the file and writing it; give it a few seconds.
    const unnamedAndOld = Number.isNaN(holder) && Date.now() - (await stat(path).then((s) => s.mtimeMs).catch(() => Date.now())) > 5000;
    if (unnamedAndOld) {
      await rm(path, { force: true });
      continue;
    }
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && !isAlive(holder)) {
      // Stale lock from a crashed build: remove it only if it still names the dead process.
      const again = await readFile(path, 'utf8').catch(() => '');
      if (again === String(holder)) await rm(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new AppError('index_locked', `Another index build (pid ${Number.isNaN(holder) ? 'unknown' : holder}) holds ${path}; wait for it to finish, or remove the file if no build is running.`);
    }
    await sleep(100);
  }
}

/** A new data folder of the index being written: each file flushed, its digest recorded for the manifest. */
export interface DataDirWriter {
  /** The folder's name (the manifest's `dataDir`). */
  dataDir: string;
  dir: string;
  files: Record<string, FileDigest>;
  write(name: string, data: Uint8Array | string): Promise<void>;
}

/** Creates a fresh, uniquely named data folder under `indexDir`. */
export async function createDataDir(indexDir: string): Promise<DataDirWriter> {
  const dataDir = `data-${Date.now()}-${randomBytes(4).toString('hex')}`;
  const dir = join(indexDir, dataDir);
  await mkdir(dir, { recursive: true });
  const files: Record<string, FileDigest> = {};
  return {
    dataDir,
    dir,
    files,
    async write(name, data) {
      await writeDurable(join(dir, name), data);
      files[name] = { ...digest(data), mtimeMs: (await stat(join(dir, name))).mtimeMs };
    },
  };
}

/** Removes data folders and temporary files that the manifest no longer names (old versions, crashed builds). */
export async function removeStale(indexDir: string, keep: string): Promise<void> {
  for (const entry of await readdir(indexDir)) {
    if ((entry.startsWith('data-') && entry !== keep) || entry.endsWith('.tmp')) {
      await rm(join(indexDir, entry), { recursive: true, force: true });
    }
  }
}
