import data from './domain-glossary.json' with { type: 'json' };
import { isStopword, stem, words } from '../text/terms.js';
import { countryEntries } from './country-names.js';

/** One concept of the domain glossary with its English and French names (acronyms, full names, terms). */
export interface GlossaryEntry {
  en: string[];
  fr: string[];
  kind: string;
  /** Where the names can be checked. */
  source: string;
}

/** A glossary concept found in a text. */
export interface GlossaryMatch {
  entry: GlossaryEntry;
  /** The variant as written in the glossary. */
  variant: string;
  language: 'en' | 'fr';
  /** Index of the variant's first and past-last word in `words(text)`. */
  from: number;
  to: number;
}

/** The domain glossary, indexed for phrase look-up over folded words. */
export interface Glossary {
  entries: GlossaryEntry[];
  /** Stem of the first word of a variant → the variants that start with it (with their words' stems). */
  byFirstWord: Map<string, Array<{ entry: GlossaryEntry; variant: string; language: 'en' | 'fr'; words: string[] }>>;
}

const isAcronym = (variant: string) => /^\p{Lu}[\p{Lu}\d]{1,7}$/u.test(variant);

/**
 * Builds a glossary; by default the bundled UN-system, EU and migration glossary (src/lexicon/domain-glossary.json,
 * each entry with its source) and the countries' English and French names (see `countryEntries`). Extra entries, such as acronyms defined in the corpus itself, can be added.
 */
export function createGlossary(entries: GlossaryEntry[] = [...data.entries, ...countryEntries(data.entries)]): Glossary {
  const byFirstWord: Glossary['byFirstWord'] = new Map();
  for (const entry of entries) {
    for (const language of ['en', 'fr'] as const) {
      for (const variant of entry[language]) {
        // Stems, so that "chairs" finds "chair" and "délégations" finds "délégation".
        const variantWords = words(variant).map(stem);
        if (variantWords.length === 0) continue;
        const list = byFirstWord.get(variantWords[0]!) ?? [];
        list.push({ entry, variant, language, words: variantWords });
        byFirstWord.set(variantWords[0]!, list);
      }
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { entries, byFirstWord };
}

/**
 * Glossary concepts named in a text (compared by stems), longest variant first at each position, without overlaps. An acronym counts
 * where it is written in capitals ("WHO", not "who"; "UE" not "ue"), so that function words never match; or in lower
 * case as people type it ("iom", "unhcr") when it has three letters or more and is no function word.
 */
export function findGlossaryTerms(glossary: Glossary, text: string): GlossaryMatch[] {
  const folded = words(text).map(stem);
  const raw = text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const matches: GlossaryMatch[] = [];
  for (let i = 0; i < folded.length; ) {
    const candidates = glossary.byFirstWord.get(folded[i]!) ?? [];
    const found = candidates.find((c) =>
      c.words.every((w, j) => folded[i + j] === w) && (!isAcronym(c.variant) || raw[i] === c.variant || typedAcronym(raw[i]!, c.variant)),
    );
    if (found) {
      matches.push({ entry: found.entry, variant: found.variant, language: found.language, from: i, to: i + found.words.length });
      i += found.words.length;
    } else i++;
  }
  return matches;
}

/** Where the names of several words that `findGlossaryTerms` found stand in its text (character offsets), for reading
 * the text without them ("Pacte mondial pour des migrations sûres, ordonnées et régulières" joins no two things). */
export function glossaryNameSpans(text: string, matches: GlossaryMatch[]): Array<[number, number]> {
  const at = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => [m.index, m.index + m[0].length] as const);
  return matches
    .filter((m) => m.to - m.from > 1 && at[m.to - 1])
    .map((m) => [at[m.from]![0], at[m.to - 1]![1]]);
}

/** An acronym typed in lower case: three letters or more, and not a function word ("who", "ils"). */
function typedAcronym(written: string, acronym: string): boolean {
  return written.length >= 3 && written === acronym.toLowerCase() && !isStopword(written);
}

/**
 * Writes the acronyms of one language as the other language's readers know them (OIM → IOM, HCR → UNHCR): for
 * machine translations, whose engines leave unknown acronyms as they are.
 */
export function localiseAcronyms(glossary: Glossary, text: string, to: 'en' | 'fr'): string {
  const from = to === 'en' ? 'fr' : 'en';
  const replacements = new Map<string, string>();
  for (const entry of glossary.entries) {
    const target = entry[to].find(isAcronym);
    if (!target) continue;
    for (const variant of entry[from]) if (isAcronym(variant) && variant !== target && !entry[to].includes(variant)) replacements.set(variant, target);
  }
  if (replacements.size === 0) return text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${[...replacements.keys()].join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return text.replace(pattern, (m) => replacements.get(m) ?? m);
}

/** The bundled domain glossary, built once. */
export const domainGlossary: Glossary = createGlossary();
