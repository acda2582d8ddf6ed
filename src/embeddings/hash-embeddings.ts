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

/** One word's features in the order they count: the hash of its stem (weight `STEM_WEIGHT`), then of its n-grams, repeats included (each `gramWeight`). */
interface WordFeatureList {
  keys: Uint32Array;
  gramWeight: number;
}

/**
 * Words seen → their features: a text repeats most of its words, and a corpus most of its vocabulary. Bounded (about
 * 200 bytes a word): emptied when full, as the stem cache is.
 */
const featureCache = new Map<string, WordFeatureList>();
const FEATURE_CACHE_SIZE = 50_000;

function featuresOfWord(word: string): WordFeatureList {
  const cached = featureCache.get(word);
  if (cached) return cached;
  const wordStem = stem(word);
  const keys = [fnv1a(wordStem, 0, wordStem.length, STEM_PREFIX)];
  let grams = 0;
  if (!/^\p{N}+$/u.test(word)) {
    const marked = `#${word}#`;
    for (const n of NGRAM_SIZES) grams += Math.max(0, marked.length - n + 1);
    for (const n of NGRAM_SIZES) for (let i = 0; i + n <= marked.length; i++) keys.push(fnv1a(marked, i, i + n, GRAM_PREFIX));
  }
  const list = { keys: Uint32Array.from(keys), gramWeight: NGRAM_WEIGHT / grams };
  if (featureCache.size >= FEATURE_CACHE_SIZE) featureCache.clear();
  featureCache.set(word, list);
  return list;
}

/** {@link hashFeatures} of a text's content words (for a caller that has them already, as the index build has). */
export function wordFeatures(words: string[]): Map<number, number> {
  const features = new Map<number, number>();
  const add = (key: number, weight: number) => features.set(key, (features.get(key) ?? 0) + weight);
  for (const word of words) {
    const { keys, gramWeight } = featuresOfWord(word);
    add(keys[0]!, STEM_WEIGHT);
    for (let i = 1; i < keys.length; i++) add(keys[i]!, gramWeight);
  }
  return features;
}

/**
 * Sums weights per feature hash in the order features first appear, as {@link wordFeatures}' Map does (so vectors
 * are the same to the last bit), in an open-addressed table of typed arrays reused from text to text: the build
 * embeds a hundred thousand chunks of a few hundred features each.
 */
class FeatureSums {
  private slots = new Int32Array(1 << 12);
  private keys = new Uint32Array(this.slots.length);
  private sums = new Float64Array(this.slots.length);
  /** Slots in order of first appearance. */
  order = new Int32Array(this.slots.length);
  size = 0;

  clear(): void {
    for (let i = 0; i < this.size; i++) this.slots[this.order[i]!] = 0;
    this.size = 0;
  }

  add(key: number, weight: number): void {
    const mask = this.slots.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.slots[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    if (this.slots[slot] === 0) {
      if (this.size * 2 >= this.slots.length) {
        this.grow();
        this.add(key, weight);
        return;
      }
      this.slots[slot] = 1;
      this.keys[slot] = key;
      this.sums[slot] = 0;
      this.order[this.size++] = slot;
    }
    this.sums[slot]! += weight;
  }

  key(i: number): number {
    return this.keys[this.order[i]!]!;
  }

  sum(i: number): number {
    return this.sums[this.order[i]!]!;
  }

  private grow(): void {
    const entries = Array.from({ length: this.size }, (_, i) => [this.key(i), this.sum(i)] as const);
    const capacity = this.slots.length * 2;
    this.slots = new Int32Array(capacity);
    this.keys = new Uint32Array(capacity);
    this.sums = new Float64Array(capacity);
    this.order = new Int32Array(capacity);
    this.size = 0;
    for (const [key, sum] of entries) this.add(key, sum);
  }
}

/** Scratch table of {@link HashEmbeddings.embedWords} (embedding is synchronous: one text at a time per thread). */
const scratch = new FeatureSums();

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
    scratch.clear();
    // The loop of wordFeatures, on the typed-array table (a direct call here: this runs for every chunk of a build).
    for (const word of words) {
      const { keys, gramWeight } = featuresOfWord(word);
      scratch.add(keys[0]!, STEM_WEIGHT);
      for (let i = 1; i < keys.length; i++) scratch.add(keys[i]!, gramWeight);
    }
    for (let i = 0; i < scratch.size; i++) {
      const h = scratch.key(i);
      // Sublinear weighting: a word repeated ten times should not outweigh ten different words.
      vector[h % this.dimension]! += (h & 0x80000000 ? -1 : 1) * Math.sqrt(scratch.sum(i));
    }
    let norm = 0;
    for (const x of vector) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    // A loop, not Array.from: Array.from reads a typed array through its iterator, one result object per dimension.
    const normalised = new Array<number>(this.dimension);
    for (let i = 0; i < this.dimension; i++) normalised[i] = vector[i]! / norm;
    return normalised;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }
}
