import { describe, expect, it } from 'vitest';
import { answerPolicy } from '../../src/answer/answer-policy.js';
import { documentUnits } from '../../src/answer/evidence-units.js';
import { coverage, type WeightedTerm } from '../../src/answer/score-evidence.js';
import type { CorpusDocument } from '../../src/corpus/load-corpus.js';
import { stem } from '../../src/text/terms.js';

const document = (id: string, language: string, text: string): CorpusDocument => ({ id, title: id, date: null, language, text, hash: id });

describe('dictionary translations', () => {
  it('match only text in their language', () => {
    const policy = answerPolicy();
    const note: WeightedTerm = {
      words: ['calcule'], forms: [{ stems: [stem('calcule')], kind: 'exact' }, { stems: [stem('note')], kind: 'translation', language: 'en' }],
      isName: false, isProperName: false, isNumber: false, isOrdinal: false, isFocus: false, fromHistory: false, isMeta: false, weight: 1, unknown: false,
    };
    const [unit] = documentUnits(document('fr.txt', 'fr', 'Les participants ont pris note des annonces.'));
    const [englishUnit] = documentUnits(document('en.txt', 'en', 'The participants took note of the pledges.'));
    expect(coverage([note], unit!, policy).matches[0]).toBeNull();
    expect(coverage([note], englishUnit!, policy).matches[0]?.kind).toBe('translation');
  });
});
