import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../index/index-files.js';
import { contentWords, fold, stem } from '../text/terms.js';
import { readDictd } from './dictd-reader.js';

/** The FreeDict dictionaries that Debian installs (`dict-freedict-eng-fra`, `dict-freedict-fra-eng`). */
export const DICTIONARIES = ['freedict-eng-fra', 'freedict-fra-eng'];

/** Word → translations, looked up by folded word first and by stem as a lemma fallback. */
export interface BilingualLexicon {
  /** Folded headword → translations. */
  words: Record<string, string[]>;
  /** Stem → translations of every headword with that stem (so "refugees" finds "refugee"). */
  stems: Record<string, string[]>;
  /** Dictionaries it was built from. */
  sources: string[];
}

const MAX_TRANSLATIONS = 8;

function add(target: Record<string, string[]>, key: string, values: string[]): void {
  const list = (target[key] ??= []);
  for (const v of values) if (list.length < MAX_TRANSLATIONS * 2 && !list.includes(v)) list.push(v);
}

/** Builds a lexicon from parsed dictionaries. */
export function buildLexicon(dictionaries: Map<string, string[]>[], sources: string[]): BilingualLexicon {
  const lexicon: BilingualLexicon = { words: {}, stems: {}, sources };
  for (const dictionary of dictionaries) {
    for (const [headword, translations] of dictionary) {
      // Single-word headwords only: a question word is looked up alone.
      const folded = fold(headword.trim());
      if (!/^[\p{L}\p{N}'-]+$/u.test(folded)) continue;
      const useful = translations.filter((t) => contentWords(t).length > 0).slice(0, MAX_TRANSLATIONS);
      if (useful.length === 0) continue;
      add(lexicon.words, folded, useful);
      add(lexicon.stems, stem(folded), useful);
    }
  }
  return lexicon;
}

/** Translations of one folded word: exact headword, else any headword sharing its stem. */
export function translateWord(lexicon: BilingualLexicon, word: string): string[] {
  const exact = lexicon.words[word];
  if (exact) return exact;
  return lexicon.stems[stem(word)]?.slice(0, MAX_TRANSLATIONS) ?? [];
}

/** Result of {@link loadLexicon}: the lexicon, or why cross-language expansion is off. */
export type LexiconStatus = { lexicon: BilingualLexicon; cached: boolean } | { lexicon: null; reason: string };

/**
 * Loads the FreeDict English↔French dictionaries from `dictDir`, caching the parsed lexicon as JSON in
 * `cacheDir` (keyed by the dictionaries' sizes and dates). Missing dictionaries turn expansion off with a reason.
 */
export async function loadLexicon(dictDir: string, cacheDir?: string): Promise<LexiconStatus> {
  const files: Array<{ index: string; dict: string; name: string }> = [];
  const signature = createHash('sha256');
  for (const name of DICTIONARIES) {
    const index = join(dictDir, `${name}.index`);
    let dict = join(dictDir, `${name}.dict.dz`);
    try {
      const indexInfo = await stat(index);
      const dictInfo = await stat(dict).catch(async () => stat((dict = join(dictDir, `${name}.dict`))));
      signature.update(`${name}:${indexInfo.size}:${indexInfo.mtimeMs}:${dictInfo.size}:${dictInfo.mtimeMs};`);
      files.push({ index, dict, name });
    } catch {
      // This dictionary is absent; the other may still help.
    }
  }
  if (files.length === 0) {
    return {
      lexicon: null,
      reason: `no FreeDict dictionaries in ${dictDir}: install them with "apt-get install dict-freedict-eng-fra dict-freedict-fra-eng" (or set DICT_DIR)`,
    };
  }
  const cachePath = cacheDir ? join(cacheDir, `lexicon-${signature.digest('hex').slice(0, 16)}.json`) : null;
  if (cachePath) {
    try {
      return { lexicon: JSON.parse(await readFile(cachePath, 'utf8')) as BilingualLexicon, cached: true };
    } catch {
      // No cache yet, or an unreadable one: rebuild it below.
    }
  }
  const dictionaries = await Promise.all(files.map((f) => readDictd(f.index, f.dict)));
  const lexicon = buildLexicon(dictionaries, files.map((f) => f.name));
  if (cachePath) await writeAtomic(cachePath, JSON.stringify(lexicon)).catch(() => {});
  return { lexicon, cached: false };
}
