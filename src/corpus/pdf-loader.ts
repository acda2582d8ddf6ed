import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import { AppError } from '../errors.js';
import { findTitle, normalizeLines } from './clean-text.js';
import type { DocumentLoader, PageStart } from './document-loader.js';

type TextItem = Awaited<ReturnType<typeof extractTextItems>>['items'][number][number];

/**
 * Lines whose baselines are further apart than this many times the font size start a new paragraph (body text is
 * set at 1.2–1.5 lines; a paragraph gap adds most of a line more).
 */
const PARAGRAPH_GAP = 1.8;

/** One page's text in reading order: items joined into lines, lines into paragraphs by the vertical gaps between them. */
function pageText(items: TextItem[]): string {
  const paragraphs: string[][] = [[]];
  let line = '';
  let lineY: number | null = null;
  let lastLineY: number | null = null;
  let fontSize = 0;
  const endLine = () => {
    if (line.trim() === '') return void (line = '');
    if (lastLineY !== null && lineY !== null && Math.abs(lastLineY - lineY) > PARAGRAPH_GAP * fontSize) paragraphs.push([]);
    paragraphs.at(-1)!.push(line.trim());
    lastLineY = lineY;
    line = '';
  };
  for (const item of items) {
    // A new baseline without an explicit end of line is still a new line.
    if (lineY !== null && line !== '' && Math.abs(item.y - lineY) > item.fontSize / 2) endLine();
    if (line === '') lineY = item.y;
    line += item.str;
    if (item.str.trim()) fontSize = item.fontSize;
    if (item.hasEOL) endLine();
  }
  endLine();
  return normalizeLines(paragraphs.map((p) => p.join(' ')).join('\n\n')).join('\n').trim();
}

async function openPdf(bytes: Uint8Array, name: string) {
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy so the caller's bytes stay intact for hashing.
    return await getDocumentProxy(new Uint8Array(bytes));
  } catch (error) {
    const password = (error as Error).name === 'PasswordException';
    throw new AppError('corrupt_document', `${name} cannot be read as a PDF (${password ? 'it is password-protected' : (error as Error).message}).`);
  }
}

/**
 * Reads a PDF's text layer with unpdf (pdf.js) in reading order, page by page; `pages` records where each page
 * starts in the text, so chunks and citations can name their page. The title is the PDF's own Title (a page printed
 * from HTML keeps its `<title>`), else the first heading-like line. A PDF with no text at all is a scan:
 * `no_text_layer`, since OCR is not done here.
 */
export const pdfLoader: DocumentLoader = {
  format: 'pdf',
  async load(input, options) {
    const pdf = await openPdf(input.bytes, input.name);
    try {
      if (pdf.numPages > options.maxPages) {
        throw new AppError('payload_too_large', `${input.name} has ${pdf.numPages} pages, more than the ${options.maxPages} read.`);
      }
      const { items } = await extractTextItems(pdf);
      const pages: PageStart[] = [];
      let text = '';
      items.forEach((pageItems, i) => {
        const page = pageText(pageItems);
        if (!page) return;
        if (text) text += '\n\n';
        pages.push({ page: i + 1, start: text.length });
        text += page;
      });
      if (!/\p{L}/u.test(text)) {
        throw new AppError('no_text_layer', `${input.name} has no text layer (it looks scanned); OCR is not supported: upload a PDF with selectable text, or the release as HTML or text.`);
      }
      const { info } = await getMeta(pdf);
      const title = typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim() : findTitle(text.split('\n'));
      return { text, title, pages };
    } finally {
      await pdf.destroy();
    }
  },
};
