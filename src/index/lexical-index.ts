import { AppError } from '../errors.js';
import { passageText } from '../ingest/chunk-document.js';
import { contentWords, stem } from '../text/terms.js';

/**
 * What the lexical index stores for a chunk, on every target: the language-neutral stems of the content words of
 * its title and text, in order (`lexical.bin` and D1's `postings` table both hold their frequencies per chunk).
 */
export function lexicalTerms(title: string, text: string): string[] {
  return contentWords(passageText({ title, text })).map(stem);
}

/**
 * The lexical score, the same on every target (the Node index computes it in typed arrays, D1 in SQL): BM25+ with
 * MiniSearch's parameters (which the index used before; npm run eval holds with them), summed over the query's
 * stems times their boost, then multiplied by the number of the query's stems the chunk contains (MiniSearch's
 * coordination factor: a chunk with three of the words beats one with a single rare word).
 */
export const BM25 = {
  /** Term-frequency saturation. */
  k1: 1.2,
  /** Length normalisation (0 = none, 1 = full). */
  b: 0.7,
  /** BM25+ lower bound for a matching term, so a match in a long chunk still counts. */
  d: 0.5,
} as const;

/** Inverse document frequency of a term in `df` of `n` chunks (always positive, as in MiniSearch and Lucene). */
export function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

const MAGIC = 0x584c5143; // "CQLX" little-endian
const VERSION = 1;
const encoder = new TextEncoder();

/**
 * A persisted inverted index: a sorted term dictionary (UTF-8 bytes and offsets), postings as typed arrays
 * (chunk positions ascending, term frequencies), and chunk lengths. Opening it is one read and a few array views;
 * a lookup is a binary search; a query scores only the postings of its terms and keeps the best `n` in a heap.
 */
export interface LexicalIndex {
  /** Chunks indexed. */
  readonly size: number;
  /** In how many chunks a stem occurs. */
  documentFrequency(term: string): number;
  /**
   * The best `n` chunk positions for stems weighted by their boost (BM25 summed over the stems, times the boost),
   * best first; `allowed` narrows the chunks considered.
   */
  search(terms: Map<string, number>, n: number, allowed?: (position: number) => boolean): Array<[number, number]>;
}

/** Layout of the file: a fixed header, then 4-byte aligned sections. */
interface Sections {
  termOffsets: Uint32Array;
  postingStarts: Uint32Array;
  lengths: Uint32Array;
  ids: Uint32Array;
  tfs: Uint16Array;
  termBytes: Uint8Array;
}

const HEADER_WORDS = 6; // magic, version, chunks, terms, postings, termBytes

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** The sections of a lexical index before they are laid out in one buffer (terms in UTF-8 byte order). */
interface Parts {
  lengths: ArrayLike<number>;
  termCount: number;
  /** termCount + 1 offsets into `termBytes`. */
  termOffsets: ArrayLike<number>;
  /** termCount + 1 offsets into `ids` / `tfs`. */
  postingStarts: ArrayLike<number>;
  ids: ArrayLike<number>;
  tfs: ArrayLike<number>;
  termBytes: Uint8Array;
}

/** Lays the sections out in the file format (header, then 4-byte aligned sections). */
function assemble(parts: Parts): Uint8Array {
  const { lengths, termCount } = parts;
  const postingCount = parts.postingStarts[termCount]!;
  const termByteCount = parts.termOffsets[termCount]!;
  const sizes = [HEADER_WORDS * 4, (termCount + 1) * 4, (termCount + 1) * 4, lengths.length * 4, postingCount * 4, align4(postingCount * 2), align4(termByteCount)];
  const buffer = new ArrayBuffer(sizes.reduce((a, b) => a + b, 0));
  new Uint32Array(buffer, 0, HEADER_WORDS).set([MAGIC, VERSION, lengths.length, termCount, postingCount, termByteCount]);
  const s = views(buffer, lengths.length, termCount, postingCount, termByteCount);
  s.lengths.set(lengths);
  s.termOffsets.set(subarray(parts.termOffsets, termCount + 1));
  s.postingStarts.set(subarray(parts.postingStarts, termCount + 1));
  s.ids.set(subarray(parts.ids, postingCount));
  s.tfs.set(subarray(parts.tfs, postingCount));
  s.termBytes.set(parts.termBytes.subarray(0, termByteCount));
  return new Uint8Array(buffer);
}

