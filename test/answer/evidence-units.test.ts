import { describe, expect, it } from 'vitest';
import { documentUnits, headingsOf, lowercaseWords, underSameHeading } from '../../src/answer/evidence-units.js';
import type { CorpusDocument } from '../../src/corpus/load-corpus.js';

const document = (text: string, language = 'en'): CorpusDocument => ({ id: 'release.txt', title: 'Release', date: null, language, text, hash: 'h' });

const contacts = [
  'The appeal seeks USD 2 million.',
  'For more information, please contact:',
  'IWSN:',
  'In Kingstown: Ms. Ana Torres, a.torres@iwsn.example',
  'In Geneva: Mr. Peter Marsh, p.marsh@iwsn.example',
  'CWUA:',
  'In Kingstown: Ms. Joy Sandy, j.sandy@cwua.example',
].join('\n');

describe('headings', () => {
  it('sets each line under the colon-ended lines that head it, nesting consecutive headings', () => {
    const units = documentUnits(document(contacts));
    const headingTexts = (i: number) => units[i]!.headings.map((h) => units[h]!.text);
    expect(units[0]!.headings).toEqual([]);
    expect(headingTexts(3)).toEqual(['For more information, please contact:', 'IWSN:']);
    expect(headingTexts(6)).toEqual(['For more information, please contact:', 'CWUA:']);
  });

  it('tells the lines of one heading from those of the next', () => {
    const units = documentUnits(document(contacts));
    expect(underSameHeading(units[3]!, units[4]!)).toBe(true);
    expect(underSameHeading(units[4]!, units[6]!)).toBe(false);
  });

  it('ends at a blank line and ignores a colon inside a line', () => {
    const text = 'Key figures:\n48,000 people lack water.\n\nThe nurse said: "We lost power."';
    const spans = [{ start: 0, end: 12 }, { start: 13, end: 38 }, { start: 40, end: text.length }];
    expect(headingsOf(text, spans)).toEqual([[], [0], []]);
  });

  it('counts lines under a heading as content, not navigation', () => {
    const units = documentUnits(document(contacts));
    expect(units[3]!.prose).toBe(true);
  });
});

describe('lowercaseWords', () => {
  it('lists the words a document writes in lower case, not those it only capitalises', () => {
    const words = lowercaseWords(document('Mr. Peter Marsh visited the marsh. The Minister met the press.'));
    expect(words.has('marsh')).toBe(true);
    expect(words.has('peter')).toBe(false);
    expect(words.has('minister')).toBe(false);
    expect(words.has('press')).toBe(true);
  });
});
