import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LoadInput } from '../../src/corpus/document-loader.js';

/** The invented upload fixtures (HTML with site chrome, PDFs, .docx files, bad files); see scripts/make-upload-fixtures.ts. */
export const uploadsDir = resolve(import.meta.dirname, '../fixtures/uploads');

/** One upload fixture as the loaders take it, under its own name unless another is given. */
export async function uploadInput(file: string, name = file, type?: string): Promise<LoadInput> {
  return { bytes: new Uint8Array(await readFile(resolve(uploadsDir, file))), name, ...(type ? { type } : {}) };
}
