import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { AppError } from '../errors.js';
import { contentWords, stem } from '../text/terms.js';

/** Options of {@link HashEmbeddings}. */
export interface HashEmbeddingsOptions extends EmbeddingsParams {
  /** Vector size; more dimensions mean fewer hash collisions and more memory. */
  dimension?: number;
}

/** Name recorded in index manifests; bump it whenever the features below change. */
export const HASH_MODEL = 'hash-v2';

const NGRAM_SIZES = [3, 4, 5];
const STEM_WEIGHT = 1;
const NGRAM_WEIGHT = 1;

/** 32-bit FNV-1a. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Weighted features of a text: the stem of each content word, and character n-grams of the
 * accent-folded word. The n-grams are what bridge languages offline: "vénézuéliens" and "Venezuelan" share most
 * of theirs, as do "réfugiés" and "refugees".
 */
export function hashFeatures(text: string): Map<string, number> {
  const features = new Map<string, number>();
  const add = (key: string, weight: number) => features.set(key, (features.get(key) ?? 0) + weight);
  for (const word of contentWords(text)) {
    add(`w:${stem(word)}`, STEM_WEIGHT);
    if (/^\p{N}+$/u.test(word)) continue;
    const marked = `#${word}#`;
    const grams: string[] = [];
    for (const n of NGRAM_SIZES) for (let i = 0; i + n <= marked.length; i++) grams.push(marked.slice(i, i + n));
    for (const gram of grams) add(`g:${gram}`, NGRAM_WEIGHT / grams.length);
  }
  return features;
}

/**
 * The built-in embedder: signed feature hashing of {@link hashFeatures} with sublinear term weights, L2-normalised.
 * Needs no model download, so it is the offline default; deterministic, so an index built with it can be queried
 * by any process.
 */
export class HashEmbeddings extends Embeddings {
  readonly dimension: number;

  constructor(options: HashEmbeddingsOptions = {}) {
    super(options);
    this.dimension = options.dimension ?? 512;
    if (!Number.isInteger(this.dimension) || this.dimension < 16 || this.dimension > 65_536) {
      throw new AppError('config', `HASH_DIMENSION must be an integer from 16 to 65536 (got ${options.dimension}).`);
    }
  }

  /** Embeds one text synchronously. */
  embed(text: string): number[] {
    const vector = new Float64Array(this.dimension);
    for (const [feature, weight] of hashFeatures(text)) {
      const h = fnv1a(feature);
      // Sublinear weighting: a word repeated ten times should not outweigh ten different words.
      vector[h % this.dimension]! += (h & 0x80000000 ? -1 : 1) * Math.sqrt(weight);
    }
    let norm = 0;
    for (const x of vector) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(vector, (x) => x / norm);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }
}
