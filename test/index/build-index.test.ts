import { appendFile, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createHashEmbeddings } from '../../src/embeddings/create-embeddings.js';
import { createChunker } from '../../src/ingest/chunk-document.js';
import { buildIndex } from '../../src/index/build-index.js';
import { readManifest } from '../../src/index/manifest.js';
import { openIndex, readIndexData } from '../../src/index/open-index.js';
import { createNodeRetriever } from '../../src/runtime/node-runtime.js';
import { copySeeds, corruptSilently, tempDir } from '../helpers/fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
let corpusDir: string;
let indexDir: string;
const chunker = createChunker();

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  corpusDir = await copySeeds(dir);
  indexDir = join(dir, 'index');
});
afterEach(async () => cleanup());

async function build(dimension = 512) {
  return buildIndex({ documents: await loadCorpus(corpusDir), indexDir, embeddings: createHashEmbeddings(dimension), chunker });
}

describe('buildIndex', () => {
  it('round-trips: a loaded index returns the same results as the freshly built one', async () => {
    const built = await build();
    expect(built.manifest.counts.documents).toBe(5);
    expect(built.embeddedChunks).toBe(built.manifest.counts.chunks);
    const first = createNodeRetriever({ embeddings: createHashEmbeddings(512), index: await openIndex(indexDir) });
    const question = 'Combien de délégations ont participé à la conférence ?';
    const before = await first.search(question, { k: 5 });
    const second = createNodeRetriever({ embeddings: createHashEmbeddings(512), index: await openIndex(indexDir) });
    const after = await second.search(question, { k: 5 });
    expect(after.map((p) => [p.chunk.id, p.score])).toEqual(before.map((p) => [p.chunk.id, p.score]));
    expect(before.length).toBe(5);
  });

  it('re-embeds only the edited document and drops a removed one', async () => {
    const first = await build();
    const countOf = (id: string) => first.manifest.documents.find((d) => d.id === id)!.chunks;
    await appendFile(join(corpusDir, '002_5a2f6f364a3714b2.txt'), '\nUn paragraphe ajouté pour tester la réindexation incrémentale.\n');
    const { rm } = await import('node:fs/promises');
    await rm(join(corpusDir, '000_9a6274aa62985936.txt'));
    const second = await build();
    expect(second.updated).toEqual(['002_5a2f6f364a3714b2.txt']);
    expect(second.removed).toEqual(['000_9a6274aa62985936.txt']);
    expect(second.added).toEqual([]);
    const changedChunks = second.manifest.documents.find((d) => d.id === '002_5a2f6f364a3714b2.txt')!.chunks;
    expect(second.embeddedChunks).toBe(changedChunks);
    expect(second.reusedChunks).toBe(first.manifest.counts.chunks - countOf('000_9a6274aa62985936.txt') - countOf('002_5a2f6f364a3714b2.txt'));
    const index = await openIndex(indexDir);
    expect([...index.documents.keys()]).not.toContain('000_9a6274aa62985936.txt');
    expect(Array.from({ length: index.chunkCount }, (_, p) => index.chunk(p)!).some((c) => c.text.includes('réindexation incrémentale'))).toBe(true);
  });

  it('keeps only the current data folder after a rebuild', async () => {
    await build();
    await build();
    const { readdir } = await import('node:fs/promises');
    const entries = (await readdir(indexDir)).filter((e) => e.startsWith('data-'));
    expect(entries).toEqual([(await readManifest(indexDir)).dataDir]);
  });
});

