import { describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../src/corpus/load-corpus.js';
import { createChunker } from '../../src/ingest/chunk-document.js';
import { encodeTexts, openTexts, textsIn } from '../../src/index/stored-texts.js';

const documents: CorpusDocument[] = [
  { id: 'a.txt', title: 'Réfugiés 🌍', date: '2020-01-02', language: 'fr', text: 'Première phrase, avec des accents : é, œ, ü. '.repeat(40), hash: 'h1' },
  { id: 'b/c.md', title: 'Second', date: null, language: 'en', text: 'A plain English sentence about water. '.repeat(30), hash: 'h2' },
];
const chunks = documents.flatMap((d) => createChunker({ chunkSize: 300, chunkOverlap: 50 }).chunk(d));

function open(encoded = encodeTexts(documents, chunks)) {
  return openTexts(Buffer.from(encoded.documentsJson), textsIn(encoded.texts), Buffer.from(encoded.spans));
}

describe('stored texts', () => {
  it('give back every document and every chunk as they were built', () => {
    const stored = open();
    expect(stored.chunkCount).toBe(chunks.length);
    expect(Array.from({ length: stored.chunkCount }, (_, p) => stored.chunk(p))).toEqual(chunks);
    expect([...stored.documents.values()].map((d) => ({ ...d }))).toEqual(documents);
    expect(stored.documentOf(chunks.length - 1).id).toBe('b/c.md');
  });

  it('read the document of a chunk only when the text of the chunk is used', () => {
    const encoded = encodeTexts(documents, chunks);
    const source = textsIn(encoded.texts);
    const reads: number[] = [];
    const stored = openTexts(Buffer.from(encoded.documentsJson), { size: source.size, read: (offset, bytes) => (reads.push(offset), source.read(offset, bytes)) }, Buffer.from(encoded.spans));
    const last = stored.chunk(chunks.length - 1)!;
    expect([last.id, last.docId, last.start, last.end]).toEqual([chunks.at(-1)!.id, 'b/c.md', chunks.at(-1)!.start, chunks.at(-1)!.end]);
    expect(reads).toEqual([]);
    expect(last.text).toBe(chunks.at(-1)!.text);
    expect(stored.chunk(chunks.length - 2)!.text).toBe(chunks.at(-2)!.text);
    expect(reads).toHaveLength(1);
  });

  it('answer undefined for a position past the end', () => {
    expect(open().chunk(chunks.length)).toBeUndefined();
  });

  it('report a span that runs past its document as corrupt', () => {
    const encoded = encodeTexts(documents, chunks);
    const spans = new Uint32Array(encoded.spans.buffer.slice(0));
    spans[3] = documents[0]!.text.length + 1;
    expect(() => open({ ...encoded, spans: new Uint8Array(spans.buffer) })).toThrow(expect.objectContaining({ code: 'index_corrupt' }));
  });

  it('report a truncated texts file as corrupt', () => {
    const encoded = encodeTexts(documents, chunks);
    expect(() => open({ ...encoded, texts: encoded.texts.subarray(0, 10) })).toThrow(expect.objectContaining({ code: 'index_corrupt' }));
  });
});
