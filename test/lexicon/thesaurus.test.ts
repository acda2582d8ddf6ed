import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openThesaurus } from '../../src/lexicon/thesaurus.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thesaurus-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A MyThes pair whose entries are `[headword, synonyms]`, in the order given (the index is sorted by MyThes). */
async function writeThesaurus(name: string, entries: Array<[string, string[]]>) {
  let dat = 'UTF-8\n';
  const idx: string[] = [];
  for (const [word, synonyms] of entries) {
    idx.push(`${word}|${Buffer.byteLength(dat)}`);
    dat += `${word}|1\n(verbe)|${synonyms.join('|')}\n`;
  }
  await writeFile(join(dir, `${name}.dat`), dat);
  await writeFile(join(dir, `${name}.idx`), `UTF-8\n${entries.length}\n${idx.join('\n')}\n`);
}

describe('openThesaurus', () => {
  it('gives a conjugated form the synonyms of the headwords that share its stem, and a listed word its own', async () => {
    await writeThesaurus('th_test', [['dessaler', ['desaliniser', 'adoucir']], ['dessalement', ['desalinisation']], ['dessert', ['entremets']], ['pomper', ['aspirer']]]);
    const thesaurus = openThesaurus(dir, ['th_test'])!;
    try {
      expect(thesaurus.synonyms('dessalait')).toEqual([]);
      expect(thesaurus.synonymsOfForm('dessalait')).toEqual(['desalinisation', 'desaliniser', 'adoucir']);
      expect(thesaurus.synonymsOfForm('pompera')).toEqual(['aspirer']);
      expect(thesaurus.synonymsOfForm('pomper')).toEqual(['aspirer']);
      expect(thesaurus.synonymsOfForm('puits')).toEqual([]);
    } finally {
      thesaurus.close();
    }
  });

  it('gives the antonyms a sense marks, of a word or of its lemma, and never as synonyms', async () => {
    await writeThesaurus('th_test', [['widen', ['broaden', 'narrow (antonym)', 'tighten (antonym)']], ['wide', ['broad', 'narrow (antonym)']], ['window', ['pane']]]);
    const thesaurus = openThesaurus(dir, ['th_test'])!;
    try {
      expect(thesaurus.antonymsOfForm('widen')).toEqual(['narrow', 'tighten']);
      expect(thesaurus.antonymsOfForm('widened')).toEqual(['narrow', 'tighten']);
      expect(thesaurus.lemmasOf('widened')).toEqual(['widen']);
      expect(thesaurus.synonyms('widen')).toEqual(['broaden']);
      expect(thesaurus.antonymsOfForm('window')).toEqual([]);
    } finally {
      thesaurus.close();
    }
  });
});
