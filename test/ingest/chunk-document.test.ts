import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { loadDocument } from '../../src/corpus/load-document.js';
import { createChunker, passageText } from '../../src/ingest/chunk-document.js';
import { seedsDir } from '../helpers/fixtures.js';
import { uploadInput } from '../helpers/uploads.js';

const documents = await loadCorpus(seedsDir);
const chunker = createChunker({ chunkSize: 500, chunkOverlap: 120 });

describe('createChunker', () => {
  it('gives spans that map back exactly to the source text', () => {
    for (const document of documents) {
      for (const chunk of chunker.chunk(document)) {
        expect(document.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
        expect(chunk.id).toBe(`${document.id}#${chunk.chunkIndex}`);
        expect(chunk.title).toBe(document.title);
      }
    }
  });

  it('never exceeds the size limit', () => {
    for (const document of documents) for (const chunk of chunker.chunk(document)) expect(chunk.text.length).toBeLessThanOrEqual(500);
  });

  it('drops no text: every non-space character is inside some chunk', () => {
    for (const document of documents) {
      const covered = new Uint8Array(document.text.length);
      for (const chunk of chunker.chunk(document)) covered.fill(1, chunk.start, chunk.end);
      const missing = [...document.text].filter((ch, i) => !covered[i] && /\S/.test(ch));
      expect(missing.join('')).toBe('');
    }
  });

  it('overlaps consecutive chunks without going backwards or skipping text', () => {
    const document = documents[4]!;
    const chunks = chunker.chunk(document);
    expect(chunks.length).toBeGreaterThan(3);
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i]!.start).toBeGreaterThan(chunks[i - 1]!.start);
      expect(document.text.slice(chunks[i - 1]!.end, Math.max(chunks[i]!.start, chunks[i - 1]!.end))).toMatch(/^\s*$/);
    }
    expect(chunks.some((c, i) => i > 0 && c.start < chunks[i - 1]!.end)).toBe(true);
  });

  it('cuts a sentence longer than the limit at word boundaries', () => {
    const text = `${'mot '.repeat(400).trim()}.`;
    const chunks = createChunker({ chunkSize: 200, chunkOverlap: 0 }).chunk({ id: 'long.txt', title: 'Long', date: null, language: 'fr', text, hash: 'x' });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(200);
      expect(c.text).toMatch(/^mot/);
    }
  });

  it('embeds the title with the chunk text', () => {
    const [chunk] = chunker.chunk(documents[0]!);
    expect(passageText(chunk!)).toBe(`${documents[0]!.title}\n${chunk!.text}`);
  });

  it('rejects an overlap of half the chunk size or more with a message naming the setting', () => {
    expect(() => createChunker({ chunkSize: 400, chunkOverlap: 200 })).toThrow(/CHUNK_OVERLAP/);
    expect(() => createChunker({ chunkSize: 50 })).toThrow(/CHUNK_SIZE/);
  });
});

describe('createChunker on a paged document (PDF)', () => {
  it('keeps each chunk on one page and gives it that page', async () => {
    const pdf = await loadDocument(await uploadInput('release-two-pages.pdf'));
    const chunks = createChunker({ chunkSize: 300, chunkOverlap: 100 }).chunk(pdf);
    const secondPage = pdf.pages![1]!.start;
    expect(new Set(chunks.map((c) => c.page))).toEqual(new Set([1, 2]));
    for (const chunk of chunks) {
      expect(chunk.page).toBe(chunk.start >= secondPage ? 2 : 1);
      // No chunk starts on page 1 and ends on page 2, overlap included.
      expect(chunk.start < secondPage && chunk.end > secondPage).toBe(false);
      expect(pdf.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    }
    expect(chunks.find((c) => c.text.includes('sept écoles de la Casamance'))?.page).toBe(2);
  });

  it('gives no page to the chunks of an unpaged document', () => {
    for (const chunk of chunker.chunk(documents[0]!)) expect(chunk).not.toHaveProperty('page');
  });
});