describe('buildIndex in worker threads', () => {
  it('writes the same chunks, vectors, stems and graph settings as a build in one thread', async () => {
    const documents = await loadCorpus(corpusDir);
    const embeddings = createHashEmbeddings(512);
    const single = await buildIndex({ documents, indexDir: join(dir, 'one'), embeddings, chunker, threads: 1 });
    const threaded = await buildIndex({ documents, indexDir: join(dir, 'two'), embeddings, chunker, threads: 2, parallelFrom: 0, batchSize: 7 });
    const read = (root: string, manifest: typeof single.manifest, name: string) => readFile(join(root, manifest.dataDir, name));
    for (const name of ['vectors.f32', 'lexical.bin', 'chunks.bin', 'texts.bin', 'documents.json', 'acronyms.json']) {
      expect((await read(join(dir, 'two'), threaded.manifest, name)).equals(await read(join(dir, 'one'), single.manifest, name))).toBe(true);
    }
    expect(threaded.manifest.hnsw).toEqual(single.manifest.hnsw);
    const search = async (root: string) => (await createNodeRetriever({ embeddings, index: await openIndex(root) }).search('réfugiés vénézuéliens', { k: 5 })).map((p) => p.chunk.id);
    expect(await search(join(dir, 'two'))).toEqual(await search(join(dir, 'one')));
  });
});

describe('opening an index', () => {
  it('defers the full checksum: a flipped byte with its time restored is found by verify()', async () => {
    await build();
    const manifest = await readManifest(indexDir);
    const path = join(indexDir, manifest.dataDir, 'vectors.f32');
    const bytes = await readFile(path);
    bytes[bytes.length >> 1] ^= 0xff;
    await corruptSilently(indexDir, 'vectors.f32', bytes);
    const index = await openIndex(indexDir);
    await expect(index.verify()).rejects.toMatchObject({ code: 'index_corrupt', message: expect.stringMatching(/vectors\.f32 is corrupt/) });
  });

  it('centres and shards the graph as the manifest says, and finds a chunk by its own text', async () => {
    await buildIndex({ documents: await loadCorpus(corpusDir), indexDir, embeddings: createHashEmbeddings(512), chunker, hnsw: { center: true, shards: 2 } });
    const index = await openIndex(indexDir);
    expect(index.graphs).toHaveLength(2);
    expect(index.center).toHaveLength(512);
    const target = index.chunk(index.chunkCount - 1)!;
    const retriever = createNodeRetriever({ embeddings: createHashEmbeddings(512), index });
    const [best] = await retriever.search(target.text, { k: 1, mode: 'vector' });
    expect(best!.chunk.id).toBe(target.id);
  });
});

