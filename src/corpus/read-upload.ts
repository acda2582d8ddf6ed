import { AppError } from '../errors.js';
import { documentFromBytes, type CorpusDocument } from './load-corpus.js';

/** One uploaded file as the admin API receives it. */
export interface UploadedFile {
  bytes: Uint8Array;
  /** The client's file name (shown only, never a path). */
  name: string;
  /** The client's media type (a hint: the content decides). */
  type: string;
}

/** File kinds told apart by their first bytes, whatever the name or the claimed type say. */
const SIGNATURES: Array<{ kind: string; test: (head: string) => boolean }> = [
  { kind: 'PDF', test: (h) => h.startsWith('%PDF-') },
  { kind: 'a zip archive (.docx, .odt, .zip)', test: (h) => h.startsWith('PK\u0003\u0004') },
  { kind: 'HTML', test: (h) => /^\s*<(!doctype html|html|head|body)[\s>]/i.test(h) },
];

/** The extension an upload is stored with: `.md` when its name says Markdown, `.txt` otherwise (both read alike). */
export function uploadExtension(file: UploadedFile): '.txt' | '.md' {
  return /\.(md|markdown)$/i.test(file.name) || /markdown/i.test(file.type) ? '.md' : '.txt';
}

/**
 * Reads an uploaded file into the document `npm run index` will read from the file saved under `id`. Plain text
 * and Markdown only for now: PDF, zip (.docx) and HTML are recognised by content and refused with
 * `unsupported_media_type`; other bytes that are not UTF-8 text get `bad_request` with the reason.
 */
export function readUpload(file: UploadedFile, id: string): CorpusDocument {
  const head = new TextDecoder('latin1').decode(file.bytes.subarray(0, 64));
  const known = SIGNATURES.find((s) => s.test(head));
  if (known) throw new AppError('unsupported_media_type', `${known.kind} files cannot be added yet: upload the communiqué as plain text (.txt) or Markdown (.md).`);
  const document = documentFromBytes(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length), id);
  if (typeof document === 'string') throw new AppError('bad_request', `This file cannot be used: ${document}.`);
  return document;
}
