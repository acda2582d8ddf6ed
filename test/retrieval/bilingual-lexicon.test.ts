import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLexicon, translateWord } from '../../src/retrieval/bilingual-lexicon.js';
import { decodeDictdNumber, readDictd } from '../../src/retrieval/dictd-reader.js';
import { expandQuery } from '../../src/retrieval/expand-query.js';
import { tempDir } from '../helpers/fixtures.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function encode(n: number): string {
  let s = '';
  do {
    s = B64[n % 64] + s;
    n = Math.floor(n / 64);
  } while (n > 0);
  return s;
}

/** Writes a dictd pair in FreeDict's layout; offsets count UTF-8 bytes. */
async function writeDictd(dir: string, name: string, entries: Record<string, string>, compress: boolean) {
  let data = Buffer.from('00-database-info\nA test dictionary\n');
  const index: string[] = [`00databaseinfo\t${encode(0)}\t${encode(data.length)}`];
  for (const [head, body] of Object.entries(entries)) {
    const bytes = Buffer.from(`${body}\n`);
    index.push(`${head}\t${encode(data.length)}\t${encode(bytes.length)}`);
    data = Buffer.concat([data, bytes]);
  }
  await writeFile(join(dir, `${name}.index`), `${index.join('\n')}\n`);
  await writeFile(join(dir, compress ? `${name}.dict.dz` : `${name}.dict`), compress ? gzipSync(data) : data);
}

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

describe('dictd reader', () => {
  it('decodes dictd base-64 numbers', () => {
    expect(decodeDictdNumber('A')).toBe(0);
    expect(decodeDictdNumber('B')).toBe(1);
    expect(decodeDictdNumber('BA')).toBe(64);
    expect(decodeDictdNumber('LOB')).toBe(11 * 4096 + 14 * 64 + 1);
  });

  it('reads entries from a compressed dictionary, with byte offsets past accented text', async () => {
    await writeDictd(dir, 'freedict-fra-eng', { 'réfugié': 'réfugié /ʀefyʒje/ <n, masc>\nrefugee', pays: 'pays /pɛj/ <n>\ncountry, land' }, true);
    const entries = await readDictd(join(dir, 'freedict-fra-eng.index'), join(dir, 'freedict-fra-eng.dict.dz'));
    expect(entries.get('réfugié')).toEqual(['refugee']);
    expect(entries.get('pays')).toEqual(['country', 'land']);
    expect(entries.has('00databaseinfo')).toBe(false);
  });

  it('splits numbered senses and drops notes', async () => {
    await writeDictd(dir, 'freedict-eng-fra', { agreement: 'agreement /əgriːmənt/\n1. accord, entente (formal)\n2. convention; pacte' }, false);
    const entries = await readDictd(join(dir, 'freedict-eng-fra.index'), join(dir, 'freedict-eng-fra.dict'));
    expect(entries.get('agreement')).toEqual(['accord', 'entente', 'convention', 'pacte']);
  });
});

describe('bilingual lexicon', () => {
  it('finds inflected words through their stems and caches the parsed lexicon', async () => {
    await writeDictd(dir, 'freedict-eng-fra', { refugee: 'refugee\nréfugié', found: 'found\nfonder' }, true);
    const first = await loadLexicon(dir, dir);
    expect(first.lexicon && translateWord(first.lexicon, 'refugees')).toEqual(['réfugié']);
    expect(first.lexicon && translateWord(first.lexicon, 'founded')).toEqual(['fonder']);
    const second = await loadLexicon(dir, dir);
    expect(second).toMatchObject({ cached: true });
  });

  it('says how to turn expansion on when the dictionaries are missing', async () => {
    const status = await loadLexicon(join(dir, 'nowhere'));
    expect(status.lexicon).toBeNull();
    expect(status).toMatchObject({ reason: expect.stringMatching(/apt-get install dict-freedict-eng-fra dict-freedict-fra-eng/) });
  });

  it('expands content words only, and marks the stems only translations bring', async () => {
    await writeDictd(dir, 'freedict-eng-fra', { country: 'country\n1. campagne\n2. pays', the: 'the\nle' }, false);
    const { lexicon } = await loadLexicon(dir);
    const expanded = expandQuery('Which country?', lexicon);
    expect(expanded.translations).toEqual(['campagne', 'pays']);
    expect(expanded.translationStems.has('pay')).toBe(true);
    expect(expanded.originalStems.has('country')).toBe(true);
  });
});

describe.runIf(existsSync('/usr/share/dictd/freedict-eng-fra.index'))('installed FreeDict dictionaries', () => {
  it('translate common English words into French and back', async () => {
    const { lexicon } = await loadLexicon('/usr/share/dictd');
    expect(lexicon).not.toBeNull();
    expect(translateWord(lexicon!, 'refugees')).toContain('réfugié');
    expect(translateWord(lexicon!, 'pays')).toContain('country');
    expect(Object.keys(lexicon!.words).length).toBeGreaterThan(10_000);
  });
});
if (!existsSync('/usr/share/dictd/freedict-eng-fra.index')) {
  console.warn('Skipping the installed-dictionary test: run apt-get install dict-freedict-eng-fra dict-freedict-fra-eng.');
}
