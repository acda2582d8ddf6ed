import type { CorpusDocument } from '../corpus/load-corpus.js';
import { AppError } from '../errors.js';
import { chunkAt, type Chunk } from '../ingest/chunk-document.js';

/** A document as `documents.json` lists it: everything but its text, which `texts.bin` holds. */
interface DocumentEntry extends Omit<CorpusDocument, 'text'> {
  /** Byte offset of the text in `texts.bin` and its length in bytes (UTF-8) and in UTF-16 code units. */
  offset: number;
  bytes: number;
  length: number;
}

/** Uint32 words per chunk in `chunks.bin`: document ordinal, chunk index, start, end. */
const SPAN_WORDS = 4;

/** The files that hold an index's documents and chunk spans. */
export interface EncodedTexts {
  /** Documents without their texts (small: parsed at once). */
  documentsJson: string;
  /** The documents' texts, UTF-8, one after the other (decoded only when a document is read). */
  texts: Uint8Array;
  /** Each chunk's span as four Uint32: document ordinal, chunk index, start, end (characters of the text). */
  spans: Uint8Array;
}

/** Encodes documents and the spans of their chunks (chunk position = order of `chunks`). */
export function encodeTexts(documents: CorpusDocument[], chunks: Array<Pick<Chunk, 'docId' | 'chunkIndex' | 'start' | 'end'>>): EncodedTexts {
  const encoded = documents.map((d) => Buffer.from(d.text, 'utf8'));
  let offset = 0;
  const entries: DocumentEntry[] = documents.map(({ text, ...rest }, i) => {
    const entry = { ...rest, offset, bytes: encoded[i]!.length, length: text.length };
    offset += encoded[i]!.length;
    return entry;
  });
  const ordinal = new Map(documents.map((d, i) => [d.id, i]));
  const spans = new Uint32Array(chunks.length * SPAN_WORDS);
  chunks.forEach((c, i) => spans.set([ordinal.get(c.docId)!, c.chunkIndex, c.start, c.end], i * SPAN_WORDS));
  return { documentsJson: JSON.stringify(entries), texts: Buffer.concat(encoded), spans: new Uint8Array(spans.buffer) };
}

/**
 * Where documents' texts are read from: the bytes of `texts.bin` in memory (a build reuses them), or the file itself,
 * read on demand (a server: see `fileTexts` in open-index.ts).
 */
export interface TextSource {
  /** Bytes in all. */
  size: number;
  /** The UTF-8 text of `bytes` bytes from `offset`. */
  read(offset: number, bytes: number): string;
}

/** A {@link TextSource} over bytes in memory. */
export function textsIn(bytes: Uint8Array): TextSource {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return { size: buffer.length, read: (offset, length) => buffer.toString('utf8', offset, offset + length) };
}

/** Documents and chunks of an opened index; chunk objects are made when asked for, from their spans. */
export interface StoredTexts {
  documents: Map<string, CorpusDocument>;
  /** Chunks stored (their positions are the HNSW labels and lexical ids). */
  chunkCount: number;
  /** The chunk at a position, or undefined past the end. */
  chunk(position: number): Chunk | undefined;
  /** The document a chunk position belongs to (for filters: no chunk object is made). */
  documentOf(position: number): CorpusDocument;
}

function corrupt(message: string): AppError {
  return new AppError('index_corrupt', `${message}: run npm run index.`);
}

/**
 * The chunk at a span of a document whose `text` is sliced from the document's text the first time it is read: a
 * search ranks about a hundred candidates by their spans and documents alone and returns a few, so only the
 * documents of the passages returned are read from `texts.bin` (reading every candidate's document was most of a
 * search's tail at 100k chunks: README Performance).
 */
function unreadChunk(document: CorpusDocument, chunkIndex: number, span: { start: number; end: number }): Chunk {
  // The document's fields but its text, which chunkAt would read.
  const { id, title, date, language, pages } = document;
  const chunk = chunkAt({ id, title, date, language, pages, text: '' }, chunkIndex, span);
  Object.defineProperty(chunk, 'text', {
    enumerable: true,
    configurable: true,
    get() {
      const text = document.text.slice(span.start, span.end);
      Object.defineProperty(chunk, 'text', { value: text, enumerable: true, writable: true });
      return text;
    },
  });
  return chunk;
}

/**
 * Opens the stored texts without reading them: each document's `text` is read from `texts` the first time it is
 * used, and chunks are made on demand (their text, too, when used). Every span is checked against its document's
 * length here, so a chunk never points outside its text.
 */
export function openTexts(documentsJson: Buffer, texts: TextSource, spanBytes: Buffer): StoredTexts {
  let entries: DocumentEntry[];
  try {
    entries = JSON.parse(documentsJson.toString('utf8')) as DocumentEntry[];
  } catch {
    throw corrupt('Index file documents.json is not valid JSON');
  }
  const list: CorpusDocument[] = entries.map(({ offset, bytes, length: _length, ...rest }) => {
    if (!Number.isInteger(offset) || !Number.isInteger(bytes) || offset < 0 || offset + bytes > texts.size) throw corrupt(`Index document ${rest.id} lies outside texts.bin`);
    const document = { ...rest } as CorpusDocument;
    // Read once, on first use: opening a 100k-chunk index reads none of its 50 MB of text.
    Object.defineProperty(document, 'text', {
      enumerable: true,
      configurable: true,
      get() {
        const text = texts.read(offset, bytes);
        Object.defineProperty(document, 'text', { value: text, enumerable: true, writable: true });
        return text;
      },
    });
    return document;
  });
  if (spanBytes.length % (SPAN_WORDS * 4) !== 0) throw corrupt('Index file chunks.bin has a partial record');
  // Copy into an aligned buffer: Buffer slices may start at any byte offset.
  const spans = new Uint32Array(new Uint8Array(spanBytes).buffer);
  const chunkCount = spans.length / SPAN_WORDS;
  for (let p = 0, w = 0; p < chunkCount; p++, w += SPAN_WORDS) {
    // Indexed reads, not a subarray per chunk: this loop runs over every chunk at every start.
    const entry = entries[spans[w]!];
    if (!entry || spans[w + 2]! >= spans[w + 3]! || spans[w + 3]! > entry.length) throw corrupt(`Index chunk ${p} does not match its document`);
  }
  const documentOf = (position: number) => list[spans[position * SPAN_WORDS]!]!;
  return {
    documents: new Map(list.map((d) => [d.id, d])),
    chunkCount,
    documentOf,
    chunk(position) {
      if (!Number.isInteger(position) || position < 0 || position >= chunkCount) return undefined;
      const w = position * SPAN_WORDS;
      return unreadChunk(documentOf(position), spans[w + 1]!, { start: spans[w + 2]!, end: spans[w + 3]! });
    },
  };
}
