import { accessSync, closeSync, constants, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { perText } from '../text/per-text.js';
import { fold, stem } from '../text/terms.js';

/** Synonyms of single words, for matching a question to a sentence that says the same with other words. */
export interface Thesaurus {
  /** Synonyms of a folded word (single words only), most common senses first; empty when unknown. */
  synonyms(word: string): string[];
  /** Synonyms of a folded word, or, when the thesaurus has no entry for it, of its headwords that share its stem: a
   * conjugated or plural form is listed under its lemma ("instaure" under "instaurer", "called" under "call"). */
  synonymsOfForm(word: string): string[];
  /** Antonyms of a folded word or of its headwords that share its stem (the English thesaurus marks them "(antonym)"
   * among a sense's words): "decrease" for "increase", "reject" for "accepted". Single words only. */
  antonymsOfForm(word: string): string[];
  /** The headwords that share a word's stem, the word excepted: its lemma, for a conjugated or plural form
   * ("augmenter" for "augmente"). */
  lemmasOf(word: string): string[];
  /** The files it reads. */
  sources: string[];
  /** Reads the word indexes now (they are otherwise read at the first lookup), e.g. once the server listens. */
  load(): void;
  close(): void;
}

/** The LibreOffice thesauri that Debian installs (`mythes-fr`, `mythes-en-us`). */
export const THESAURUS_FILES = ['thes_fr', 'th_en_US_v2'];

/** Synonyms kept per sense: the thesauri list the closest first, and the tail is loosely related. */
const PER_SENSE = 6;

/** Words whose synonyms and antonyms are remembered (those of questions and claims recur). */
const WORDS = 20_000;

interface MythesFile {
  fd: number;
  idxPath: string;
  /** Word → offset in the `.dat` file; read at the first lookup. */
  offsets: Map<string, number> | null;
  /** The index's words in sorted order, for finding a word's lemma by prefix; made at the first such lookup. */
  sorted: string[] | null;
}

/** A MyThes word index (`.idx`: two header lines, then `word|offset`) as folded word → offset. */
function readOffsets(idxPath: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let idx: string;
  try {
    idx = readFileSync(idxPath, 'utf8');
  } catch {
    // Removed since it was opened: this thesaurus gives no synonyms rather than failing a question.
    return offsets;
  }
  for (const line of idx.split('\n').slice(2)) {
    const bar = line.lastIndexOf('|');
    if (bar > 0) {
      const raw = line.slice(0, bar);
      // Folding is the slow part of loading: plain lower-case ASCII words are folded already.
      const key = /^[a-z0-9' -]*$/.test(raw) ? raw : fold(raw);
      if (!offsets.has(key)) offsets.set(key, Number(line.slice(bar + 1)));
    }
  }
  return offsets;
}

/** The first index of a sorted array whose value is not below `key`. */
function lowerBound(sorted: string[], key: string): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Opens MyThes thesauri (`.idx` word → offset, `.dat` entries) from `dir`. Opening only opens the files: the word
 * indexes (a few hundred kB, about 0.4 s to parse) are read at the first lookup or by `load()`, so that a server
 * does not parse them before it listens; entries are read on demand. Files that are missing are skipped; returns
 * null when none is there.
 */
export function openThesaurus(dir: string, names: string[] = THESAURUS_FILES): Thesaurus | null {
  const files: MythesFile[] = [];
  const sources: string[] = [];
  for (const name of names) {
    const idxPath = join(dir, `${name}.idx`);
    let fd: number;
    try {
      accessSync(idxPath, constants.R_OK);
      fd = openSync(join(dir, `${name}.dat`), 'r');
    } catch {
      continue;
    }
    files.push({ fd, idxPath, offsets: null, sorted: null });
    sources.push(name);
  }
  if (files.length === 0) return null;

  /** The headwords of the thesauri that start with a word's stem and stem as it does: its lemma, for a conjugated or
   * plural form. A lemma is a few letters longer than its forms at most ("instaurer"/"instaure"), and a phrase is no
   * lemma. */
  function headwordsOf(word: string): Array<[MythesFile, string]> {
    const root = stem(word);
    const out: Array<[MythesFile, string]> = [];
    for (const file of files) {
      const sorted = (file.sorted ??= [...offsetsOf(file).keys()].sort());
      for (let at = lowerBound(sorted, root); at < sorted.length && sorted[at]!.startsWith(root); at++) {
        const headword = sorted[at]!;
        if (headword !== word && headword.length <= word.length + 3 && !headword.includes(' ') && stem(headword) === root) out.push([file, headword]);
      }
    }
    return out;
  }
  const offsetsOf = (file: MythesFile) => (file.offsets ??= readOffsets(file.idxPath));

  // Reads are synchronous: one buffer serves them all.
  const buffer = Buffer.allocUnsafe(16_384);

  /** The senses of the entry at an offset: each sense's words after its part of speech, as written. */
  function senses(file: MythesFile, offset: number): string[][] {
    // An entry is "word|senses" then one line per sense: "(pos)|syn|syn|…". Most fit in 2 kB: the rest is read
    // only for a longer one.
    let lines: string[] = [];
    let count = 0;
    for (const size of [2048, buffer.length]) {
      const n = readSync(file.fd, buffer, 0, size, offset);
      lines = buffer.subarray(0, n).toString('utf8').split('\n');
      count = Number(lines[0]?.split('|')[1] ?? 0);
      if (lines.length > count + 1 || n < size) break;
    }
    return lines.slice(1, 1 + count).map((line) => line.split('|').slice(1));
  }

  function read(file: MythesFile, offset: number): string[] {
    const out: string[] = [];
    for (const sense of senses(file, offset)) {
      for (const synonym of sense.slice(0, PER_SENSE)) {
        const clean = fold(synonym.replace(/\s*\((?:generic|similar|related|antonym)[^)]*\)/g, '').trim());
        // Antonyms are listed among the senses of the English thesaurus; they are not synonyms.
        if (!clean || /\(antonym\)/.test(synonym) || clean.includes(' ')) continue;
        if (!out.includes(clean)) out.push(clean);
      }
    }
    return out;
  }

  /** The entries of a word in the thesauri that list it: file and headword. */
  const entriesOf = (word: string): Array<[MythesFile, string]> => files.flatMap((file) => (offsetsOf(file).has(word) ? [[file, word] as [MythesFile, string]] : []));

  /** The synonyms under these entries, in their order, but the word itself. */
  function synonymsUnder(word: string, entries: Array<[MythesFile, string]>): string[] {
    const found: string[] = [];
    for (const [file, headword] of entries) for (const s of read(file, offsetsOf(file).get(headword)!)) if (s !== word && !found.includes(s)) found.push(s);
    return found;
  }

  const synonyms = perText((word) => synonymsUnder(word, entriesOf(word)), WORDS);
  const lemmaSynonyms = perText((word) => synonymsUnder(word, headwordsOf(word)), WORDS);

  const antonyms = perText((word) => {
    const found: string[] = [];
    for (const [file, headword] of [...entriesOf(word), ...(word.length < 4 ? [] : headwordsOf(word))]) {
      for (const sense of senses(file, offsetsOf(file).get(headword)!)) {
        for (const w of sense) {
          if (!/\(antonym\)/.test(w)) continue;
          const antonym = fold(w.replace(/\s*\(antonym\)/, '').trim());
          if (antonym && !antonym.includes(' ') && !found.includes(antonym)) found.push(antonym);
        }
      }
    }
    return found;
  }, WORDS);

  return {
    sources,
    synonyms,
    synonymsOfForm(word) {
      const own = synonyms(word);
      return own.length || word.length < 4 ? own : lemmaSynonyms(word);
    },
    lemmasOf: (word) => (word.length < 4 ? [] : [...new Set(headwordsOf(word).map(([, headword]) => headword))]),
    antonymsOfForm: antonyms,
    load() {
      for (const file of files) offsetsOf(file);
    },
    close() {
      for (const file of files) closeSync(file.fd);
    },
  };
}
