import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apertiumMissing, parseModeFile } from '../../src/translate/apertium-mode.js';
import { tempDir } from '../helpers/fixtures.js';

describe('Apertium mode files', () => {
  it('turns a mode file into argument vectors with null-flush on, marked generation and no shell quoting', () => {
    const mode = "lt-proc '/d/x y.automorf.bin' | apertium-tagger -g $2 '/d/x.prob' | apertium-pretransfer | lt-proc $1 '/d/gen|x.bin'\n";
    expect(parseModeFile(mode)).toEqual([
      ['lt-proc', '-z', '/d/x y.automorf.bin'],
      ['apertium-tagger', '-z', '-g', '/d/x.prob'],
      ['apertium-pretransfer', '-z'],
      ['lt-proc', '-z', '-g', '/d/gen|x.bin'],
    ]);
  });

  it('says which modes are missing and which Debian packages provide them', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await mkdir(join(dir, 'modes'));
      await writeFile(join(dir, 'modes/fr-es.mode'), 'lt-proc x');
      const reason = apertiumMissing(dir);
      expect(reason).toMatch(/spa-eng, eng-spa, es-fr/);
      expect(reason).not.toMatch(/fr-es,/);
      expect(reason).toMatch(/apt-get install apertium apertium-fr-es apertium-eng-spa/);
      for (const mode of ['spa-eng', 'eng-spa', 'es-fr']) await writeFile(join(dir, `modes/${mode}.mode`), 'lt-proc x');
      expect(apertiumMissing(dir)).toBeNull();
    } finally {
      await cleanup();
    }
  });
});
