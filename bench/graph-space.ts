import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createHashEmbeddings } from '../src/embeddings/create-embeddings.js';
import { centered } from '../src/index/hnsw-vector-store.js';
import { readIndexData, type IndexData } from '../src/index/open-index.js';
import { benchQueries } from './prepare-corpus.js';

/** The vectors of a built index in its graph's space, with the bench's queries and their exact neighbours. */
export interface GraphSpace {
  data: IndexData;
  dim: number;
  rows: number;
  center: Float32Array | null;
  /** The rows minus the centre (when the index is centred), each of norm 1: what a cosine graph holds. */
  unit: Float32Array;
  /** The bench's queries (see `benchQueries`), embedded and centred. */
  queryVectors: number[][];
  /** Each query's exact 10 nearest rows by cosine. */
  exact: Array<Set<number>>;
}

/** Reads an index built from `corpusDir` (as `npm run bench` leaves it) for the graph benches. */
export async function graphSpace(corpusDir: string, indexDir: string): Promise<GraphSpace> {
  const root = resolve(import.meta.dirname, '..');
  const questions = (await readFile(join(root, 'eval/questions.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l).question as string);
  const queries = benchQueries(corpusDir, questions);
  const data = await readIndexData(indexDir);
  const dim = data.manifest.embedder.dimension;
  const rows = data.vectors.length / dim;
  const centerBytes = data.manifest.hnsw.center ? await readFile(join(indexDir, data.manifest.dataDir, 'center.f32')) : null;
  const center = centerBytes ? new Float32Array(new Uint8Array(centerBytes).buffer) : null;
  const embedder = createHashEmbeddings(dim).embeddings;
  const queryVectors = await Promise.all(queries.map(async (q) => centered(await embedder.embedQuery(q), center)));
  const unit = new Float32Array(data.vectors.length);
  for (let i = 0; i < rows; i++) {
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += (data.vectors[i * dim + j]! - (center?.[j] ?? 0)) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < dim; j++) unit[i * dim + j] = (data.vectors[i * dim + j]! - (center?.[j] ?? 0)) / norm;
  }
  const exact = queryVectors.map((q) => {
    const scores = new Float32Array(rows);
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let j = 0; j < dim; j++) s += unit[i * dim + j]! * q[j]!;
      scores[i] = s;
    }
    return new Set(Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]!).slice(0, 10));
  });
  return { data, dim, rows, center, unit, queryVectors, exact };
}