/** The first `n` items of a typed array (a view) or of a plain array. */
function subarray(values: ArrayLike<number>, n: number): ArrayLike<number> {
  return ArrayBuffer.isView(values) ? (values as Uint32Array).subarray(0, n) : Array.prototype.slice.call(values, 0, n);
}

/** Each chunk's stems as postings: term → [id, tf, id, tf, …] with ids from `firstId`, ascending. */
function postingsOf(chunkTerms: Iterable<string[]>, firstId: number, lengths: number[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  let id = firstId;
  for (const terms of chunkTerms) {
    lengths.push(terms.length);
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, tf] of counts) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(id, Math.min(tf, 0xffff));
    }
    id++;
  }
  return postings;
}

/** The terms of a postings map with their UTF-8 bytes, in byte order (the order of the binary search). */
function sortedTerms(postings: Map<string, number[]>): Array<{ t: string; bytes: Uint8Array }> {
  const encoded = [...postings.keys()].map((t) => ({ t, bytes: encoder.encode(t) }));
  return encoded.sort((a, b) => Buffer.compare(a.bytes, b.bytes));
}

/** Builds the file bytes from each chunk's stems (position in the list = chunk position). */
export function encodeLexicalIndex(chunkTerms: Iterable<string[]>): Uint8Array {
  return updateLexicalIndex(null, () => -1, chunkTerms);
}

/**
 * The file bytes of `previous` with chunks removed and renumbered (`keep(position)` gives a kept chunk's new
 * position, or -1; kept chunks must keep their order) and `added` chunks appended after them. One merge pass over
 * the sorted dictionary and the postings (no chunk's stems are recomputed): O(postings), measured in
 * bench/upload-latency.ts against a full encode.
 */
export function updateLexicalIndex(previous: Uint8Array | null, keep: (position: number) => number, added: Iterable<string[]>): Uint8Array {
  const old = previous ? parse(previous) : null;
  const lengths: number[] = [];
  let kept = 0;
  if (old) {
    for (let p = 0; p < old.chunks; p++) {
      if (keep(p) < 0) continue;
      if (keep(p) !== kept) throw new AppError('internal', 'Kept lexical chunks must keep their order.');
      lengths.push(old.s.lengths[p]!);
      kept++;
    }
  }
  const fresh = postingsOf(added, kept, lengths);
  const freshTerms = sortedTerms(fresh);
  const oldTerms = old?.terms ?? 0;
  const oldPostings = old?.postings ?? 0;
  const freshPostings = [...fresh.values()].reduce((sum, l) => sum + l.length / 2, 0);
  const maxTerms = oldTerms + freshTerms.length;
  const termOffsets = new Uint32Array(maxTerms + 1);
  const postingStarts = new Uint32Array(maxTerms + 1);
  const ids = new Uint32Array(oldPostings + freshPostings);
  const tfs = new Uint16Array(oldPostings + freshPostings);
  const termBytes = new Uint8Array((old?.termByteCount ?? 0) + freshTerms.reduce((s, e) => s + e.bytes.length, 0));
  let termCount = 0;
  let posting = 0;
  let byteAt = 0;
  let i = 0;
  let j = 0;
  while (i < oldTerms || j < freshTerms.length) {
    const oldBytes = i < oldTerms ? old!.termBuffer.subarray(old!.s.termOffsets[i]!, old!.s.termOffsets[i + 1]!) : null;
    const order = oldBytes === null ? 1 : j >= freshTerms.length ? -1 : Buffer.compare(oldBytes, freshTerms[j]!.bytes);
    const start = posting;
    if (order <= 0) {
      for (let p = old!.s.postingStarts[i]!; p < old!.s.postingStarts[i + 1]!; p++) {
        const to = keep(old!.s.ids[p]!);
        if (to < 0) continue;
        ids[posting] = to;
        tfs[posting++] = old!.s.tfs[p]!;
      }
    }
    if (order >= 0) {
      const list = fresh.get(freshTerms[j]!.t)!;
      for (let k = 0; k < list.length; k += 2) {
        ids[posting] = list[k]!;
        tfs[posting++] = list[k + 1]!;
      }
    }
    const bytes = order <= 0 ? oldBytes! : freshTerms[j]!.bytes;
    if (order <= 0) i++;
    if (order >= 0) j++;
    // A term whose every chunk was removed leaves the dictionary.
    if (posting === start) continue;
    termOffsets[termCount] = byteAt;
    postingStarts[termCount] = start;
    termBytes.set(bytes, byteAt);
    byteAt += bytes.length;
    termCount++;
  }
  termOffsets[termCount] = byteAt;
  postingStarts[termCount] = posting;
  return assemble({ lengths, termCount, termOffsets, postingStarts, ids, tfs, termBytes });
}

