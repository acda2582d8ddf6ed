import type { GlossaryEntry } from './glossary.js';

/** A country or region with its English and French names. */
export interface RegionName {
  code: string;
  en: string;
  fr: string;
}

let regions: RegionName[] | null = null;

// Two-letter codes CLDR names that are no country or territory: supranational bodies (European Union, Eurozone,
// United Nations), the "Outlying Oceania" grouping and private-use codes. "Nations Unies" names no place.
const NOT_REGIONS = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

/**
 * Every country or territory the platform's CLDR data names in English and French ("US": "United States" /
 * "États-Unis"), from `Intl.DisplayNames` over all two-letter codes: general knowledge that needs no data file.
 */
export function regionNames(): RegionName[] {
  if (!regions) {
    const [en, fr] = ['en', 'fr'].map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    regions = [];
    for (const a of letters) for (const b of letters) {
      const code = a + b;
      if (NOT_REGIONS.has(code)) continue;
      const names = { en: en!.of(code), fr: fr!.of(code) };
      if (names.en && names.fr) regions.push({ code, en: names.en, fr: names.fr });
    }
  }
  return regions;
}

/**
 * Glossary entries for the countries whose English and French names differ ("United States" / "États-Unis"), so
 * that a country named in one language is found, and required, in text of the other. Names an existing entry
 * already holds are left to it.
 */
export function countryEntries(existing: GlossaryEntry[]): GlossaryEntry[] {
  const known = new Set(existing.flatMap((e) => [...e.en, ...e.fr]).map((n) => n.toLowerCase()));
  return regionNames()
    .filter((r) => r.en.toLowerCase() !== r.fr.toLowerCase() && !known.has(r.en.toLowerCase()) && !known.has(r.fr.toLowerCase()))
    .map((r) => ({ en: [r.en], fr: [r.fr], kind: 'country', source: `Unicode CLDR region ${r.code} (Intl.DisplayNames)` }));
}
