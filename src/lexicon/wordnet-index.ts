import { accessSync, closeSync, constants, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { perText } from '../text/per-text.js';

// Synset lines remembered: the climbs of `isKindOf` read the same few thousand general synsets ("person", "entity")
// for every noun. A line is about 190 bytes: at most about 2 MB.
const SYNSET_LINES = 10_000;

/** One part of speech of the WordNet database: lemma → synsets, and each synset's lexicographer file. */
export interface WordnetIndex {
  /** Synset offsets of a lemma (spaces as underscores), most frequent sense first; undefined when it is not listed. */
  offsetsOf(lemma: string): number[] | undefined;
  /** The lexicographer file (lexnames(5WN)) of the synset at an offset of the data file. */
  lexFile(offset: number): number;
  /** The synsets one step more general than the synset at an offset (its hypernyms, instance ones included). */
  hypernyms(offset: number): number[];
  /** The synsets one step more specific than the synset at an offset (its hyponyms; instances, which name
   * individuals, left out). */
  hyponyms(offset: number): number[];
  /** The lemmas of the synset at an offset (spaces as underscores), as the data file writes them. */
  lemmas(offset: number): string[];
  /** Reads the index now (it is otherwise read at the first lookup), e.g. once the server listens. */
  load(): void;
  close(): void;
}

/**
 * Opens WordNet's `index.POS` and `data.POS` in `dir`. The index is read at the first lookup or by `load()`, so that
 * a server does not parse it before it listens; synsets are read on demand and remembered (up to
 * `SYNSET_LINES` of them). Returns null when the files are missing.
 */
export function openWordnetIndex(dir: string, pos: 'noun' | 'verb'): WordnetIndex | null {
  const indexPath = join(dir, `index.${pos}`);
  let fd: number;
  try {
    accessSync(indexPath, constants.R_OK);
    fd = openSync(join(dir, `data.${pos}`), 'r');
  } catch {
    return null;
  }
  let lines: Map<string, string> | null = null;
  // Lines are "lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...": the offsets
  // close the line, so they are parsed only when a lemma is looked up.
  const readLines = () => {
    const byLemma = new Map<string, string>();
    let index = '';
    try {
      index = readFileSync(indexPath, 'utf8');
    } catch {
      // Removed since it was opened: words go unclassified rather than failing a question.
    }
    for (const line of index.split('\n')) {
      if (line.startsWith(' ') || !line) continue;
      byLemma.set(line.slice(0, line.indexOf(' ')), line);
    }
    return byLemma;
  };
  const chunk = Buffer.alloc(1024);
  const readLine = perText((offset: number) => {
    let text = '';
    for (let at = offset; ; at += chunk.length) {
      const n = readSync(fd, chunk, 0, chunk.length, at);
      // Only the line is decoded: a slice of the whole chunk's text would keep the chunk alive in the memory.
      const end = chunk.subarray(0, n).indexOf(0x0a);
      text += chunk.toString('latin1', 0, end >= 0 ? end : n);
      if (end >= 0 || n < chunk.length) return text;
    }
  }, SYNSET_LINES);
  return {
    offsetsOf(lemma) {
      const line = (lines ??= readLines()).get(lemma);
      if (!line) return undefined;
      const fields = line.trim().split(' ');
      return fields.slice(-Number(fields[2])).map(Number);
    },
    lexFile(offset) {
      // The line's second field; the line is remembered for the climbs that read the same synsets.
      return Number(readLine(offset).split(' ', 2)[1]);
    },
    hypernyms(offset) {
      // A data line is "offset lex_filenum ss_type w_cnt word lex_id … p_cnt ptr…| gloss"; hypernym pointers are
      // "@ offset pos source/target" (or "@i" for an instance), of the same part of speech.
      const line = readLine(offset);
      return [...line.slice(0, line.indexOf(' | ')).matchAll(/ @i? (\d{8}) /g)].map((m) => Number(m[1]));
    },
    hyponyms(offset) {
      // Hyponym pointers are "~ offset pos source/target"; "~i" points to an instance.
      const line = readLine(offset);
      return [...line.slice(0, line.indexOf(' | ')).matchAll(/ ~ (\d{8}) /g)].map((m) => Number(m[1]));
    },
    lemmas(offset) {
      // "offset lex_filenum ss_type w_cnt(hex) word lex_id word lex_id …"; an adjective may carry a marker "(p)".
      const fields = readLine(offset).split(' ');
      const count = parseInt(fields[3]!, 16);
      return Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.replace(/\([a-z]+\)$/u, '').toLowerCase());
    },
    load() {
      lines ??= readLines();
    },
    close: () => closeSync(fd),
  };
}
