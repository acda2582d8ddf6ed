import { describe, expect, it } from 'vitest';
import { wordnetDir } from '../../src/lexicon/noun-classes.js';
import { openPertainyms } from '../../src/lexicon/pertainyms.js';

describe('openPertainyms', () => {
  it('gives the adjectives that pertain to a noun and the noun of an adjective, whatever their case', () => {
    const pertainyms = openPertainyms(wordnetDir())!;
    try {
      expect(pertainyms.adjectivesOf('Belgium')).toContain('Belgian');
      expect(pertainyms.adjectivesOf('spain')).toContain('Spanish');
      expect(pertainyms.adjectivesOf('notanoun')).toEqual([]);
      expect(pertainyms.nounsOf('belgian')).toEqual(['Belgium']);
    } finally {
      pertainyms.close();
    }
  });

  it('is absent without the WordNet database', () => {
    expect(openPertainyms('/nonexistent')).toBeNull();
    expect(openPertainyms(null)).toBeNull();
  });
});
