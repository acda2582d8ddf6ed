import { describe, expect, it } from 'vitest';
import { isCommonWord, lexicalKnowledge } from '../../src/lexicon/lexical-knowledge.js';
import { extractDetails } from '../../src/verify/claim-details.js';

const knowledge = lexicalKnowledge();
const detailsOf = (text: string) => extractDetails(text, (w) => isCommonWord(knowledge, w), knowledge.glossary);

describe('extractDetails', () => {
  it('reads a country that opens a claim as a place the evidence must state', () => {
    expect(detailsOf('Colombia hosts the largest number of Venezuelan refugees.')).toContainEqual(expect.objectContaining({ kind: 'place', text: 'Colombia', start: 0, end: 8 }));
  });

  it('reads an acronym that opens a claim as an organisation, at its offsets', () => {
    const text = 'IWSN will install solar pumps in Haiti.';
    const details = detailsOf(text);
    expect(details).toContainEqual(expect.objectContaining({ kind: 'organisation', text: 'IWSN', start: 0, end: 4 }));
    for (const d of details) expect(text.slice(d.start, d.end)).toBe(d.text);
  });
});