describe('openIndex errors', () => {
  it('says to run npm run index when there is no index', async () => {
    await expect(openIndex(indexDir)).rejects.toMatchObject({ code: 'index_missing', message: expect.stringMatching(/npm run index/) });
  });

  it('rejects a query embedder of another dimension with the documented message', async () => {
    await build(512);
    const index = await openIndex(indexDir);
    expect(() => createNodeRetriever({ embeddings: createHashEmbeddings(256), index })).toThrow(
      /Index built with hash\/hash-v4 \(512 dimensions\), query embedder is hash\/hash-v4 \(256 dimensions\): run npm run index/,
    );
  });

  it('reports a truncated HNSW file as corrupt', async () => {
    await build();
    const manifest = await readManifest(indexDir);
    await truncate(join(indexDir, manifest.dataDir, 'hnsw-0.bin'), 100);
    await expect(openIndex(indexDir)).rejects.toMatchObject({ code: 'index_corrupt', message: expect.stringMatching(/hnsw-0\.bin is corrupt.*npm run index/) });
  });

  it('re-embeds everything when the stored vectors are truncated', async () => {
    await build();
    const manifest = await readManifest(indexDir);
    await truncate(join(indexDir, manifest.dataDir, 'vectors.f32'), 100);
    await expect(readIndexData(indexDir)).rejects.toMatchObject({ code: 'index_corrupt', message: expect.stringMatching(/vectors\.f32 is corrupt/) });
    const rebuilt = await build();
    expect(rebuilt.embeddedChunks).toBe(rebuilt.manifest.counts.chunks);
  });

  it('reports a flipped byte in the HNSW graph as corrupt', async () => {
    await build();
    const manifest = await readManifest(indexDir);
    const path = join(indexDir, manifest.dataDir, 'hnsw-0.bin');
    const bytes = await readFile(path);
    bytes[bytes.length >> 1] ^= 0xff;
    await writeFile(path, bytes);
    await expect(openIndex(indexDir)).rejects.toMatchObject({ code: 'index_corrupt' });
  });

  it('reports a manifest that is not JSON as corrupt', async () => {
    await build();
    await writeFile(join(indexDir, 'manifest.json'), '{"format": 1, "dataDir": ');
    await expect(openIndex(indexDir)).rejects.toMatchObject({ code: 'index_corrupt', message: expect.stringMatching(/not valid JSON/) });
  });

  it('rebuilds from scratch over a corrupt index', async () => {
    await build();
    const manifest = await readManifest(indexDir);
    await truncate(join(indexDir, manifest.dataDir, 'chunks.bin'), 10);
    const rebuilt = await build();
    expect(rebuilt.embeddedChunks).toBe(rebuilt.manifest.counts.chunks);
    await expect(openIndex(indexDir)).resolves.toBeDefined();
  });
  it('opens an index without reading texts.bin: a document is read from it when first used', async () => {
    const built = await build();
    const index = await openIndex(indexDir);
    const path = join(indexDir, built.manifest.dataDir, 'texts.bin');
    const original = await readFile(path);
    // Same size, other bytes, written after opening: what a document reads shows when the file was read.
    await writeFile(path, Buffer.alloc(original.length, 'x'));
    const [first] = index.documents.values();
    expect(first!.text).toMatch(/^x+$/);
  });

  it('keeps serving the texts of an opened index after a rebuild removed its data folder', async () => {
    await build();
    const index = await openIndex(indexDir);
    const expected = (await readIndexData(indexDir)).documents.get('001_b75e72ff1d10ce48.txt')!.text;
    await appendFile(join(corpusDir, '002_5a2f6f364a3714b2.txt'), '\nUn paragraphe ajouté.\n');
    const rebuilt = await build();
    expect(rebuilt.manifest.dataDir).not.toBe(index.manifest.dataDir);
    expect(index.documents.get('001_b75e72ff1d10ce48.txt')!.text).toBe(expected);
  });

  it('reports texts.bin cut short after opening as corrupt when a document is read', async () => {
    const built = await build();
    const index = await openIndex(indexDir);
    await truncate(join(indexDir, built.manifest.dataDir, 'texts.bin'), 10);
    const last = [...index.documents.values()].at(-1)!;
    expect(() => last.text).toThrow(expect.objectContaining({ code: 'index_corrupt' }));
  });
  it('opened with the graphs in the background, searches wait for them and rank as a fully opened index does', async () => {
    await build();
    const question = 'Combien de délégations ont participé à la conférence ?';
    const opened = createNodeRetriever({ embeddings: createHashEmbeddings(512), index: await openIndex(indexDir) });
    const background = createNodeRetriever({ embeddings: createHashEmbeddings(512), index: await openIndex(indexDir, { graphsInBackground: true }) });
    const expected = await opened.search(question, { k: 5, mode: 'vector' });
    expect(expected).toHaveLength(5);
    expect((await background.search(question, { k: 5, mode: 'vector' })).map((p) => [p.chunk.id, p.score])).toEqual(expected.map((p) => [p.chunk.id, p.score]));
  });

  it('opened with the graphs in the background, reports a graph that passes the start-up check but cannot be loaded when it fails, and fails vector searches the same way', async () => {
    const built = await build();
    const path = join(indexDir, built.manifest.dataDir, 'hnsw-0.bin');
    const bytes = await readFile(path);
    // Same size and time (the start-up check passes), but the element count in the header no longer fits the file.
    bytes.writeBigUInt64LE(1n, 16);
    await corruptSilently(indexDir, 'hnsw-0.bin', bytes);
    const index = await openIndex(indexDir, { graphsInBackground: true });
    await expect(index.graphsLoaded).rejects.toMatchObject({ code: 'index_corrupt', message: expect.stringMatching(/hnsw-0\.bin.*npm run index/) });
    const retriever = createNodeRetriever({ embeddings: createHashEmbeddings(512), index });
    await expect(retriever.search('délégations', { k: 5, mode: 'vector' })).rejects.toMatchObject({ code: 'index_corrupt' });
    await expect(openIndex(indexDir)).rejects.toMatchObject({ code: 'index_corrupt' });
  });
});
