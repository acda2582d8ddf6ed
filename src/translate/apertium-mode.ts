import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from './translator.js';

/**
 * The Apertium modes that translate each direction: there is no French–English pair, so both go through Spanish
 * (Debian packages apertium-fr-es and apertium-eng-spa).
 */
export const apertiumRoutes: Record<`${Language}>${Language}`, readonly string[]> = {
  'fr>en': ['fr-es', 'spa-eng'],
  'en>fr': ['eng-spa', 'es-fr'],
  'fr>fr': [],
  'en>en': [],
};

/** The Debian packages that provide {@link apertiumRoutes}. */
export const apertiumPackages = ['apertium', 'apertium-fr-es', 'apertium-eng-spa'];

const modePath = (dir: string, mode: string) => join(dir, 'modes', `${mode}.mode`);

/** Why Apertium cannot translate French↔English from `dir`, or null when every mode it needs is installed. */
export function apertiumMissing(dir: string): string | null {
  const missing = [...new Set(Object.values(apertiumRoutes).flat())].filter((mode) => !existsSync(modePath(dir, mode)));
  if (missing.length === 0) return null;
  return `Apertium modes ${missing.join(', ')} are not in ${join(dir, 'modes')} (apt-get install ${apertiumPackages.join(' ')})`;
}

/** Splits a shell command line into words: single- and double-quoted words, no expansions (mode files have none). */
function shellWords(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/**
 * The programs of a mode file (`prog args | prog args | …`) as argument vectors for a long-lived chain: each gets
 * `-z` (flush its output at every NUL, so one block can be read back while the processes keep running), `$1`
 * becomes `-g` (generation that marks unknown words, which keeps their spelling) and `$2` (an optional tagger flag)
 * is dropped. This is what `apertium -z` does through `apertium-wblank-mode`, without a shell in between.
 */
export function parseModeFile(text: string): string[][] {
  return text
    .trim()
    .split(/\|(?=(?:[^']*'[^']*')*[^']*$)/)
    .map((stage) => {
      const [program, ...args] = shellWords(stage).flatMap((word) => (word === '$1' ? ['-g'] : word === '$2' ? [] : [word]));
      if (!program) throw new Error('empty stage in an Apertium mode file');
      return [program, '-z', ...args];
    });
}

/** The program chain of one installed Apertium mode (see {@link parseModeFile}). */
export function readModeStages(dir: string, mode: string): string[][] {
  return parseModeFile(readFileSync(modePath(dir, mode), 'utf8'));
}
