import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { AppError } from '../errors.js';
import { contentWords, stem } from '../text/terms.js';

/** Options of {@link HashEmbeddings}. */
export interface HashEmbeddingsOptions extends EmbeddingsParams {
  /** Vector size; more dimensions mean fewer hash collisions and more memory. */
  dimension?: number;
}

/** Name recorded in index manifests; bump it whenever the features below change. */
export const HASH_MODEL = 'hash-v4';

const NGRAM_SIZES = [3, 4, 5];
const STEM_WEIGHT = 1;
const NGRAM_WEIGHT = 1;

const FNV_OFFSET = 0x811c9dc5;

/** 32-bit FNV-1a over `text[start..end)`, continuing from `h`. */
function fnv1a(text: string, start = 0, end = text.length, h = FNV_OFFSET): number {
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Feature kinds are hashed as prefixes, so a stem and an n-gram with the same letters land in different buckets.
const STEM_PREFIX = fnv1a('w:');
const GRAM_PREFIX = fnv1a('g:');

/**
 * Weighted features of a text, keyed by their 32-bit hash: the stem of each content word, and character n-grams
 * of the accent-folded word. The n-grams are what bridge languages offline: "vénézuéliens" and "Venezuelan" share
 * most of theirs, as do "réfugiés" and "refugees". Hashes are computed in place, without building feature strings.
 */
export function hashFeatures(text: string): Map<number, number> {
  return wordFeatures(contentWords(text));
}

/** {@link hashFeatures} of a text's content words (for a caller that has them already, as the index build has). */
export function wordFeatures(words: string[]): Map<number, number> {
  const features = new Map<number, number>();
  const add = (key: number, weight: number) => features.set(key, (features.get(key) ?? 0) + weight);
  for (const word of words) {
    const wordStem = stem(word);
    add(fnv1a(wordStem, 0, wordStem.length, STEM_PREFIX), STEM_WEIGHT);
    if (/^\p{N}+$/u.test(word)) continue;
    const marked = `#${word}#`;
    let grams = 0;
    for (const n of NGRAM_SIZES) grams += Math.max(0, marked.length - n + 1);
    for (const n of NGRAM_SIZES) {
      for (let i = 0; i + n <= marked.length; i++) add(fnv1a(marked, i, i + n, GRAM_PREFIX), NGRAM_WEIGHT / grams);
    }
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
    return this.embedWords(contentWords(text));
  }

  /** Embeds a text given as its content words (see {@link contentWords}). */
  embedWords(words: string[]): number[] {
    const vector = new Float64Array(this.dimension);
    for (const [h, weight] of wordFeatures(words)) {
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
