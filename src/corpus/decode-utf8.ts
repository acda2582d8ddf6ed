import { AppError } from '../errors.js';

/** Decodes a text file's bytes as UTF-8; NUL bytes or invalid sequences are a `corrupt_document` error naming the file. */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) throw new AppError('corrupt_document', `${name} is binary (it contains NUL bytes), not text.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('corrupt_document', `${name} is not valid UTF-8 text.`);
  }
}
