import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../src/text/sentence-spans.js';

const sentences = (text: string, language = 'fr') => sentenceSpans(text, language).map((s) => text.slice(s.start, s.end));

describe('sentenceSpans', () => {
  it('keeps a French attribution with its title and name in one sentence', () => {
    expect(sentences('« Nous avançons », a déclaré M. Paul Durand, directeur adjoint. La séance est levée.')).toEqual([
      '« Nous avançons », a déclaré M. Paul Durand, directeur adjoint.',
      'La séance est levée.',
    ]);
  });

  it('does not cut after Mme, Dr, St. or an initial', () => {
    const text = 'Mme Claire Roux et le Dr. Jane K. Otieno ont visité St. Vincent. Elles sont reparties.';
    expect(sentences(text)).toEqual(['Mme Claire Roux et le Dr. Jane K. Otieno ont visité St. Vincent.', 'Elles sont reparties.']);
  });

  it('reads dotted abbreviations such as U.S. and p. ex. as part of the sentence', () => {
    expect(sentences('The U.S. Agency paid, e.g. for wells. It left.', 'en')).toEqual(['The U.S. Agency paid, e.g. for wells.', 'It left.']);
    expect(sentences('Des zones, p. ex. le sud, sont touchées. Voilà.')).toEqual(['Des zones, p. ex. le sud, sont touchées.', 'Voilà.']);
  });

  it('keeps a contact line together over the abbreviations of a telephone number', () => {
    const line = 'Contact: Awa Diallo, Tel. +221 33 800 12 34 Ext. 12, Email: adiallo@example.org';
    expect(sentences(line, 'en')).toEqual([line]);
  });

  it('ends a sentence at "etc." followed by a capital, not before a lower-case word', () => {
    expect(sentences('Des pompes, des tuyaux, etc. Le reste suit.')).toEqual(['Des pompes, des tuyaux, etc.', 'Le reste suit.']);
    expect(sentences('Des pompes, etc. ont été livrées.')).toEqual(['Des pompes, etc. ont été livrées.']);
  });

  it('returns spans that slice the original text exactly', () => {
    const text = '  Première phrase.  Seconde, avec M. X.\nTroisième ligne.';
    for (const span of sentenceSpans(text)) expect(text.slice(span.start, span.end)).toBe(text.slice(span.start, span.end).trim());
    expect(sentences(text)).toHaveLength(3);
  });
});
