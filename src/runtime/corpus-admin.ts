import { createHash, randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { AppConfig } from '../config/config.js';
import type { CorpusDocument } from '../corpus/load-corpus.js';
import { linkTranslations } from '../corpus/link-translations.js';
import { findDuplicate, type TextSignature } from '../corpus/near-duplicates.js';
import { readUpload, uploadExtension, type UploadedFile } from '../corpus/read-upload.js';
import { shownFileName, storedFileName } from '../corpus/safe-file-name.js';
import type { LoadedEmbeddings } from '../embeddings/embedder-info.js';
import { AppError, publicCode, type ErrorCode } from '../errors.js';
import { createChunker } from '../ingest/chunk-document.js';
import { writeAtomic } from '../index/index-files.js';
import { openIndex } from '../index/open-index.js';
import { updateIndex } from '../index/update-index.js';
import { createNodeRetriever, runIndexBuild, type NodeRetriever, type Runtime } from './node-runtime.js';

/** The sub-folder of CORPUS_DIR where uploads are stored (so `npm run index` reads them like any other file). */
export const UPLOADS_DIR = 'uploads';

/** The served state the admin swaps: the retriever and the translation links of its documents. */
export interface AdminState {
  retriever: NodeRetriever;
  translations?: Map<string, string[]>;
}

/** What became of one uploaded file. */
export interface UploadOutcome {
  /** The file's name as sent, made safe to show (see `shownFileName`). */
  file: string;
  status: 'added' | 'duplicate' | 'rejected';
  /** The document's id (added), or the id it would have had (duplicate). */
  id?: string;
  title?: string;
  language?: string;
  date?: string | null;
  chunks?: number;
  /** The indexed document this file repeats, with the measures that decided it. */
  duplicateOf?: { id: string; title: string; jaccard: number; containment: number };
  /** The other language versions of the same release, when the added document was linked to them. */
  translations?: string[];
  error?: { code: ErrorCode; message: string };
}

/** One indexed document as the admin list shows it. */
export interface AdminDocument {
  id: string;
  title: string;
  date: string | null;
  language: string;
  chunks: number;
  /** Added through the admin API (stored under uploads/), as opposed to files put in the corpus folder. */
  uploaded: boolean;
  /** Ids of the same release in other languages. */
  translations: string[];
}

/** Dependencies of {@link createCorpusAdmin}. */
export interface CorpusAdminDeps {
  config: AppConfig;
  state: AdminState;
  runtime: Pick<Runtime, 'embeddings' | 'knowledge' | 'refreshKnowledge'>;
  log?: (line: string) => void;
}

/** A rejected file's outcome from an error (AppErrors keep their code and message; others are logged as internal). */
function rejected(file: string, error: unknown): UploadOutcome {
  if (error instanceof AppError) return { file, status: 'rejected', error: { code: publicCode(error.code), message: error.message } };
  return { file, status: 'rejected', error: { code: 'internal', message: 'The file could not be added; the error was logged.' } };
}

/**
 * Adds, removes and lists the corpus's documents on a running Node server, and rebuilds it: each change is written
 * to the corpus folder first (uploads under `uploads/` with a generated name), then to the index in place
 * (`updateIndex`), then served: the index is reopened and swapped in with its acronyms and translation links, while
 * questions keep being answered by the previous one. Changes run one at a time.
 */
export function createCorpusAdmin({ config, state, runtime, log = () => {} }: CorpusAdminDeps) {
  const chunker = createChunker(config.chunk);
  const corpusDir = resolve(config.corpusDir);
  let embeddings: LoadedEmbeddings = runtime.embeddings;
  const signatures = new Map<string, TextSignature>();
  let queue: Promise<unknown> = Promise.resolve();
  if (!state.translations) {
    // Linked when first read, not before the server listens: linking reads the text of every document that shares
    // its date with another (1.2 s at 300k chunks of the bench corpus). A swap sets the links of the new index.
    const { index } = state.retriever;
    let links: Map<string, string[]> | undefined;
    Object.defineProperty(state, 'translations', {
      configurable: true,
      enumerable: true,
      get: () => (links ??= linkTranslations([...index.documents.values()], runtime.knowledge.translate)),
      set: (value: Map<string, string[]>) => (links = value),
    });
  }

  /** Runs changes one after the other (an update reads the index the previous one wrote). */
  function serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  }

  /** Opens the index on disk and serves it: retriever, acronyms (stored in the index) and translation links switch together. */
  async function swap(): Promise<void> {
    const index = await openIndex(config.indexDir);
    const translations = linkTranslations([...index.documents.values()], runtime.knowledge.translate);
    runtime.refreshKnowledge(index.acronyms);
    state.retriever = createNodeRetriever({ embeddings, index, lexicon: state.retriever.lexiconData, options: config.retrieval });
    state.translations = translations;
  }

  /** The file of a document id inside the corpus folder; ids come from the index, checked anyway. */
  function fileOf(id: string): string {
    const path = resolve(corpusDir, id);
    if (!path.startsWith(corpusDir + sep)) throw new AppError('bad_request', `Document id "${id.slice(0, 200)}" is not a file of the corpus folder.`);
    return path;
  }

  /** Reads one file into a document, or says why it is a duplicate or unusable (nothing is written). */
  async function screen(file: UploadedFile, accepted: CorpusDocument[]): Promise<UploadOutcome & { document?: CorpusDocument }> {
    const shown = shownFileName(file.name);
    let id: string | null = null;
    try {
      const hash = createHash('sha256').update(file.bytes).digest('hex');
      id = `${UPLOADS_DIR}/${storedFileName(shown, hash, uploadExtension(file))}`;
      // The one place an upload is read (HTML, PDF, .docx, Markdown, text).
      const document = await readUpload(file, id);
      const indexed = state.retriever.index.documents;
      const existing = [...indexed.values(), ...accepted];
      const same = existing.find((d) => d.hash === document.hash);
      const match = same ? { id: same.id, jaccard: 1, containment: 1 } : findDuplicate(document.text, existing, signatures);
      if (match) {
        const original = indexed.get(match.id) ?? accepted.find((d) => d.id === match.id)!;
        return { file: shown, status: 'duplicate', id, title: document.title, duplicateOf: { id: match.id, title: original.title, jaccard: round(match.jaccard), containment: round(match.containment) } };
      }
      return { file: shown, status: 'added', id, title: document.title, language: document.language, date: document.date, document };
    } catch (error) {
      if (!(error instanceof AppError)) log(`Error reading upload ${shown}: ${(error as Error).stack}`);
      // The loaders name the file by its id; the person uploading knows it by the name they gave.
      const named = id && error instanceof AppError ? new AppError(error.code, error.message.replaceAll(id, shown)) : error;
      return rejected(shown, named);
    }
  }

  /**
   * Adds files: each is screened (readable, not a duplicate of an indexed document or of an earlier file of the
   * same request), the good ones are saved and indexed in one update. One outcome per file, in order.
   */
  function addFiles(files: UploadedFile[]): Promise<UploadOutcome[]> {
    return serialize(async () => {
      const started = performance.now();
      const accepted: CorpusDocument[] = [];
      // One after another: a file is compared with those accepted before it.
      const outcomes: Array<Awaited<ReturnType<typeof screen>>> = [];
      for (const file of files) {
        const outcome = await screen(file, accepted);
        if (outcome.document) accepted.push(outcome.document);
        outcomes.push(outcome);
      }
      const toAdd = outcomes.filter((o) => o.document);
      if (toAdd.length === 0) return outcomes.map(({ document: _, ...o }) => o);
      const written: string[] = [];
      try {
        for (const [i, outcome] of outcomes.entries()) {
          if (!outcome.document) continue;
          const path = fileOf(outcome.document.id);
          await writeAtomic(path, files[i]!.bytes);
          written.push(path);
        }
        await updateIndex({ indexDir: config.indexDir, embeddings, chunker, translate: runtime.knowledge.translate, add: toAdd.map((o) => o.document!) });
        await swap();
      } catch (error) {
        // Nothing half-added: the files go again; the index is the old one (the update commits last).
        await Promise.all(written.map((path) => rm(path, { force: true })));
        log(`Error adding ${toAdd.length} uploaded file(s): ${(error as Error).message}`);
        return outcomes.map(({ document, ...o }) => (document ? rejected(o.file, error) : o));
      }
      const counts = new Map(state.retriever.index.manifest.documents.map((d) => [d.id, d.chunks]));
      log(`Added ${toAdd.length} uploaded document(s) in ${Math.round(performance.now() - started)} ms`);
      return outcomes.map(({ document, ...o }) => {
        if (!document) return o;
        const translations = (state.translations?.get(document.id) ?? []).filter((id) => id !== document.id);
        return { ...o, chunks: counts.get(document.id) ?? 0, ...(translations.length ? { translations } : {}) };
      });
    });
  }

  /**
   * Removes a document: its file is moved aside (a dot name `npm run index` skips), the index updated in place,
   * then the file deleted; if the update fails, the file is put back.
   */
  function remove(id: string): Promise<{ removed: string; documents: number }> {
    return serialize(async () => {
      if (!state.retriever.index.documents.has(id)) throw new AppError('not_found', `No document with id "${id.slice(0, 200)}".`);
      const path = fileOf(id);
      const aside = join(resolve(path, '..'), `.deleted-${randomBytes(6).toString('hex')}`);
      const moved = await rename(path, aside).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      );
      try {
        await updateIndex({ indexDir: config.indexDir, embeddings, chunker, translate: runtime.knowledge.translate, remove: [id] });
      } catch (error) {
        if (moved) await rename(aside, path);
        throw error;
      }
      if (moved) await rm(aside, { force: true });
      await swap();
      return { removed: id, documents: state.retriever.index.documents.size };
    });
  }

  /** The indexed documents, uploads marked, with their translations. */
  function list(): AdminDocument[] {
    const { index } = state.retriever;
    const counts = new Map(index.manifest.documents.map((d) => [d.id, d.chunks]));
    return [...index.documents.values()].map((d) => ({
      id: d.id,
      title: d.title,
      date: d.date,
      language: d.language,
      chunks: counts.get(d.id) ?? 0,
      uploaded: d.id.startsWith(`${UPLOADS_DIR}/`),
      translations: (state.translations?.get(d.id) ?? []).filter((v) => v !== d.id),
    }));
  }

  /** Rebuilds the whole index from the corpus folder (under the index lock), then serves it. */
  function reindex() {
    return serialize(async () => {
      const built = await runIndexBuild(config, log, state.retriever.lexiconData ?? null);
      embeddings = built.embeddings;
      await swap();
      return { documents: built.manifest.counts.documents, chunks: built.manifest.counts.chunks, embeddedChunks: built.embeddedChunks, ms: built.ms };
    });
  }

  return { addFiles, remove, list, reindex };
}

/** Measures rounded for responses. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The admin service of a Node server. */
export type CorpusAdmin = ReturnType<typeof createCorpusAdmin>;
