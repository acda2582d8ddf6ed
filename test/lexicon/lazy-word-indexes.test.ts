import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNounClasses } from '../../src/lexicon/noun-classes.js';
import { openPertainyms } from '../../src/lexicon/pertainyms.js';
import { openThesaurus } from '../../src/lexicon/thesaurus.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'word-indexes-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A MyThes pair with one entry: `word` whose synonym is `synonym`. */
async function writeThesaurus(name: string, word: string, synonym: string) {
  const entry = `${word}|1\n(noun)|${synonym}|other\n`;
  await writeFile(join(dir, `${name}.dat`), `UTF-8\n${entry}`);
  await writeFile(join(dir, `${name}.idx`), `UTF-8\n1\n${word}|6\n`);
}

/** A WordNet noun index and data file with one noun in lexicographer file `lexFile` (18 is noun.person). */
async function writeWordnet(noun: string, lexFile: number) {
  const data = `00000000 ${lexFile} n 01 ${noun} 0 000 | a ${noun}\n`;
  await writeFile(join(dir, 'data.noun'), data);
  await writeFile(join(dir, 'index.noun'), `${noun} n 1 0 1 0 00000000\n`);
}

describe('word indexes of the thesauri and WordNet', () => {
  it('are read at the first lookup, not when opened (opening a server does not parse them)', async () => {
    await writeThesaurus('th_test', 'refuge', 'shelter');
    const thesaurus = openThesaurus(dir, ['th_test'])!;
    expect(thesaurus.sources).toEqual(['th_test']);
    // The index changes after opening: the lookup sees the new one, so opening did not read it.
    await writeFile(join(dir, 'th_test.idx'), 'UTF-8\n1\nhaven|6\n');
    expect(thesaurus.synonyms('haven')).toEqual(['shelter', 'other']);
    expect(thesaurus.synonyms('refuge')).toEqual([]);
    thesaurus.close();
  });

  it('are read by load() before any lookup, and not again after', async () => {
    await writeThesaurus('th_test', 'refuge', 'shelter');
    const thesaurus = openThesaurus(dir, ['th_test'])!;
    thesaurus.load();
    await writeFile(join(dir, 'th_test.idx'), 'UTF-8\n1\nhaven|6\n');
    expect(thesaurus.synonyms('refuge')).toEqual(['shelter', 'other']);
    thesaurus.close();
  });

  it('give no synonyms, rather than an error, when the index went away after opening', async () => {
    await writeThesaurus('th_test', 'refuge', 'shelter');
    const thesaurus = openThesaurus(dir, ['th_test'])!;
    await rm(join(dir, 'th_test.idx'));
    expect(thesaurus.synonyms('refuge')).toEqual([]);
    thesaurus.close();
  });

  it('leave a thesaurus whose files are missing out when opening', async () => {
    await writeThesaurus('th_test', 'refuge', 'shelter');
    expect(openThesaurus(dir, ['th_missing', 'th_test'])!.sources).toEqual(['th_test']);
    expect(openThesaurus(dir, ['th_missing'])).toBeNull();
  });

  it('read WordNet pertainyms by load() before any lookup, and not again after', async () => {
    await writeFile(join(dir, 'data.noun'), '00000000 15 n 01 Ruritania 0 000 | a land\n');
    await writeFile(join(dir, 'data.adj'), '00000000 01 a 01 Ruritanian 0 001 \\ 00000000 n 0101 | of Ruritania\n');
    const pertainyms = openPertainyms(dir)!;
    pertainyms.load();
    await writeFile(join(dir, 'data.adj'), '');
    expect(pertainyms.nounsOf('ruritanian')).toEqual(['Ruritania']);
    pertainyms.close();
  });

  it('classify a WordNet noun from the index as it is at the first lookup', async () => {
    await writeWordnet('envoy', 18);
    const nouns = openNounClasses(dir)!;
    await writeWordnet('minister', 18);
    expect(nouns.classify('minister')).toBe('person');
    expect(nouns.classify('envoy')).toBeNull();
    nouns.close();
    expect(openNounClasses(join(dir, 'missing'))).toBeNull();
  });
});
