import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createHashEmbeddings } from '../../src/embeddings/create-embeddings.js';
import { createChunker } from '../../src/ingest/chunk-document.js';
import { buildIndex } from '../../src/index/build-index.js';
import { openIndex } from '../../src/index/open-index.js';
import { loadLexicon } from '../../src/retrieval/bilingual-lexicon.js';
import { createNodeRetriever, type NodeRetriever as Retriever } from '../../src/runtime/node-runtime.js';
import { seedsDir, tempDir, type FixtureQuestion } from '../helpers/fixtures.js';

const questions: FixtureQuestion[] = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/questions.json'), 'utf8'));
let retriever: Retriever;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  const indexDir = join(temp.dir, 'index');
  const embeddings = createHashEmbeddings(512);
  await buildIndex({ documents: await loadCorpus(seedsDir), indexDir, embeddings, chunker: createChunker() });
  const { lexicon } = await loadLexicon('/usr/share/dictd');
  if (!lexicon) console.warn('FreeDict dictionaries missing: English questions run without cross-language expansion.');
  retriever = createNodeRetriever({ embeddings, index: await openIndex(indexDir), lexicon });
});
afterAll(async () => cleanup());

describe('hybrid retrieval on the seeds', () => {
  for (const language of ['fr', 'en'] as const) {
    for (const q of questions.filter((x) => x.language === language)) {
      it(`finds ${q.source} in the top 3 for "${q.question}"`, async () => {
        const passages = await retriever.search(q.question, { k: 3 });
        expect(passages.map((p) => p.chunk.docId)).toContain(q.source);
      });
    }
  }

  it('covers all five documents in both languages', () => {
    for (const language of ['fr', 'en']) {
      expect(new Set(questions.filter((q) => q.language === language).map((q) => q.source)).size).toBe(5);
    }
  });

  it('returns passages with a span and a score between 0 and 1, the best first', async () => {
    const passages = await retriever.search('réfugiés vénézuéliens', { k: 5 });
    expect(passages[0]!.chunk.docId).toBe('004_5bf88d405e48ee85.txt');
    for (const p of passages) {
      expect(p.score).toBeGreaterThan(0);
      expect(p.score).toBeLessThanOrEqual(1);
      expect(p.chunk.end).toBeGreaterThan(p.chunk.start);
    }
    // Later ranks are reordered for diversity, but nothing outranks the first passage.
    expect(Math.max(...passages.map((p) => p.score))).toBe(passages[0]!.score);
  });

  it('lets a second matching document in instead of five chunks of one', async () => {
    const passages = await retriever.search("coopération entre l'OIM et le Luxembourg et la Belgique", { k: 5 });
    const docs = new Set(passages.map((p) => p.chunk.docId));
    expect(docs.has('000_9a6274aa62985936.txt')).toBe(true);
    expect(docs.has('002_5a2f6f364a3714b2.txt')).toBe(true);
  });

  it('never returns two chunks that mostly overlap', async () => {
    const passages = await retriever.search('Venezuela crise réfugiés migrants conférence solidarité', { k: 10 });
    for (const a of passages) for (const b of passages) {
      if (a === b || a.chunk.docId !== b.chunk.docId) continue;
      const overlap = Math.min(a.chunk.end, b.chunk.end) - Math.max(a.chunk.start, b.chunk.start);
      expect(overlap / Math.min(a.chunk.end - a.chunk.start, b.chunk.end - b.chunk.start)).toBeLessThanOrEqual(0.5);
    }
  });

  it('applies source and date filters', async () => {
    const onlyBelgium = await retriever.search('migration', { k: 5, filters: { sources: ['002_5a2f6f364a3714b2.txt'] } });
    expect(new Set(onlyBelgium.map((p) => p.chunk.docId))).toEqual(new Set(['002_5a2f6f364a3714b2.txt']));
    const in2019 = await retriever.search('migration', { k: 10, filters: { from: '2019-01-01', to: '2019-12-31' } });
    expect(in2019.length).toBeGreaterThan(0);
    for (const p of in2019) expect(p.chunk.date).toBe('2019-10-29');
  });

  it('answers vector-only and lexical-only modes', async () => {
    const vector = await retriever.search('délégations conférence', { k: 3, mode: 'vector' });
    const lexical = await retriever.search('délégations conférence', { k: 3, mode: 'lexical' });
    expect(vector.every((p) => p.lexicalScore === null && p.vectorScore !== null)).toBe(true);
    expect(lexical.every((p) => p.vectorScore === null && p.lexicalScore !== null)).toBe(true);
  });
});
