import type { CorpusDocument } from './load-corpus.js';

/** A file handed to the loaders: its bytes, the name it came with and, optionally, the MIME type its sender declared. */
export interface LoadInput {
  bytes: Uint8Array;
  /** The file name as given (used for the id and the fallback title, never as a path). */
  name: string;
  /** Declared MIME type (e.g. a multipart part's `Content-Type`); content decides, this only has to agree with it. */
  type?: string;
}

/** A loaded communiqué: the corpus document every later stage reads, plus what its format could tell. */
export type LoadedDocument = CorpusDocument;

/** The formats the loaders read, as found from the content. */
export type DocumentFormat = 'html' | 'pdf' | 'docx' | 'markdown' | 'text';

/** What a loader extracts from one file, before ids, hashes and fallbacks are filled in by `loadDocument`. */
export interface ExtractedText {
  /** The readable text, paragraphs separated by blank lines. */
  text: string;
  title?: string | null;
  date?: string | null;
  language?: string | null;
  publisher?: string | null;
  url?: string | null;
  /** For paged formats: where each page starts in `text` (see `PageStart`). */
  pages?: PageStart[];
}

/** The character offset in a document's text at which a page begins (pages numbered from 1). */
export interface PageStart {
  page: number;
  start: number;
}

/** Limits every loader honours: one documented policy object, merged with the caller's once in `loadDocument`. */
export interface LoadDocumentOptions {
  /** Largest file accepted, in bytes (5 MB: a long communiqué as PDF is well under 1 MB). */
  maxBytes: number;
  /** Largest total uncompressed size a `.docx` may declare, in bytes (20 MB: text and a few images). */
  maxUnzippedBytes: number;
  /** Highest ratio of declared uncompressed to compressed size for any entry of a `.docx` (XML compresses ~10×; bombs ~1000×). */
  maxCompressionRatio: number;
  /** Most entries a `.docx` may hold (a real one has a few dozen). */
  maxZipEntries: number;
  /** Most PDF pages read (a communiqué has a handful; a 2,000-page PDF is not one). */
  maxPages: number;
}

/** Defaults of {@link LoadDocumentOptions}. */
export const defaultLoadDocumentOptions: LoadDocumentOptions = {
  maxBytes: 5_000_000,
  maxUnzippedBytes: 20_000_000,
  maxCompressionRatio: 100,
  maxZipEntries: 1000,
  maxPages: 500,
};

/** Turns the bytes of one format into text and metadata; throws an `AppError` with a clear message when it cannot. */
export interface DocumentLoader {
  format: DocumentFormat;
  load(input: LoadInput, options: LoadDocumentOptions): Promise<ExtractedText>;
}
