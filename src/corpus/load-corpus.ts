import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { AppError } from '../errors.js';
import { defaultLoadDocumentOptions, type PageStart } from './document-loader.js';
import { loadDocument } from './load-document.js';

/** One communiqué, cleaned, as every later stage sees it. */
export interface CorpusDocument {
  /** Stable id: the file's path relative to the corpus folder (its file name for top-level files). */
  id: string;
  title: string;
  /** ISO date of publication (from the file's metadata, else the first one stated in the text), or null. */
  date: string | null;
  language: string;
  /** Clean text; every citation span points into it. */
  text: string;
  /** sha256 of the file's bytes, for incremental indexing. */
  hash: string;
  /** Who published it, when the file says (HTML metadata). */
  publisher?: string;
  /** Where it was published (canonical URL), when the file says. */
  url?: string;
  /** For PDFs: where each page starts in `text`, in order, so chunks and citations can name their page. */
  pages?: PageStart[];
}

/** Options of {@link loadCorpus}. */
export interface LoadCorpusOptions {
  /** Called once per skipped file, with a message that names it. */
  onWarning?: (message: string) => void;
  /** Files larger than this are skipped (bytes). */
  maxFileBytes?: number;
}

/** What the folder loader picks up; the content, not this list, decides how each file is read (see `loadDocument`). */
const EXTENSIONS = /\.(txt|md|markdown|html?|pdf|docx)$/i;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    // Symlinks are not followed: a corpus entry must be a real file inside the folder.
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile() && EXTENSIONS.test(entry.name)) files.push(path);
  }
  return files;
}

/** Reads one file and loads it as document `id`; returns a reason instead when the file cannot be used. */
async function loadFile(path: string, id: string, maxFileBytes = defaultLoadDocumentOptions.maxBytes): Promise<CorpusDocument | string> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.size > maxFileBytes) return `it is larger than ${maxFileBytes} bytes`;
    bytes = await readFile(path);
  } catch (error) {
    return `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  try {
    return await loadDocument({ bytes, name: id }, { maxBytes: maxFileBytes });
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}

/**
 * Loads every `.txt`, `.md`, `.html`, `.pdf` and `.docx` file under a folder, sorted by id, each through
 * `loadDocument`. Files that are empty, binary, not UTF-8, not what their name claims or otherwise unreadable are
 * skipped with a warning naming the file and the reason; the others still load.
 */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<CorpusDocument[]> {
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch (error) {
    throw new AppError('config', `Cannot read the corpus folder ${dir} (${(error as NodeJS.ErrnoException).code}): set CORPUS_DIR to a folder of .txt, .md, .html, .pdf or .docx files.`);
  }
  const documents: CorpusDocument[] = [];
  for (const path of files.sort()) {
    const id = relative(dir, path).split(sep).join('/');
    const result = await loadFile(path, id, options.maxFileBytes);
    if (typeof result === 'string') warn(`Skipped ${id}: ${result.replace(/\.$/, '')}.`);
    else documents.push(result);
  }
  return documents;
}
