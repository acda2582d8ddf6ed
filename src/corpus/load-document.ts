import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import { detectLanguage } from '../text/detect-language.js';
import { defaultLoadDocumentOptions, type DocumentFormat, type DocumentLoader, type LoadDocumentOptions, type LoadedDocument, type LoadInput } from './document-loader.js';
import { docxLoader } from './docx-loader.js';
import { extractDate } from './extract-date.js';
import { htmlLoader } from './html-loader.js';
import { pdfLoader } from './pdf-loader.js';
import { sniffFormat } from './sniff-format.js';
import { textLoader } from './text-loader.js';

/** Characters from the start of a text in which a release's dateline is looked for, when metadata gives no date. */
const DATE_WINDOW = 1500;

const loaders: Record<DocumentFormat, DocumentLoader> = {
  text: textLoader,
  markdown: textLoader,
  html: htmlLoader,
  pdf: pdfLoader,
  docx: docxLoader,
};

/** The file name without folders or extension: the title of last resort. */
function baseTitle(name: string): string {
  return name.split(/[\\/]/).pop()!.replace(/\.[a-z0-9]+$/i, '');
}

/**
 * Loads one communiqué from a file's bytes: the format is found from the content (see `sniffFormat`), the matching
 * loader extracts text and metadata, and what the format does not state is filled in the same way for every format
 * (title from the file name, date from the dateline, language detected). The document's id is `input.name` as
 * given: callers pass a normalised name (the corpus folder passes the path relative to it).
 *
 * Throws `AppError`: `payload_too_large` (file or unzipped .docx over the limits in `options`),
 * `unsupported_media_type` (not a format read here, or not the one its name or type claims), `no_text_layer`
 * (a scanned PDF), `corrupt_document` (unreadable bytes), `empty_document` (no letters at all).
 */
export async function loadDocument(input: LoadInput, options: Partial<LoadDocumentOptions> = {}): Promise<LoadedDocument> {
  const settings: LoadDocumentOptions = { ...defaultLoadDocumentOptions, ...options };
  if (input.bytes.length === 0) throw new AppError('empty_document', `${input.name} is empty.`);
  if (input.bytes.length > settings.maxBytes) {
    throw new AppError('payload_too_large', `${input.name} is ${input.bytes.length} bytes, more than the ${settings.maxBytes} accepted.`);
  }
  const extracted = await loaders[sniffFormat(input)].load(input, settings);
  if (!/\p{L}/u.test(extracted.text)) throw new AppError('empty_document', `${input.name} has no text.`);
  const { text } = extracted;
  return {
    id: input.name,
    title: extracted.title || baseTitle(input.name),
    date: extracted.date ?? extractDate(text.slice(0, DATE_WINDOW)),
    language: extracted.language || detectLanguage(text),
    text,
    hash: createHash('sha256').update(input.bytes).digest('hex'),
    // Only what the file states is kept: a text file's document stays exactly as before.
    ...(extracted.publisher ? { publisher: extracted.publisher } : {}),
    ...(extracted.url ? { url: extracted.url } : {}),
    ...(extracted.pages ? { pages: extracted.pages } : {}),
  };
}
