import { cleanText } from './clean-text.js';
import { decodeUtf8 } from './decode-utf8.js';
import type { DocumentLoader } from './document-loader.js';

/**
 * Reads plain text and Markdown as the corpus always has: UTF-8, cleaned by `cleanText` (navigation at the top
 * of a scraped page stripped, headline picked as title). Markdown is read as text: its marks are few in a release.
 */
export const textLoader: DocumentLoader = {
  format: 'text',
  async load(input) {
    const cleaned = cleanText(decodeUtf8(input.bytes, input.name));
    return { text: cleaned.text, title: cleaned.title };
  },
};
