import { describe, expect, it } from 'vitest';
import { countryEntries, regionNames } from '../../src/lexicon/country-names.js';
import { createGlossary, findGlossaryTerms } from '../../src/lexicon/glossary.js';

describe('country names', () => {
  it('names regions in English and French from the platform data', () => {
    expect(regionNames()).toContainEqual({ code: 'US', en: 'United States', fr: 'États-Unis' });
  });

  it('leaves out the codes that name no country or territory (United Nations, European Union)', () => {
    const names = regionNames().flatMap((r) => [r.en, r.fr]);
    expect(names).not.toContain('Nations Unies');
    expect(names).not.toContain('European Union');
  });

  it('makes glossary entries only where the two names differ and no entry holds them', () => {
    const entries = countryEntries([{ en: ['Germany'], fr: ['Allemagne'], kind: 'country', source: 'test' }]);
    expect(entries.some((e) => e.en.includes('Germany'))).toBe(false);
    expect(entries.some((e) => e.en.includes('Canada'))).toBe(false);
    expect(entries.find((e) => e.en.includes('Colombia'))?.fr).toEqual(['Colombie']);
  });

  it('lets the glossary find a country of several words in either language', () => {
    const glossary = createGlossary(countryEntries([]));
    const [match] = findGlossaryTerms(glossary, 'Who represented the United States?');
    expect(match?.entry.fr).toEqual(['États-Unis']);
  });
});
