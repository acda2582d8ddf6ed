import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNounClasses } from '../../src/lexicon/noun-classes.js';
import { openWordnetIndex } from '../../src/lexicon/wordnet-index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wordnet-index-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An invented noun hierarchy: each noun's hypernym is the next one ("gizmo" → "device" → "artefact"); the first
 * synset's gloss is longer than a read of the data file (1 kB), so its line is read in several pieces. Returns the
 * synsets' offsets. */
async function writeHierarchy(nouns: string[]): Promise<number[]> {
  const line = (i: number, offsets: string[]) => {
    const pointers = [...(i + 1 < nouns.length ? [`@ ${offsets[i + 1]} n 0000`] : []), ...(i > 0 ? [`~ ${offsets[i - 1]} n 0000`] : [])];
    return `${offsets[i]} 06 n 01 ${nouns[i]} 0 00${pointers.length} ${pointers.join(' ')} | a ${nouns[i]}${i === 0 ? ' that whirs'.repeat(150) : ''}\n`;
  };
  // Offsets are written with 8 digits: the lines' lengths, hence their positions, do not depend on them.
  const lengths = nouns.map((_, i) => line(i, nouns.map(() => '00000000')).length);
  const positions = lengths.map((_, i) => lengths.slice(0, i).reduce((a, n) => a + n, 0));
  const offsets = positions.map((p) => String(p).padStart(8, '0'));
  await writeFile(join(dir, 'data.noun'), nouns.map((_, i) => line(i, offsets)).join(''));
  await writeFile(join(dir, 'index.noun'), nouns.map((noun, i) => `${noun} n 1 1 @ 1 0 ${offsets[i]}\n`).sort().join(''));
  return positions;
}

describe('WordNet index', () => {
  it('reads a remembered synset as it read it from the file, a line longer than one read included', async () => {
    const [gizmo, device, artefact] = await writeHierarchy(['gizmo', 'device', 'artefact']);
    const wordnet = openWordnetIndex(dir, 'noun')!;
    const first = [wordnet.hypernyms(gizmo!), wordnet.hyponyms(device!), wordnet.lemmas(gizmo!), wordnet.hypernyms(device!)];
    expect(first).toEqual([[device], [gizmo], ['gizmo'], [artefact]]);
    expect([wordnet.hypernyms(gizmo!), wordnet.hyponyms(device!), wordnet.lemmas(gizmo!), wordnet.hypernyms(device!)]).toEqual(first);
    wordnet.close();
  });

  it('tells a kind from what it is a kind of, the same when asked again', async () => {
    await writeHierarchy(['gizmo', 'device', 'artefact']);
    const classes = openNounClasses(dir)!;
    const verdicts = () => [classes.isKindOf('gizmo', 'artefact'), classes.isKindOf('Gizmo', 'device'), classes.isKindOf('artefact', 'gizmo'), classes.isKindOf('gizmo', 'unknown')];
    expect(verdicts()).toEqual([true, true, false, false]);
    expect(verdicts()).toEqual([true, true, false, false]);
    classes.close();
  });
});
