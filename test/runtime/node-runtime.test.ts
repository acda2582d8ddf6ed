import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_FORMAT, readManifest } from '../../src/index/manifest.js';
import { linkTranslations } from '../../src/corpus/link-translations.js';
import { createCorpusAdmin, type AdminState } from '../../src/runtime/corpus-admin.js';
import { openRuntime } from '../../src/runtime/node-runtime.js';
import { tempDir, testConfig } from '../helpers/fixtures.js';
import { corpusBDir } from '../helpers/seeds-runtime.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

describe('openRuntime', () => {
  it('rebuilds an index of an older format on start, and says so', async () => {
    const config = testConfig({ indexDir: join(dir, 'index') });
    await openRuntime(config, () => {}, { buildIfMissing: true });
    const path = join(config.indexDir, 'manifest.json');
    await writeFile(path, (await readFile(path, 'utf8')).replace(`"format": ${INDEX_FORMAT}`, '"format": 1'));
    const lines: string[] = [];
    const runtime = await openRuntime(config, (line) => lines.push(line), { buildIfMissing: true });
    expect(lines).toContain(`Index in ${config.indexDir} has format 1, this version reads format ${INDEX_FORMAT}: rebuilding it`);
    expect((await readManifest(config.indexDir)).format).toBe(INDEX_FORMAT);
    expect((await runtime.retriever.search('migration', { k: 1 })).length).toBe(1);
  });

  it('reports an older index instead of rebuilding it when asked not to build', async () => {
    const config = testConfig({ indexDir: join(dir, 'index') });
    await openRuntime(config, () => {}, { buildIfMissing: true });
    const path = join(config.indexDir, 'manifest.json');
    await writeFile(path, (await readFile(path, 'utf8')).replace(`"format": ${INDEX_FORMAT}`, '"format": 1'));
    await expect(openRuntime(config, () => {}, { buildIfMissing: false })).rejects.toMatchObject({ code: 'index_incompatible' });
  });
});

describe('acronyms the corpus defines', () => {
  const acronymsOf = (entries: Array<{ en: string[]; fr: string[] }>) => entries.flatMap((e) => [...e.en, ...e.fr]).filter((v) => /^\p{Lu}+$/u.test(v));

  it('are mined at build time into a checksummed index file that opening reads', async () => {
    const config = testConfig({ indexDir: join(dir, 'index'), corpusDir: corpusBDir });
    const runtime = await openRuntime(config, () => {}, { buildIfMissing: true });
    const manifest = await readManifest(config.indexDir);
    const stored = JSON.parse(await readFile(join(config.indexDir, manifest.dataDir, 'acronyms.json'), 'utf8'));
    expect(manifest.files['acronyms.json']?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(acronymsOf(stored)).toEqual(expect.arrayContaining(['RIEA', 'IWSN', 'FCE']));
    expect(runtime.retriever.index.acronyms).toEqual(stored);
    // The French and English definitions of the network become one glossary entry the answerer matches with.
    const network = runtime.knowledge.glossary.entries.find((e) => e.fr.includes('RIEA'));
    expect(network?.en).toContain('IWSN');
  });

  it("follow a reindex: a new document's acronym reaches the answerer's knowledge", async () => {
    const corpusDir = join(dir, 'corpus');
    await cp(corpusBDir, corpusDir, { recursive: true });
    const config = testConfig({ indexDir: join(dir, 'index'), corpusDir });
    const runtime = await openRuntime(config, () => {}, { buildIfMissing: true });
    expect(acronymsOf(runtime.knowledge.glossary.entries)).not.toContain('KWRT');
    await writeFile(join(corpusDir, 'b06_new.txt'), 'A new network\n\nThe Kivu Water Research Trust (KWRT) opened a laboratory in Goma on 2 May 2023.\n');
    const state: AdminState = { retriever: runtime.retriever };
    await createCorpusAdmin({ config, state, runtime }).reindex();
    expect(acronymsOf(state.retriever.index.acronyms)).toContain('KWRT');
    expect(acronymsOf(runtime.knowledge.glossary.entries)).toContain('KWRT');
  });
});

describe('translation links of the served documents', () => {
  it('are made when first read, not when the admin is created, and are the same links', async () => {
    const config = testConfig({ indexDir: join(dir, 'index'), corpusDir: corpusBDir });
    const runtime = await openRuntime(config, () => {}, { buildIfMissing: true });
    const documents = [...runtime.retriever.index.documents.values()];
    const state: AdminState = { retriever: runtime.retriever };
    createCorpusAdmin({ config, state, runtime });
    // Texts are read from the index on first use: none was read to make the admin.
    expect(documents.every((d) => Object.getOwnPropertyDescriptor(d, 'text')?.get)).toBe(true);
    const links = state.translations!;
    expect(links).toEqual(linkTranslations(documents, runtime.knowledge.translate));
    expect([...links.keys()].length).toBeGreaterThan(0);
  });
});

