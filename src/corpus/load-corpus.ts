import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { AppError } from '../errors.js';
import { detectLanguage } from '../text/detect-language.js';
import { cleanText } from './clean-text.js';
import { extractDate } from './extract-date.js';

/** One communiqué, cleaned, as every later stage sees it. */
export interface CorpusDocument {
  /** Stable id: the file's path relative to the corpus folder (its file name for top-level files). */
  id: string;
  title: string;
  /** ISO date stated in the text, or null. */
  date: string | null;
  language: string;
  /** Clean text; every citation span points into it. */
  text: string;
  /** sha256 of the file's bytes, for incremental indexing. */
  hash: string;
}

/** Options of {@link loadCorpus}. */
export interface LoadCorpusOptions {
  /** Called once per skipped file, with a message that names it. */
  onWarning?: (message: string) => void;
  /** Files larger than this are skipped (bytes). */
  maxFileBytes?: number;
}

const EXTENSIONS = /\.(txt|md)$/i;
const DATE_WINDOW = 1500;

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

/** Decodes bytes as UTF-8, or explains why the file is not text. */
function decode(bytes: Buffer): { text: string } | { problem: string } {
  if (bytes.length === 0) return { problem: 'it is empty' };
  if (bytes.includes(0)) return { problem: 'it is binary (contains NUL bytes)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: 'it is not valid UTF-8' };
  }
}

/** Reads and cleans one file; returns a reason instead when the file cannot be used. */
export async function loadDocument(path: string, id: string, maxFileBytes = 5_000_000): Promise<CorpusDocument | string> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.size > maxFileBytes) return `it is larger than ${maxFileBytes} bytes`;
    bytes = await readFile(path);
  } catch (error) {
    return `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  return documentFromBytes(bytes, id);
}

/**
 * Cleans the bytes of a `.txt` or `.md` file into the document with this id (as `loadCorpus` reads the file saved
 * under that id); returns a reason instead when the bytes are not usable text.
 */
export function documentFromBytes(bytes: Buffer, id: string): CorpusDocument | string {
  const decoded = decode(bytes);
  if ('problem' in decoded) return decoded.problem;
  const cleaned = cleanText(decoded.text);
  if (!/\p{L}/u.test(cleaned.text)) return 'it has no text';
  return {
    id,
    title: cleaned.title ?? basename(id).replace(EXTENSIONS, ''),
    date: extractDate(cleaned.text.slice(0, DATE_WINDOW)),
    language: detectLanguage(cleaned.text),
    text: cleaned.text,
    hash: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * Loads every `.txt` and `.md` file under a folder, sorted by id. Files that are empty, binary, not UTF-8 or
 * unreadable are skipped with a warning naming the file; the others still load.
 */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<CorpusDocument[]> {
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch (error) {
    throw new AppError('config', `Cannot read the corpus folder ${dir} (${(error as NodeJS.ErrnoException).code}): set CORPUS_DIR to a folder of .txt or .md files.`);
  }
  const documents: CorpusDocument[] = [];
  for (const path of files.sort()) {
    const id = relative(dir, path).split(sep).join('/');
    const result = await loadDocument(path, id, options.maxFileBytes);
    if (typeof result === 'string') warn(`Skipped ${id}: ${result}.`);
    else documents.push(result);
  }
  return documents;
}
