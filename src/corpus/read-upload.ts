import type { CorpusDocument } from './load-corpus.js';
import type { DocumentFormat } from './document-loader.js';
import { loadDocument } from './load-document.js';
import { sniffFormat } from './sniff-format.js';

/** One uploaded file as the admin API receives it. */
export interface UploadedFile {
  bytes: Uint8Array;
  /** The client's file name (shown only, never a path). */
  name: string;
  /** The client's media type (a hint: the content decides). */
  type: string;
}

const EXTENSIONS: Record<DocumentFormat, string> = { html: '.html', pdf: '.pdf', docx: '.docx', markdown: '.md', text: '.txt' };

/**
 * The extension an upload is stored with, from its content (HTML, PDF, .docx, Markdown or text), so that
 * `npm run index` reads the saved file as the upload was read. Throws `unsupported_media_type` when the content is
 * no format the loaders read, or not the one the file's name or type claims.
 */
export function uploadExtension(file: UploadedFile): string {
  return EXTENSIONS[sniffFormat({ bytes: file.bytes, name: file.name, type: file.type })];
}

/**
 * Reads an uploaded file into the document `npm run index` will read from the file saved under `id` (whose
 * extension is {@link uploadExtension}'s), through the loaders of `loadDocument`; their typed errors (too large,
 * scanned PDF, corrupt, empty) pass through.
 */
export async function readUpload(file: UploadedFile, id: string): Promise<CorpusDocument> {
  return loadDocument({ bytes: file.bytes, name: id });
}
