import { describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../src/corpus/load-corpus.js';
import { perDocument } from '../../src/corpus/per-document.js';

const document = (text: string): CorpusDocument => ({ id: 'b01.txt', title: 'Fonds commun', date: null, language: 'fr', text, hash: 'h' });

describe('perDocument', () => {
  it('computes a loaded document once, and a re-indexed one (a new object with the same id) again', () => {
    const read: string[] = [];
    const length = perDocument((d) => (read.push(d.text), d.text.length));
    const loaded = document('Le puits est ouvert.');
    expect([length(loaded), length(loaded)]).toEqual([20, 20]);
    expect(length(document('Le puits est fermé.'))).toBe(19);
    expect(read).toEqual(['Le puits est ouvert.', 'Le puits est fermé.']);
  });
});
