import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, type CorpusDocument } from '../../src/corpus/load-corpus.js';
import { createHashEmbeddings } from '../../src/embeddings/create-embeddings.js';
import { createChunker } from '../../src/ingest/chunk-document.js';
import { buildIndex } from '../../src/index/build-index.js';
import { encodeLexicalIndex, openLexicalIndex, updateLexicalIndex } from '../../src/index/lexical-index.js';
import { readManifest } from '../../src/index/manifest.js';
import { openIndex } from '../../src/index/open-index.js';
import { updateIndex } from '../../src/index/update-index.js';
import { createNodeRetriever } from '../../src/runtime/node-runtime.js';
import { corpusBDir } from '../helpers/seeds-runtime.js';
import { seedsDir, tempDir } from '../helpers/fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
const chunker = createChunker();
const embeddings = createHashEmbeddings(512);

beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

/** Both corpora in one folder: the seeds at the top, the second corpus under uploads/ (ids that sort last). */
async function bothCorpora(): Promise<CorpusDocument[]> {
  const corpus = join(dir, 'corpus');
  await cp(seedsDir, corpus, { recursive: true });
  await cp(corpusBDir, join(corpus, 'uploads'), { recursive: true });
  return loadCorpus(corpus);
}

const queries = [
  'Combien de délégués ont participé au forum de Kisumu ?',
  'How much did partners pledge for sanitation around Lake Victoria?',
  'Quel accord la Belgique a-t-elle signé avec l’OIM ?',
  'Which countries host the most Venezuelan refugees?',
  'fonds commun pour l’eau',
  'hurricane appeal',
];

/** Each query's top 8 chunks with their scores, as the retriever returns them. */
async function topResults(indexDir: string) {
  const retriever = createNodeRetriever({ embeddings, index: await openIndex(indexDir) });
  const results = [];
  for (const q of queries) results.push((await retriever.search(q, { k: 8 })).map((p) => `${p.chunk.id} ${p.score.toFixed(6)}`));
  return results;
}

