import type { CorpusDocument } from '../corpus/load-corpus.js';
import { pageAt } from '../corpus/page-at.js';
import { AppError } from '../errors.js';
import { sentenceSpans, type Span } from '../text/sentence-spans.js';

/** A span of one document, the unit that is embedded, indexed and cited. */
export interface Chunk {
  /** `<docId>#<chunkIndex>` */
  id: string;
  docId: string;
  title: string;
  date: string | null;
  language: string;
  chunkIndex: number;
  /** Character offsets into the document's clean text: `text === document.text.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** The page the chunk is on, for paged documents (PDF): chunks never cross a page break. */
  page?: number;
}

/** Options of {@link createChunker}. */
export interface ChunkerOptions {
  /** Maximum characters per chunk. */
  chunkSize: number;
  /** Characters of trailing sentences repeated at the start of the next chunk. */
  chunkOverlap: number;
}

/** Defaults: small enough for sentence-level citations, large enough to hold a paragraph's context. */
export const defaultChunkerOptions: ChunkerOptions = { chunkSize: 700, chunkOverlap: 150 };

/** Cuts a span longer than `max` at word boundaries (at a hard limit for a run without spaces). */
function splitLong(text: string, span: Span, max: number): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > max) {
    const window = text.slice(start, start + max + 1);
    const cut = window.lastIndexOf(' ');
    const end = cut > max / 2 ? start + cut : start + max;
    pieces.push({ start, end });
    start = end;
    while (start < span.end && /\s/.test(text[start]!)) start++;
  }
  if (start < span.end) pieces.push({ start, end: span.end });
  return pieces;
}

/** Cuts a span where a page of a paged document begins, so that no unit (and no chunk) spans two pages. */
function splitAtPages(document: Pick<CorpusDocument, 'text' | 'pages'>, span: Span): Span[] {
  const cuts = (document.pages ?? []).map((p) => p.start).filter((start) => start > span.start && start < span.end);
  if (cuts.length === 0) return [span];
  const bounds = [span.start, ...cuts, span.end];
  return bounds.slice(1).flatMap((end, i) => {
    // Each piece without the blank lines that separate the pages.
    const piece = document.text.slice(bounds[i]!, end);
    const start = bounds[i]! + (piece.length - piece.trimStart().length);
    const trimmedEnd = end - (piece.length - piece.trimEnd().length);
    return start < trimmedEnd ? [{ start, end: trimmedEnd }] : [];
  });
}

/** Builds a sentence-aware chunker with overlap; throws on settings that cannot work. */
export function createChunker(options: Partial<ChunkerOptions> = {}) {
  const settings: ChunkerOptions = { ...defaultChunkerOptions, ...options };
  if (!Number.isInteger(settings.chunkSize) || settings.chunkSize < 100) {
    throw new AppError('config', `CHUNK_SIZE must be an integer of at least 100 characters (got ${settings.chunkSize}).`);
  }
  if (!Number.isInteger(settings.chunkOverlap) || settings.chunkOverlap < 0 || settings.chunkOverlap >= settings.chunkSize / 2) {
    throw new AppError('config', `CHUNK_OVERLAP must be an integer from 0 to less than half of CHUNK_SIZE (got ${settings.chunkOverlap}).`);
  }

  /** The spans of a document's chunks, in order (what a build thread computes: see {@link chunkAt}). */
  function spans(document: Pick<CorpusDocument, 'text' | 'language' | 'pages'>): Span[] {
    const { chunkSize, chunkOverlap } = settings;
    const units = sentenceSpans(document.text, document.language)
      .flatMap((s) => splitAtPages(document, s))
      .flatMap((s) => splitLong(document.text, s, chunkSize));
    const samePage = (a: number, b: number) => pageAt(document, units[a]!.start) === pageAt(document, units[b]!.start);
    const chunks: Span[] = [];
    let first = 0;
    while (first < units.length) {
      let last = first;
      while (last + 1 < units.length && units[last + 1]!.end - units[first]!.start <= chunkSize && samePage(first, last + 1)) last++;
      const end = units[last]!.end;
      chunks.push({ start: units[first]!.start, end });
      if (last + 1 >= units.length) break;
      // The next chunk repeats the trailing sentences that fit in the overlap (never across a page break), and
      // always moves forward.
      let next = last + 1;
      while (next - 1 > first && end - units[next - 1]!.start <= chunkOverlap && samePage(next - 1, last + 1)) next--;
      first = next;
    }
    return chunks;
  }

  /** Splits a document into chunks whose spans cover all of its text. */
  function chunk(document: CorpusDocument): Chunk[] {
    return spans(document).map((span, chunkIndex) => chunkAt(document, chunkIndex, span));
  }

  return { options: settings, chunk, spans };
}

/** The chunk of a document at a span (with its page, for paged documents). */
export function chunkAt(document: Pick<CorpusDocument, 'id' | 'title' | 'date' | 'language' | 'text' | 'pages'>, chunkIndex: number, { start, end }: Span): Chunk {
  const chunk: Chunk = { id: `${document.id}#${chunkIndex}`, docId: document.id, title: document.title, date: document.date, language: document.language, chunkIndex, start, end, text: document.text.slice(start, end) };
  return document.pages ? { ...chunk, page: pageAt(document, start) } : chunk;
}

/** A chunker built by {@link createChunker}. */
export type Chunker = ReturnType<typeof createChunker>;

/** The text that represents a chunk for embedding: its document title, then its own text. */
export function passageText(chunk: Pick<Chunk, 'title' | 'text'>): string {
  return `${chunk.title}\n${chunk.text}`;
}
