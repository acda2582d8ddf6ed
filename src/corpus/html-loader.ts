import { AppError } from '../errors.js';
import { normalizeLines } from './clean-text.js';
import { decodeUtf8 } from './decode-utf8.js';
import type { DocumentLoader } from './document-loader.js';
import { primaryLanguage, readHtmlMetadata } from './html-metadata.js';

/** Elements after which the text breaks into a new paragraph. */
const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL']);

/** The text of an element with one blank line between blocks and a line break for `<br>`, as the chunker expects. */
function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'BR') return void parts.push('\n');
    const block = BLOCK.has(tag);
    if (block) parts.push('\n\n');
    node.childNodes.forEach(walk);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return normalizeLines(parts.join(''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Reads an HTML page: metadata from its head (see `readHtmlMetadata`), then the article alone, found by Mozilla's
 * Readability over a linkedom DOM, which drops navigation, footers, cookie banners and share blocks. The text opens
 * with the headline, so that it is cited and searched like a text file's first line.
 */
export const htmlLoader: DocumentLoader = {
  format: 'html',
  async load(input) {
    // Imported at the first HTML page, not at every start: linkedom costs about 0.3 s of CPU to load (README Performance).
    const [{ Readability }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
    const { document } = parseHTML(decodeUtf8(input.bytes, input.name));
    // Read before Readability, which rewrites the document it is given.
    const metadata = readHtmlMetadata(document as unknown as Document);
    const article = new Readability<Node>(document as unknown as Document, { serializer: (node) => node }).parse();
    if (!article?.content) throw new AppError('empty_document', `${input.name} is an HTML page with no article text.`);
    const body = blockText(article.content);
    const title = metadata.title ?? article.title ?? null;
    const text = title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
    return {
      text,
      title,
      date: metadata.date ?? null,
      language: metadata.language ?? primaryLanguage(article.lang),
      publisher: metadata.publisher ?? article.siteName ?? null,
      url: metadata.url,
    };
  },
};
