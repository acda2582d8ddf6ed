import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { AppError } from '../errors.js';
import type { LoadDocumentOptions } from './document-loader.js';

/** Entries smaller than this are not held to the compression ratio: tiny XML parts compress oddly well or badly. */
const RATIO_FLOOR_BYTES = 1_000_000;

/** Compressed bytes handed to the inflater at a time (a deflated kilobyte inflates to 1 MB at most). */
const PUSH_SLICE_BYTES = 1024;

type ZipLimits = Pick<LoadDocumentOptions, 'maxUnzippedBytes' | 'maxCompressionRatio' | 'maxZipEntries'>;

function bomb(name: string, why: string): AppError {
  return new AppError('payload_too_large', `${name} would unpack to ${why}: refused as a possible decompression bomb.`);
}

/** Checks the sizes the archive's central directory declares, without inflating anything. */
function checkDeclared(bytes: Uint8Array, name: string, limits: ZipLimits): void {
  let entries = 0;
  let total = 0;
  try {
    unzipSync(bytes, {
      filter(file) {
        entries++;
        total += file.originalSize;
        if (entries > limits.maxZipEntries) throw bomb(name, `more than ${limits.maxZipEntries} entries`);
        if (total > limits.maxUnzippedBytes) throw bomb(name, `more than ${limits.maxUnzippedBytes} bytes`);
        if (file.originalSize > RATIO_FLOOR_BYTES && file.originalSize / Math.max(file.size, 1) > limits.maxCompressionRatio) {
          throw bomb(name, `${Math.round(file.originalSize / Math.max(file.size, 1))} times its compressed size in ${file.name}`);
        }
        return false;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('corrupt_document', `${name} is not a readable zip archive (${(error as Error).message}).`);
  }
}

/**
 * Unpacks a zip archive (a .docx) within limits: first the sizes its directory declares (total, entries, ratio of
 * any large entry), then, since headers can lie, the bytes actually inflated are counted and inflating stops at
 * the total limit. A breach is `payload_too_large`; a broken archive is `corrupt_document`.
 */
export function unzipGuarded(bytes: Uint8Array, name: string, limits: ZipLimits): Record<string, Uint8Array> {
  checkDeclared(bytes, name, limits);
  const files: Record<string, Uint8Array> = {};
  let inflated = 0;
  // fflate reports what a data callback throws back to it as a damaged stream: the first problem is kept here
  // and the entry's inflation stopped instead.
  let problem: AppError | null = null;
  const unzip = new Unzip((file) => {
    const parts: Uint8Array[] = [];
    file.ondata = (error, data, final) => {
      if (problem) return;
      if (error) problem = new AppError('corrupt_document', `${name} has a damaged entry ${file.name} (${error.message}).`);
      else if ((inflated += data.length) > limits.maxUnzippedBytes) problem = bomb(name, `more than ${limits.maxUnzippedBytes} bytes (its headers understate it)`);
      if (problem) return void file.terminate();
      parts.push(data);
      if (final) files[file.name] = Buffer.concat(parts);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Fed in small slices: one slice inflates to at most ~1000 times its size, so the count stops a bomb early.
    for (let offset = 0; offset < bytes.length && !problem; offset += PUSH_SLICE_BYTES) {
      unzip.push(bytes.subarray(offset, offset + PUSH_SLICE_BYTES), offset + PUSH_SLICE_BYTES >= bytes.length);
    }
  } catch (error) {
    throw problem ?? new AppError('corrupt_document', `${name} is not a readable zip archive (${(error as Error).message}).`);
  }
  if (problem) throw problem;
  return files;
}