describe('updateIndex', () => {
  it('gives the same top results as a full build after adding documents one by one', async () => {
    const documents = await bothCorpora();
    const seeds = documents.filter((d) => !d.id.startsWith('uploads/'));
    const incremental = join(dir, 'incremental');
    await buildIndex({ documents: seeds, indexDir: incremental, embeddings, chunker });
    for (const document of documents.filter((d) => d.id.startsWith('uploads/'))) {
      await updateIndex({ indexDir: incremental, embeddings, chunker, add: [document] });
    }
    const full = join(dir, 'full');
    await buildIndex({ documents, indexDir: full, embeddings, chunker });
    const expected = await topResults(full);
    expect(expected.flat().some((line) => line.startsWith('uploads/'))).toBe(true);
    expect(await topResults(incremental)).toEqual(expected);
  });

  it('writes format-3 files (metadata, texts, spans, acronyms mined again) that hold what a full build holds', async () => {
    const documents = await bothCorpora();
    const incremental = join(dir, 'incremental');
    await buildIndex({ documents: documents.filter((d) => !d.id.startsWith('uploads/')), indexDir: incremental, embeddings, chunker });
    await updateIndex({ indexDir: incremental, embeddings, chunker, add: documents.filter((d) => d.id.startsWith('uploads/')) });
    const full = join(dir, 'full');
    await buildIndex({ documents, indexDir: full, embeddings, chunker });
    const manifest = await readManifest(incremental);
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['documents.json', 'texts.bin', 'chunks.bin', 'acronyms.json']));
    expect(Object.keys(manifest.files)).not.toContain('chunks.json');
    const [updated, rebuilt] = [await openIndex(incremental), await openIndex(full)];
    await expect(updated.verify()).resolves.toBeUndefined();
    // The second corpus (added in place) defines the acronyms: they are in the updated index as in the rebuilt one.
    expect(updated.acronyms.flatMap((e) => e.fr)).toContain('RIEA');
    expect(updated.acronyms).toEqual(rebuilt.acronyms);
    const chunksOf = (index: typeof updated) => Array.from({ length: index.chunkCount }, (_, p) => index.chunk(p)).sort((a, b) => a!.id.localeCompare(b!.id));
    expect(chunksOf(updated)).toEqual(chunksOf(rebuilt));
    expect([...updated.documents.values()].map((d) => [d.id, d.text])).toEqual([...rebuilt.documents.values()].map((d) => [d.id, d.text]));
  });

  it('gives the same top results as a full build after removing documents', async () => {
    const documents = await bothCorpora();
    const removed = ['uploads/b03_forum_kisumu_fr.txt', '002_5a2f6f364a3714b2.txt'];
    const incremental = join(dir, 'incremental');
    await buildIndex({ documents, indexDir: incremental, embeddings, chunker });
    const result = await updateIndex({ indexDir: incremental, embeddings, chunker, remove: removed });
    expect(result.removed).toEqual(removed);
    const full = join(dir, 'full');
    await buildIndex({ documents: documents.filter((d) => !removed.includes(d.id)), indexDir: full, embeddings, chunker });
    const expected = await topResults(full);
    expect(await topResults(incremental)).toEqual(expected);
    const index = await openIndex(incremental);
    expect([...index.documents.keys()]).not.toContain(removed[0]);
    expect(Array.from({ length: index.chunkCount }, (_, p) => index.documentOf(p).id).some((id) => removed.includes(id))).toBe(false);
  });

  it('grows the HNSW graph past its capacity and keeps deleted labels out of the results', async () => {
    const documents = await bothCorpora();
    const indexDir = join(dir, 'index');
    await buildIndex({ documents: documents.slice(0, 2), indexDir, embeddings, chunker });
    const before = await openIndex(indexDir);
    const capacity = before.graphs[0]!.getMaxElements();
    await updateIndex({ indexDir, embeddings, chunker, add: documents.slice(2) });
    await updateIndex({ indexDir, embeddings, chunker, remove: [documents[0]!.id] });
    const index = await openIndex(indexDir);
    expect(index.graphs[0]!.getMaxElements()).toBeGreaterThan(capacity);
    expect(index.labels).not.toBeNull();
    const retriever = createNodeRetriever({ embeddings, index });
    const hits = await retriever.search(documents[0]!.text.slice(0, 400), { k: 50 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((p) => p.chunk.docId === documents[0]!.id)).toBe(false);
  });

  it('writes a new data folder with checksums and leaves only it', async () => {
    const documents = await bothCorpora();
    const indexDir = join(dir, 'index');
    await buildIndex({ documents: documents.slice(0, 5), indexDir, embeddings, chunker });
    const oldManifest = await readManifest(indexDir);
    await updateIndex({ indexDir, embeddings, chunker, add: documents.slice(5, 6) });
    const manifest = await readManifest(indexDir);
    expect(manifest.dataDir).not.toBe(oldManifest.dataDir);
    expect(manifest.counts.documents).toBe(6);
    expect(manifest.updatedAt).toEqual(expect.any(String));
    expect((await readdir(indexDir)).filter((e) => e.startsWith('data-'))).toEqual([manifest.dataDir]);
    // Every file matches its checksum in full.
    await (await openIndex(indexDir)).verify();
  });

  it('refuses to remove a document the index does not hold', async () => {
    const documents = await bothCorpora();
    const indexDir = join(dir, 'index');
    await buildIndex({ documents: documents.slice(0, 2), indexDir, embeddings, chunker });
    await expect(updateIndex({ indexDir, embeddings, chunker, remove: ['nope.txt'] })).rejects.toMatchObject({ code: 'not_found' });
    expect((await readManifest(indexDir)).counts.documents).toBe(2);
  });

  it('lets a full rebuild reuse the vectors an update wrote', async () => {
    const documents = await bothCorpora();
    const indexDir = join(dir, 'index');
    await buildIndex({ documents: documents.slice(0, 4), indexDir, embeddings, chunker });
    await updateIndex({ indexDir, embeddings, chunker, add: documents.slice(4) });
    const rebuilt = await buildIndex({ documents, indexDir, embeddings, chunker });
    expect(rebuilt.embeddedChunks).toBe(0);
    expect(rebuilt.added).toEqual([]);
    expect((await openIndex(indexDir)).labels).toBeNull();
  });
});

describe('updateLexicalIndex', () => {
  const terms = [['migr', 'oim', 'oim'], ['eau', 'fond'], ['kisumu', 'forum', 'eau'], ['oim', 'belgiqu']];

  it('writes the same bytes as encoding the remaining and added chunks from scratch', () => {
    const previous = encodeLexicalIndex(terms);
    const keep = [0, -1, 1, 2];
    const added = [['nouveau', 'eau'], ['zèbre']];
    const updated = updateLexicalIndex(previous, (p) => keep[p]!, added);
    expect(Buffer.from(updated)).toEqual(Buffer.from(encodeLexicalIndex([terms[0]!, terms[2]!, terms[3]!, ...added])));
  });

  it('drops a term whose every chunk was removed', () => {
    const updated = openLexicalIndex(updateLexicalIndex(encodeLexicalIndex(terms), (p) => (p === 2 ? -1 : p > 2 ? p - 1 : p), []));
    expect(updated.documentFrequency('kisumu')).toBe(0);
    expect(updated.documentFrequency('eau')).toBe(1);
    expect(updated.size).toBe(3);
  });
});
