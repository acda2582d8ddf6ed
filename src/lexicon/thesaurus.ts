import { accessSync, closeSync, constants, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from '../text/terms.js';

/** Synonyms of single words, for matching a question to a sentence that says the same with other words. */
export interface Thesaurus {
  /** Synonyms of a folded word (single words only), most common senses first; empty when unknown. */
  synonyms(word: string): string[];
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

interface MythesFile {
  fd: number;
  idxPath: string;
  /** Word → offset in the `.dat` file; read at the first lookup. */
  offsets: Map<string, number> | null;
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
    files.push({ fd, idxPath, offsets: null });
    sources.push(name);
  }
  if (files.length === 0) return null;
  const cache = new Map<string, string[]>();
  const offsetsOf = (file: MythesFile) => (file.offsets ??= readOffsets(file.idxPath));

  function read(file: MythesFile, offset: number): string[] {
    // An entry is "word|senses" then one line per sense: "(pos)|syn|syn|…".
    const buffer = Buffer.alloc(16_384);
    const n = readSync(file.fd, buffer, 0, buffer.length, offset);
    const lines = buffer.subarray(0, n).toString('utf8').split('\n');
    const senses = Number(lines[0]?.split('|')[1] ?? 0);
    const out: string[] = [];
    for (const line of lines.slice(1, 1 + senses)) {
      for (const synonym of line.split('|').slice(1, 1 + PER_SENSE)) {
        const clean = fold(synonym.replace(/\s*\((?:generic|similar|related|antonym)[^)]*\)/g, '').trim());
        // Antonyms are listed among the senses of the English thesaurus; they are not synonyms.
        if (!clean || /\(antonym\)/.test(synonym) || clean.includes(' ')) continue;
        if (!out.includes(clean)) out.push(clean);
      }
    }
    return out;
  }

  return {
    sources,
    synonyms(word) {
      let found = cache.get(word);
      if (!found) {
        found = [];
        for (const file of files) {
          const offset = offsetsOf(file).get(word);
          if (offset !== undefined) for (const s of read(file, offset)) if (s !== word && !found.includes(s)) found.push(s);
        }
        if (cache.size > 20_000) cache.clear();
        cache.set(word, found);
      }
      return found;
    },
    load() {
      for (const file of files) offsetsOf(file);
    },
    close() {
      for (const file of files) closeSync(file.fd);
    },
  };
}
