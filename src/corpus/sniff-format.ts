import { AppError } from '../errors.js';
import type { DocumentFormat, LoadInput } from './document-loader.js';

const FORMAT_NAMES: Record<DocumentFormat, string> = { html: 'an HTML page', pdf: 'a PDF', docx: 'a Word .docx file', markdown: 'Markdown', text: 'plain text' };

const BY_EXTENSION: Record<string, DocumentFormat> = { html: 'html', htm: 'html', xhtml: 'html', pdf: 'pdf', docx: 'docx', md: 'markdown', markdown: 'markdown', txt: 'text' };

const BY_TYPE: Record<string, DocumentFormat> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text',
};

/** The PDF header may follow some junk, but must sit in the first kilobyte (PDF 1.7, annex H). */
const PDF_HEADER_WINDOW = 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const HTML_START = /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html)[\s>]/i;
const HTML_SNIFF_WINDOW = 4096;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function includesAscii(bytes: Uint8Array, needle: string, window = bytes.length): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(window, bytes.length)).includes(needle, 0, 'latin1');
}

/** What the file's name or declared type says it is, if either names a format the loaders read. */
function claimedFormat(input: LoadInput): { format: DocumentFormat; by: string } | null {
  const extension = /\.([a-z0-9]+)$/i.exec(input.name)?.[1]?.toLowerCase();
  if (extension && BY_EXTENSION[extension]) return { format: BY_EXTENSION[extension]!, by: `its name (.${extension})` };
  const type = input.type?.split(';')[0]?.trim().toLowerCase();
  if (type && BY_TYPE[type]) return { format: BY_TYPE[type]!, by: `its declared type (${type})` };
  return null;
}

/** The format the bytes themselves show, or null when they are none the loaders read. */
function contentFormat(bytes: Uint8Array): DocumentFormat | 'zip' | null {
  if (includesAscii(bytes, '%PDF-', PDF_HEADER_WINDOW)) return 'pdf';
  // Zip entry names are stored uncompressed; the docx loader checks the archive properly.
  if (startsWith(bytes, ZIP_MAGIC)) return includesAscii(bytes, 'word/document.xml') ? 'docx' : 'zip';
  if (bytes.includes(0)) return null;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, HTML_SNIFF_WINDOW));
  return HTML_START.test(head) ? 'html' : 'text';
}

/**
 * Decides which loader reads a file, by its content: `%PDF-` is a PDF, a zip holding `word/document.xml` is a
 * .docx, text opening with `<!doctype html` or `<html` is HTML, other text is Markdown or plain text (by name).
 * A name or declared type that claims another format is an `unsupported_media_type` error that says both, so a
 * renamed file is never read as what it is not.
 */
export function sniffFormat(input: LoadInput): DocumentFormat {
  const found = contentFormat(input.bytes);
  const claim = claimedFormat(input);
  // A page saved as .txt is still read as the HTML it is; only the binary formats and HTML must be what they claim.
  const claimIsText = claim?.format === 'text' || claim?.format === 'markdown';
  if (claim && found !== claim.format && !(claimIsText && (found === 'text' || found === 'html'))) {
    const actually = found === null ? 'binary data of no format the loaders read' : found === 'zip' ? 'a zip archive that is not a Word document' : FORMAT_NAMES[found];
    throw new AppError('unsupported_media_type', `${input.name} claims to be ${FORMAT_NAMES[claim.format]} by ${claim.by}, but its content is ${actually}.`);
  }
  if (found === null || found === 'zip') {
    throw new AppError('unsupported_media_type', `${input.name} is ${found === 'zip' ? 'a zip archive that is not a Word document' : 'binary data'}: the loaders read HTML, PDF, .docx, Markdown and plain text.`);
  }
  if (found === 'text' && claim?.format === 'markdown') return 'markdown';
  return found;
}
