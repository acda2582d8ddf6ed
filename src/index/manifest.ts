import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmbedderInfo } from '../embeddings/embedder-info.js';
import { describeEmbedder } from '../embeddings/embedder-info.js';
import { AppError } from '../errors.js';
import type { ChunkerOptions } from '../ingest/chunk-document.js';
import type { GraphSettings } from './graph-settings.js';
import type { FileDigest } from './index-files.js';

/** Bumped when the layout of the index files or the stems they hold change; an older index must be rebuilt (4: one stem for French feminine participles). */
export const INDEX_FORMAT = 4;

/** The index's table of contents, written last and atomically: it names the data folder that is current. */
export interface IndexManifest {
  format: number;
  /** Sub-folder of the index folder that holds this version's files. */
  dataDir: string;
  embedder: EmbedderInfo;
  chunker: ChunkerOptions;
  hnsw: GraphSettings;
  documents: Array<{ id: string; hash: string; chunks: number }>;
  counts: { documents: number; chunks: number };
  builtAt: string;
  buildMs: number;
  /** When documents were last added or removed in place (src/index/update-index.ts), if ever since the build. */
  updatedAt?: string;
  files: Record<string, FileDigest>;
}

/** Reads `manifest.json`, or fails with `index_missing` / `index_corrupt` and what to run. */
export async function readManifest(indexDir: string): Promise<IndexManifest> {
  const path = join(indexDir, 'manifest.json');
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('index_missing', `No index in ${indexDir}: run npm run index to build it.`);
    }
    throw new AppError('index_corrupt', `Cannot read ${path} (${(error as NodeJS.ErrnoException).code}): run npm run index.`);
  }
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(raw) as IndexManifest;
  } catch {
    throw new AppError('index_corrupt', `${path} is not valid JSON: run npm run index to rebuild the index.`);
  }
  if (typeof manifest !== 'object' || manifest === null || typeof manifest.dataDir !== 'string' || !/^data-[\w-]+$/.test(manifest.dataDir) || !manifest.embedder || !manifest.files) {
    throw new AppError('index_corrupt', `${path} is not an index manifest: run npm run index to rebuild the index.`);
  }
  if (manifest.format !== INDEX_FORMAT) {
    throw new AppError('index_incompatible', `Index in ${indexDir} has format ${manifest.format}, this version reads format ${INDEX_FORMAT}: run npm run index.`, { outdatedFormat: manifest.format });
  }
  return manifest;
}

/** Fails with a message saying what to run when vectors and query embedder do not match. */
export function assertCompatible(manifest: Pick<IndexManifest, 'embedder'>, query: EmbedderInfo): void {
  const built = manifest.embedder;
  if (built.provider !== query.provider || built.model !== query.model || built.dimension !== query.dimension) {
    throw new AppError(
      'index_incompatible',
      `Index built with ${describeEmbedder(built)}, query embedder is ${describeEmbedder(query)}: run npm run index to rebuild it with the current embedder (or set EMBEDDINGS/EMBEDDING_MODEL to match the index).`,
    );
  }
}
