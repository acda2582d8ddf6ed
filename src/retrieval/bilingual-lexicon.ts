import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../index/index-files.js';
import { buildLexicon, type BilingualLexicon } from './lexicon.js';
import { readDictd } from './dictd-reader.js';

export { buildLexicon, translateWord, type BilingualLexicon } from './lexicon.js';

/** The FreeDict dictionaries that Debian installs (`dict-freedict-eng-fra`, `dict-freedict-fra-eng`). */
export const DICTIONARIES = ['freedict-eng-fra', 'freedict-fra-eng'];

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
