import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createEmbeddings } from '../../src/embeddings/create-embeddings.js';
import { createChunker } from '../../src/ingest/chunk-document.js';
import { buildIndex } from '../../src/index/build-index.js';
import { openIndex } from '../../src/index/open-index.js';
import { createNodeRetriever } from '../../src/runtime/node-runtime.js';
import { seedsDir, tempDir } from '../helpers/fixtures.js';
import { writeTinyModel } from '../helpers/tiny-model.js';

let dir: string;
let cleanup: () => Promise<void>;
const vocabulary = ['migration', 'migrants', 'refugies', 'oim', 'luxembourg', 'belgique', 'accord', 'pacte', 'query', 'passage', ':', 'probe'];

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeTinyModel(join(dir, 'models'), 'tiny/bert', vocabulary, 8);
});
afterAll(async () => cleanup());

function embeddingsConfig(env: Record<string, string>) {
  return loadConfig({ MODELS_DIR: join(dir, 'models'), EMBEDDING_DTYPE: 'fp32', ...env }, dir).embeddings;
}

describe('transformers embeddings, offline from MODELS_DIR', () => {
  it('loads a local model through transformers.js and reports its dimension', async () => {
    const loaded = await createEmbeddings(embeddingsConfig({ EMBEDDINGS: 'transformers', EMBEDDING_MODEL: 'tiny/bert' }));
    expect(loaded.info).toEqual({ provider: 'transformers', model: 'tiny/bert', dimension: 8 });
    const [a, b] = await loaded.embeddings.embedDocuments(['migration refugies', 'accord belgique']);
    expect(a).toHaveLength(8);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 5);
    expect(a).not.toEqual(b);
  });

  it('adds the e5 prefixes only for e5 models', async () => {
    const e5 = await createEmbeddings(embeddingsConfig({ EMBEDDINGS: 'hash' }));
    expect(e5.info.provider).toBe('hash');
    const { TransformersEmbeddings } = await import('../../src/embeddings/transformers-embeddings.js');
    expect(new TransformersEmbeddings({ model: 'Xenova/multilingual-e5-small', allowRemoteModels: false, dtype: 'q8' }).prefixes).toEqual({ query: 'query: ', passage: 'passage: ' });
    expect(new TransformersEmbeddings({ model: 'tiny/bert', allowRemoteModels: false, dtype: 'q8' }).prefixes).toEqual({ query: '', passage: '' });
  });

  it('builds and queries an index with the local model', async () => {
    const embeddings = await createEmbeddings(embeddingsConfig({ EMBEDDINGS: 'transformers', EMBEDDING_MODEL: 'tiny/bert' }));
    const indexDir = join(dir, 'index');
    const result = await buildIndex({ documents: await loadCorpus(seedsDir), indexDir, embeddings, chunker: createChunker() });
    expect(result.manifest.embedder).toEqual({ provider: 'transformers', model: 'tiny/bert', dimension: 8 });
    const retriever = createNodeRetriever({ embeddings, index: await openIndex(indexDir) });
    const passages = await retriever.search('accord belgique', { k: 3, mode: 'vector' });
    expect(passages).toHaveLength(3);
  });

  it('auto falls back to the hash embedder with one warning naming the model when it cannot be loaded', async () => {
    const lines: string[] = [];
    const loaded = await createEmbeddings(embeddingsConfig({ EMBEDDINGS: 'auto', EMBEDDING_MODEL: 'absent/model' }), { log: (l) => lines.push(l) });
    expect(loaded.info.provider).toBe('hash');
    expect(loaded.fallbackReason).toMatch(/absent\/model/);
    expect(lines.filter((l) => l.startsWith('Warning'))).toHaveLength(1);
  });

  it('fails clearly when transformers is required and the model is missing', async () => {
    await expect(createEmbeddings(embeddingsConfig({ EMBEDDINGS: 'transformers', EMBEDDING_MODEL: 'absent/model' }))).rejects.toMatchObject({
      code: 'config',
      message: expect.stringMatching(/absent\/model could not be loaded.*MODELS_DIR/),
    });
  });
});
