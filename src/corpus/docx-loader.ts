import { zipSync } from 'fflate';
import { AppError } from '../errors.js';
import { cleanText } from './clean-text.js';
import type { DocumentLoader } from './document-loader.js';
import { unzipGuarded } from './unzip-guarded.js';

/**
 * Reads a Word .docx as raw text with mammoth (a paragraph a line, blank lines between). The archive is unpacked
 * first within the limits of `LoadDocumentOptions` (see `unzipGuarded`) and handed to mammoth re-packed without
 * compression, so mammoth never inflates anything the guard has not counted.
 */
export const docxLoader: DocumentLoader = {
  format: 'docx',
  async load(input, options) {
    const files = unzipGuarded(input.bytes, input.name, options);
    if (!files['word/document.xml']) throw new AppError('unsupported_media_type', `${input.name} is a zip archive without word/document.xml, not a Word document.`);
    // Imported at the first .docx, not at every start: mammoth costs about 0.2 s of CPU to load (README Performance).
    const { default: mammoth } = await import('mammoth');
    let raw: string;
    try {
      raw = (await mammoth.extractRawText({ buffer: Buffer.from(zipSync(files, { level: 0 })) })).value;
    } catch (error) {
      throw new AppError('corrupt_document', `${input.name} cannot be read as a Word document (${(error as Error).message}).`);
    }
    const cleaned = cleanText(raw);
    return { text: cleaned.text, title: cleaned.title };
  },
};
