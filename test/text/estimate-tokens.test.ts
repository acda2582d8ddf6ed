import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../../src/text/estimate-tokens.js';

describe('estimateTokens', () => {
  it('counts one token per started four characters of a word and one per punctuation mark', () => {
    // "Les" 1, "réfugiés" 2, "vénézuéliens" 3, "," 1, "OIM" 1, "." 1
    expect(estimateTokens('Les réfugiés vénézuéliens, OIM.')).toBe(9);
  });

  it('counts nothing for empty or blank text', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens(' \n\t ')).toBe(0);
  });

  it('grows with the text', () => {
    expect(estimateTokens('mot '.repeat(100))).toBe(100);
  });
});
