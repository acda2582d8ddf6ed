import { describe, expect, it } from 'vitest';
import { contentWords, fold, stem } from '../../src/text/terms.js';

const stemOf = (word: string) => stem(fold(word));

describe('folding', () => {
  it('lower-cases plain ASCII text, and removes diacritics and ligatures from other text', () => {
    expect(fold('The Office of Tallmark, 2031')).toBe('the office of tallmark, 2031');
    expect(fold('Œuvre des Réfugiés à Brœck, Straße')).toBe('oeuvre des refugies a broeck, strasse');
  });
});

describe('stems', () => {
  it('give a French feminine participle the stem of its verb, folded as the index folds it', () => {
    expect(new Set(['signée', 'signées', 'signé', 'signer'].map(stemOf))).toEqual(new Set([stemOf('signer')]));
    expect(new Set(['inaugurée', 'inauguré', 'inaugurer'].map(stemOf)).size).toBe(1);
    expect(new Set(['créée', 'créé', 'créer'].map(stemOf)).size).toBe(1);
  });

  it('give the forms of an English "-ee" word one stem', () => {
    expect(new Set(['guarantee', 'guarantees', 'guaranteed'].map(stemOf)).size).toBe(1);
    expect(new Set(['employee', 'employees'].map(stemOf)).size).toBe(1);
  });

  it('keep short words whole', () => {
    expect(stemOf('fee')).not.toBe('f');
    expect(stemOf('2030')).toBe('2030');
  });
});

describe('content words', () => {
  it('leave out the French pronouns the Snowball list lacks, as in an inverted question', () => {
    expect(contentWords("Quand les villes ont-elles signé celui dont parle ceux-ci ?")).toEqual(['villes', 'signe', 'parle', 'ci']);
  });
});

