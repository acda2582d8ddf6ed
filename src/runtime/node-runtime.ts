import type { AppConfig } from '../config/config.js';
import { createEmbeddings, createHashEmbeddings } from '../embeddings/create-embeddings.js';
import { describeEmbedder, type LoadedEmbeddings } from '../embeddings/embedder-info.js';
import { AppError } from '../errors.js';
import { createChunker } from '../ingest/chunk-document.js';
import { buildIndex, type BuildIndexResult } from '../index/build-index.js';
import { assertCompatible, INDEX_FORMAT, readManifest, type IndexManifest } from '../index/manifest.js';
import { nodeStores } from '../index/node-stores.js';
import { openIndex, type SearchIndex } from '../index/open-index.js';
import { loadLexicalKnowledge, type KnowledgeStatus } from '../lexicon/load-knowledge.js';
import type { GlossaryEntry } from '../lexicon/glossary.js';
import { corpusKnowledge, type LexicalKnowledge } from '../lexicon/lexical-knowledge.js';
import { loadLexicon, translateWord, type BilingualLexicon } from '../retrieval/bilingual-lexicon.js';
import { createRetriever, type RetrieverOptions } from '../retrieval/create-retriever.js';

type Log = (line: string) => void;

/** The embedder for querying an existing index: with `EMBEDDINGS=auto`, the one the index was built with. */
export async function embeddingsForIndex(config: AppConfig, manifest: IndexManifest, log: Log): Promise<LoadedEmbeddings> {
  if (config.embeddings.provider === 'auto' && manifest.embedder.provider === 'hash') {
    return {
      ...createHashEmbeddings(manifest.embedder.dimension),
      fallbackReason: `the index was built with the built-in hash embedder because no model could be loaded then; put ${config.embeddings.model} under MODELS_DIR (or allow downloads) and run npm run index for neural embeddings`,
    };
  }
  const embeddingsConfig = config.embeddings.provider === 'auto' ? { ...config.embeddings, model: manifest.embedder.model } : config.embeddings;
  return createEmbeddings(embeddingsConfig, { log, provider: config.embeddings.provider === 'auto' ? 'transformers' : undefined });
}

/**
 * Loads the corpus and builds or refreshes the index, logging one line per step. The lexicon (when expansion is
 * on) pairs the acronyms the corpus defines in both languages; they are stored in the index.
 */
export async function runIndexBuild(config: AppConfig, log: Log, lexicon: BilingualLexicon | null): Promise<BuildIndexResult & { embeddings: LoadedEmbeddings; readMs: number }> {
  const chunker = createChunker(config.chunk);
  log(`Reading corpus from ${config.corpusDir}`);
  const reading = performance.now();
  // Imported here: it brings the language detector (eld), which a server opening an existing index loads later.
  const { loadCorpus } = await import('../corpus/load-corpus.js');
  const documents = await loadCorpus(config.corpusDir, { onWarning: (m) => log(`Warning: ${m}`) });
  const readMs = Math.round(performance.now() - reading);
  const embeddings = await createEmbeddings(config.embeddings, { log });
  log(`Embedding with ${describeEmbedder(embeddings.info)}`);
  const translate = lexicon ? (word: string) => translateWord(lexicon, word) : undefined;
  const result = await buildIndex({ documents, indexDir: config.indexDir, embeddings, chunker, translate, log });
  return { ...result, embeddings, readMs };
}

/** Dependencies of {@link createNodeRetriever}. */
export interface NodeRetrieverDeps {
  embeddings: LoadedEmbeddings;
  index: SearchIndex;
  lexicon?: BilingualLexicon | null;
  options?: Partial<RetrieverOptions>;
}

/** The shared retrieval core on an opened index's stores, plus the index itself (the Node server reads it). */
export function createNodeRetriever({ embeddings, index, lexicon = null, options }: NodeRetrieverDeps) {
  assertCompatible(index.manifest, embeddings.info);
  const retriever = createRetriever({ embeddings, stores: nodeStores(index), lexicon, options });
  return { ...retriever, index, lexiconData: lexicon };
}

/** The Node retriever: the common interface plus its in-memory index. */
export type NodeRetriever = ReturnType<typeof createNodeRetriever>;

/** A ready retriever and what it was built from. */
export interface Runtime {
  retriever: NodeRetriever;
  embeddings: LoadedEmbeddings;
  built?: BuildIndexResult;
  /** Why cross-language expansion is off, when it is. */
  expansionOff?: string;
  /** Lexical resources of the answer pipeline, and which are active. */
  knowledge: LexicalKnowledge;
  /**
   * Gives `knowledge` the acronyms of the index now served (after documents were added or removed, or a rebuild):
   * the answerer and the claim checker read its glossary per question.
   */
  refreshKnowledge: (acronyms: GlossaryEntry[]) => void;
  knowledgeStatus: KnowledgeStatus;
  /**
   * Reads the thesauri's and WordNet's word indexes, which opening leaves to their first lookup (about 0.6 s at
   * start-up otherwise); logged. For the server to call once it listens, so the first question does not pay for it.
   */
  loadKnowledge: () => void;
  /** Hashes the index files in full and logs the outcome (for after start-up). */
  verifyIndex?: () => Promise<void>;
}