/** Buffer.compare of two byte ranges, without making views of them. */
function compareBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): number {
  const n = Math.min(aEnd - aStart, bEnd - bStart);
  for (let k = 0; k < n; k++) {
    const d = a[aStart + k]! - b[bStart + k]!;
    if (d !== 0) return d;
  }
  return aEnd - aStart - (bEnd - bStart);
}

/** The index of the chunks of `first` then those of `second` (whose ids follow): one merge of the two dictionaries. */
function concatTwo(first: Uint8Array, second: Uint8Array): Uint8Array {
  const a = parse(first);
  const b = parse(second);
  const lengths = new Uint32Array(a.chunks + b.chunks);
  lengths.set(a.s.lengths);
  lengths.set(b.s.lengths, a.chunks);
  const termOffsets = new Uint32Array(a.terms + b.terms + 1);
  const postingStarts = new Uint32Array(a.terms + b.terms + 1);
  const ids = new Uint32Array(a.postings + b.postings);
  const tfs = new Uint16Array(a.postings + b.postings);
  const termBytes = new Uint8Array(a.termByteCount + b.termByteCount);
  const [ta, tb] = [a.s.termOffsets, b.s.termOffsets];
  let i = 0;
  let j = 0;
  let termCount = 0;
  let posting = 0;
  let byteAt = 0;
  while (i < a.terms || j < b.terms) {
    const order = i >= a.terms ? 1 : j >= b.terms ? -1 : compareBytes(a.s.termBytes, ta[i]!, ta[i + 1]!, b.s.termBytes, tb[j]!, tb[j + 1]!);
    termOffsets[termCount] = byteAt;
    postingStarts[termCount] = posting;
    // The ids of `first` come before those of `second`, so a shared term's postings stay in ascending order.
    if (order <= 0) {
      const [start, end] = [a.s.postingStarts[i]!, a.s.postingStarts[i + 1]!];
      ids.set(a.s.ids.subarray(start, end), posting);
      tfs.set(a.s.tfs.subarray(start, end), posting);
      posting += end - start;
      termBytes.set(a.s.termBytes.subarray(ta[i]!, ta[i + 1]!), byteAt);
      byteAt += ta[i + 1]! - ta[i]!;
      i++;
    }
    if (order >= 0) {
      const [start, end] = [b.s.postingStarts[j]!, b.s.postingStarts[j + 1]!];
      for (let p = start; p < end; p++) ids[posting + p - start] = b.s.ids[p]! + a.chunks;
      tfs.set(b.s.tfs.subarray(start, end), posting);
      posting += end - start;
      if (order > 0) {
        termBytes.set(b.s.termBytes.subarray(tb[j]!, tb[j + 1]!), byteAt);
        byteAt += tb[j + 1]! - tb[j]!;
      }
      j++;
    }
    termCount++;
  }
  termOffsets[termCount] = byteAt;
  postingStarts[termCount] = posting;
  return assemble({ lengths, termCount, termOffsets, postingStarts, ids, tfs, termBytes });
}

/**
 * One index of the chunks of `parts` in order, part after part (each part's chunk ids from 0): the same bytes as
 * `encodeLexicalIndex` of all their chunks at once. A build's threads each encode the chunks of their batches and
 * the parts are merged here in pairs, a tree of linear merges of sorted dictionaries (O(postings × log parts)).
 */
export function concatLexicalIndexes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 0) return encodeLexicalIndex([]);
  let level = parts;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let k = 0; k < level.length; k += 2) next.push(k + 1 < level.length ? concatTwo(level[k]!, level[k + 1]!) : level[k]!);
    level = next;
  }
  return level[0]!;
}

function views(buffer: ArrayBuffer, chunks: number, terms: number, postings: number, termBytes: number, base = 0): Sections {
  let at = base + HEADER_WORDS * 4;
  const take = <T>(make: (offset: number) => T, bytes: number): T => {
    const view = make(at);
    at += bytes;
    return view;
  };
  return {
    termOffsets: take((o) => new Uint32Array(buffer, o, terms + 1), (terms + 1) * 4),
    postingStarts: take((o) => new Uint32Array(buffer, o, terms + 1), (terms + 1) * 4),
    lengths: take((o) => new Uint32Array(buffer, o, chunks), chunks * 4),
    ids: take((o) => new Uint32Array(buffer, o, postings), postings * 4),
    tfs: take((o) => new Uint16Array(buffer, o, postings), align4(postings * 2)),
    termBytes: take((o) => new Uint8Array(buffer, o, termBytes), align4(termBytes)),
  };
}

