import { describe, expect, it } from 'vitest';
import { stem } from '../../src/text/terms.js';
import { concatLexicalIndexes, encodeLexicalIndex, lexicalTerms, openLexicalIndex } from '../../src/index/lexical-index.js';

const chunks = [
  ['refug', 'venezuel', 'refug', 'conferenc'],
  ['conferenc', 'solidar'],
  ['migrat', 'oim', 'belgiqu'],
  ['漢字', 'été', 'refug'],
  ['migrat', 'migrat', 'migrat', 'refug', 'conferenc', 'oim', 'accord', 'sign'],
];
const index = openLexicalIndex(encodeLexicalIndex(chunks));

describe('the persisted lexical index', () => {
  it('counts in how many chunks each stem occurs, multibyte stems included', () => {
    expect(index.size).toBe(5);
    expect(['refug', 'conferenc', 'migrat', '漢字', 'été', 'absent'].map((t) => index.documentFrequency(t))).toEqual([3, 3, 2, 1, 1, 0]);
  });

  it('keeps the same best chunks in its heap as a full ranking does', () => {
    const terms = new Map([['refug', 1], ['conferenc', 1], ['oim', 0.5]]);
    const all = index.search(terms, 10);
    expect(all.map(([id]) => id).sort()).toEqual([0, 1, 2, 3, 4]);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]![1]).toBeGreaterThanOrEqual(all[i]![1]);
    expect(index.search(terms, 2)).toEqual(all.slice(0, 2));
  });

  it('ranks a chunk with more of the query stems above one with fewer', () => {
    const [first] = index.search(new Map([['refug', 1], ['venezuel', 1]]), 1);
    expect(first![0]).toBe(0);
  });

  it('applies the filter and the boosts', () => {
    expect(index.search(new Map([['refug', 1]]), 10, (id) => id !== 0).map(([id]) => id)).not.toContain(0);
    const plain = index.search(new Map([['oim', 1]]), 1)[0]![1];
    expect(index.search(new Map([['oim', 2]]), 1)[0]![1]).toBeCloseTo(plain * 2);
  });

  it('stores the stems of the title and the text, without stopwords', () => {
    expect(lexicalTerms('Réfugiés', 'Les réfugiés et la conférence')).toEqual([stem('refugies'), stem('refugies'), stem('conference')]);
  });

  it('rejects truncated or foreign bytes as a corrupt index', () => {
    const bytes = encodeLexicalIndex(chunks);
    expect(() => openLexicalIndex(bytes.subarray(0, bytes.length - 8))).toThrow(/lexical\.bin is corrupt/);
    expect(() => openLexicalIndex(new Uint8Array(64))).toThrow(/lexical\.bin is corrupt/);
  });

  it('joins the indexes of consecutive runs of chunks into the bytes of one index of them all', () => {
    const withEmpty = [...chunks, [], ['zèbre', 'refug']];
    const whole = Buffer.from(encodeLexicalIndex(withEmpty));
    for (const cuts of [[1], [2, 3], [1, 2, 3, 4, 5, 6], [0, 7], [3, 3]]) {
      const bounds = [0, ...cuts, withEmpty.length];
      const parts = bounds.slice(1).map((end, i) => encodeLexicalIndex(withEmpty.slice(bounds[i], end)));
      expect(Buffer.from(concatLexicalIndexes(parts))).toEqual(whole);
    }
    expect(Buffer.from(concatLexicalIndexes([]))).toEqual(Buffer.from(encodeLexicalIndex([])));
  });
});
