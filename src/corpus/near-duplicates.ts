import { words } from '../text/terms.js';

/**
 * When two texts are the same communiqué. Word shingles (runs of `shingleWords` folded words) are compared through
 * MinHash signatures, so the cost per pair is fixed whatever the texts' lengths. Two measures decide:
 * - Jaccard (shared shingles over all shingles): the same text re-typed, re-spaced or lightly edited;
 * - containment (shared shingles over the smaller text's): the same release inside a page with more chrome
 *   (menus, footers, "share" blocks) around it, which lowers Jaccard but not containment.
 */
export const duplicatePolicy = {
  /**
   * Words per shingle: 5 is long enough that two different releases on one topic share few (no pair of the seeds,
   * the second corpus and the translation fixtures shares any: Jaccard 0).
   */
  shingleWords: 5,
  /** MinHash functions: the estimate's standard error is about 1/√128 ≈ 0.09 at J = 0.5, less near 0 and 1. */
  hashes: 128,
  /** Jaccard at or above which two texts are the same communiqué. */
  jaccard: 0.8,
  /** Containment at or above which the smaller text is the same communiqué inside more chrome. */
  containment: 0.9,
  /**
   * Fewest shingles the smaller text needs for containment to count: a text of a few lines (a title, a dateline, a
   * sentence) could be contained in many pages without being any of them.
   */
  minContainedShingles: 40,
} as const;

/** The policy's fields. */
export type DuplicatePolicy = { [K in keyof typeof duplicatePolicy]: number };

/** A text's MinHash signature and its number of distinct shingles. */
export interface TextSignature {
  shingles: number;
  minhash: Uint32Array;
}

/** 32-bit FNV-1a of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A 32-bit mix (murmur3's finaliser) of a value and a seed: one of the independent hash functions. */
function mix(value: number, seed: number): number {
  let h = (value ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The MinHash signature of a text's word shingles (folded words, so case, accents and spacing do not matter). */
export function textSignature(text: string, policy: DuplicatePolicy = duplicatePolicy): TextSignature {
  const tokens = words(text);
  const shingles = new Set<number>();
  const n = Math.min(policy.shingleWords, Math.max(tokens.length, 1));
  for (let i = 0; i + n <= tokens.length; i++) shingles.add(fnv1a(tokens.slice(i, i + n).join(' ')));
  const minhash = new Uint32Array(policy.hashes).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let k = 0; k < policy.hashes; k++) {
      const h = mix(shingle, k + 1);
      if (h < minhash[k]!) minhash[k] = h;
    }
  }
  return { shingles: shingles.size, minhash };
}

/** Estimated Jaccard and containment (shared shingles over the smaller text's) of two signatures. */
export function similarity(a: TextSignature, b: TextSignature): { jaccard: number; containment: number } {
  if (a.shingles === 0 || b.shingles === 0) return { jaccard: 0, containment: 0 };
  let same = 0;
  for (let k = 0; k < a.minhash.length; k++) if (a.minhash[k] === b.minhash[k]) same++;
  const jaccard = same / a.minhash.length;
  // |A∩B| = J·(|A|+|B|)/(1+J).
  const shared = (jaccard * (a.shingles + b.shingles)) / (1 + jaccard);
  return { jaccard, containment: Math.min(1, shared / Math.min(a.shingles, b.shingles)) };
}

/** The closest earlier text a new one duplicates, with the measures that decided it. */
export interface DuplicateMatch {
  id: string;
  jaccard: number;
  containment: number;
}

/** Whether two signatures are the same communiqué under the policy. */
export function isDuplicate(a: TextSignature, b: TextSignature, policy: DuplicatePolicy = duplicatePolicy): boolean {
  const { jaccard, containment } = similarity(a, b);
  return jaccard >= policy.jaccard || (containment >= policy.containment && Math.min(a.shingles, b.shingles) >= policy.minContainedShingles);
}

/**
 * Finds which of `existing` a text duplicates (the most similar one that passes the policy), or null. Signatures
 * of the existing texts are taken from `cache` (keyed by content hash) and added to it.
 */
export function findDuplicate(
  text: string,
  existing: Iterable<{ id: string; hash: string; text: string }>,
  cache: Map<string, TextSignature>,
  policy: DuplicatePolicy = duplicatePolicy,
): DuplicateMatch | null {
  const signature = textSignature(text, policy);
  let best: DuplicateMatch | null = null;
  for (const document of existing) {
    let other = cache.get(document.hash);
    if (!other) cache.set(document.hash, (other = textSignature(document.text, policy)));
    if (!isDuplicate(signature, other, policy)) continue;
    const measures = similarity(signature, other);
    if (!best || measures.jaccard + measures.containment > best.jaccard + best.containment) best = { id: document.id, ...measures };
  }
  return best;
}