/** The bilingual lexicon (parsed once, then cached next to the index), or why query expansion is off; logged. */
export async function lexiconFor(config: AppConfig, log: Log) {
  if (!config.queryExpansion) return { lexicon: null, reason: 'QUERY_EXPANSION is off' } as const;
  const status = await loadLexicon(config.dictDir, config.indexDir);
  if (status.lexicon) {
    log(`Cross-language expansion on: ${Object.keys(status.lexicon.words).length} headwords from ${status.lexicon.sources.join(', ')}${status.cached ? ' (cached)' : ''}`);
  } else {
    log(`Cross-language expansion off: ${status.reason}`);
  }
  return status;
}

/**
 * Opens the index for querying, building it first when it is missing (`npm start` on a fresh clone) or written in
 * an older format by an earlier version. Any other index that exists but cannot be used is reported, not silently
 * rebuilt. `verifyIndex` runs the full checksums of the index files, for the server to call once it listens. With
 * `graphsInBackground`, the HNSW graphs are still loading when it returns (`retriever.index.graphsLoaded`).
 */
export async function openRuntime(config: AppConfig, log: Log, options: { buildIfMissing: boolean; graphsInBackground?: boolean }): Promise<Runtime> {
  let built: BuildIndexResult | undefined;
  let manifest: IndexManifest;
  const status = await lexiconFor(config, log);
  try {
    manifest = await readManifest(config.indexDir);
  } catch (error) {
    const outdated = error instanceof AppError ? error.details?.outdatedFormat : undefined;
    if (!(error instanceof AppError) || (error.code !== 'index_missing' && outdated === undefined) || !options.buildIfMissing) throw error;
    log(outdated === undefined ? `No index in ${config.indexDir}: building it` : `Index in ${config.indexDir} has format ${outdated}, this version reads format ${INDEX_FORMAT}: rebuilding it`);
    built = await runIndexBuild(config, log, status.lexicon);
    log(`Indexed ${built.manifest.counts.documents} documents, ${built.manifest.counts.chunks} chunks in ${(built.ms / 1000).toFixed(2)} s`);
    manifest = built.manifest;
  }
  const embeddings = await embeddingsForIndex(config, manifest, log);
  // Start-up is timed step by step in the log (README Performance lists the figures at 100k chunks).
  let step = performance.now();
  const index = await openIndex(config.indexDir, { graphsInBackground: options.graphsInBackground });
  const openedMs = performance.now() - step;
  if (options.graphsInBackground) {
    const opening = step;
    index.graphsLoaded.then(() => log(`Vector graphs loaded ${Math.round(performance.now() - opening)} ms after opening began`), () => {});
  }
  const retriever = createNodeRetriever({ embeddings, index, lexicon: status.lexicon, options: config.retrieval });
  step = performance.now();
  const loaded = loadLexicalKnowledge({ lexicon: status.lexicon, thesaurusDir: config.thesaurusDir });
  log(`Opened the index (${index.chunkCount} chunks) in ${Math.round(openedMs)} ms${options.graphsInBackground ? " (vector graphs loading)" : ""}; lexical knowledge opened in ${Math.round(performance.now() - step)} ms`);
  const knowledgeStatus = loaded.status;
  const { knowledge, refresh: refreshKnowledge } = corpusKnowledge(loaded.knowledge, index.acronyms);
  log(`Answer matching: glossary (${knowledgeStatus.glossary.entries} entries, ${index.acronyms.length} acronyms defined in the corpus)${knowledgeStatus.dictionary ? ', FreeDict' : ''}${knowledgeStatus.thesaurus ? `, thesauri ${knowledgeStatus.thesaurus.join(', ')}` : ''}${knowledgeStatus.wordnet ? ', WordNet' : ''}${knowledgeStatus.missing.length ? `; missing ${knowledgeStatus.missing.join('; ')}` : ''}`);
  // Start-up checked sizes and times only; the caller runs the full checksums once it serves (a flipped bit is logged).
  const verifyIndex = () => index.verify().then(() => log('Index files verified against their checksums'), (error: Error) => log(`Error: ${error.message}`));
  const loadKnowledge = () => {
    const started = performance.now();
    knowledge.thesaurus?.load();
    knowledge.nounClasses?.load();
    knowledge.speechVerbs?.load();
    knowledge.pertainyms?.load();
    log(`Thesauri and WordNet indexes read in ${Math.round(performance.now() - started)} ms`);
  };
  return { retriever, embeddings, built, expansionOff: status.lexicon ? undefined : status.reason, knowledge, refreshKnowledge, knowledgeStatus, loadKnowledge, verifyIndex };
}
