import { describe, expect, it } from 'vitest';
import { spellingNeighbours } from '../../src/lexicon/spelling-neighbours.js';

describe('spellingNeighbours', () => {
  const dictionary = new Set(['turkey', 'turk', 'turban', 'norway', 'narrow', 'form', 'from']);
  const isWord = (w: string) => dictionary.has(w);

  it('finds the dictionary words one letter added, left out, replaced or swapped away', () => {
    expect(spellingNeighbours('turky', isWord)).toEqual(['turk', 'turkey']);
    expect(spellingNeighbours('norwey', isWord)).toEqual(['norway']);
    expect(spellingNeighbours('fomr', isWord)).toEqual(['form']);
  });

  it('does not offer the word itself or words two edits away', () => {
    expect(spellingNeighbours('turkey', isWord)).toEqual([]);
    expect(spellingNeighbours('trukye', isWord)).toEqual([]);
  });
});