function corrupt(reason: string): AppError {
  return new AppError('index_corrupt', `Index file lexical.bin is corrupt (${reason}): run npm run index.`);
}

/** A binary max-heap of (score, position) pairs kept at most `n` long by evicting the smallest: a min-heap. */
function topN(scores: Float64Array, touched: Uint32Array, count: number, n: number): Array<[number, number]> {
  const heap: number[] = [];
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let i = 0; i < count; i++) {
    const id = touched[i]!;
    if (heap.length < n) {
      heap.push(id);
      up(heap.length - 1);
    } else if (n > 0 && worse(heap[0]!, id)) {
      heap[0] = id;
      down(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : -1)).map((id) => [id, scores[id]!]);
}

/** The header and section views of a lexical index's bytes, checked against their sizes. */
function parse(bytes: Uint8Array) {
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  if (bytes.length < HEADER_WORDS * 4) throw corrupt('too short');
  const [magic, version, chunks, terms, postings, termByteCount] = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS) as unknown as number[];
  if (magic !== MAGIC || version !== VERSION) throw corrupt('not a lexical index of this version');
  const expected = HEADER_WORDS * 4 + (terms! + 1) * 8 + chunks! * 4 + postings! * 4 + align4(postings! * 2) + align4(termByteCount!);
  if (bytes.length !== expected) throw corrupt(`${bytes.length} bytes, expected ${expected}`);
  const s = views(bytes.buffer as ArrayBuffer, chunks!, terms!, postings!, termByteCount!, bytes.byteOffset);
  const termBuffer = Buffer.from(s.termBytes.buffer, s.termBytes.byteOffset, s.termBytes.length);
  return { chunks: chunks!, terms: terms!, postings: postings!, termByteCount: termByteCount!, s, termBuffer };
}

/** Opens the bytes of `lexical.bin` (copied once if they are not 4-byte aligned). */
export function openLexicalIndex(bytes: Uint8Array): LexicalIndex {
  const { chunks, terms, s, termBuffer } = parse(bytes);
  let totalLength = 0;
  for (const l of s.lengths) totalLength += l;
  const averageLength = totalLength / Math.max(1, chunks!);
  // Scratch space reused by every query (searches run one at a time on the event loop).
  const scores = new Float64Array(chunks!);
  const touched = new Uint32Array(chunks!);
  const matched = new Uint16Array(chunks!);

  // A term's bytes are compared where they stand in the dictionary: a view (`subarray`) per step of the search
  // was most of what a question allocated in its look-ups (it looks up every form of every term).
  function compareTerm(index: number, key: Uint8Array): number {
    const start = s.termOffsets[index]!;
    const length = s.termOffsets[index + 1]! - start;
    const shorter = Math.min(length, key.length);
    for (let i = 0; i < shorter; i++) {
      const d = termBuffer[start + i]! - key[i]!;
      if (d !== 0) return d;
    }
    return length - key.length;
  }

  function find(term: string): number {
    const key = encoder.encode(term);
    let lo = 0;
    let hi = terms! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = compareTerm(mid, key);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  return {
    size: chunks!,
    documentFrequency(term) {
      const i = find(term);
      return i < 0 ? 0 : s.postingStarts[i + 1]! - s.postingStarts[i]!;
    },
    search(weighted, n, allowed) {
      let count = 0;
      const { k1, b, d } = BM25;
      for (const [term, boost] of weighted) {
        const i = find(term);
        if (i < 0) continue;
        const start = s.postingStarts[i]!;
        const end = s.postingStarts[i + 1]!;
        const weight = boost * bm25Idf(chunks!, end - start);
        for (let p = start; p < end; p++) {
          const id = s.ids[p]!;
          if (allowed && !allowed(id)) continue;
          const tf = s.tfs[p]!;
          if (matched[id] === 0) touched[count++] = id;
          matched[id]!++;
          scores[id]! += weight * ((tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * s.lengths[id]!) / averageLength)) + d);
        }
      }
      for (let i = 0; i < count; i++) scores[touched[i]!]! *= matched[touched[i]!]!;
      const best = topN(scores, touched, count, n);
      for (let i = 0; i < count; i++) {
        scores[touched[i]!] = 0;
        matched[touched[i]!] = 0;
      }
      return best;
    },
  };
}
