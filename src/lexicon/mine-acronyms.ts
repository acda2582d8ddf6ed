import { contentWords, fold, isStopword, stem, words } from '../text/terms.js';
import type { GlossaryEntry } from './glossary.js';

/** An acronym defined in a document: "Fonds commun pour l'eau (FCE)". */
export interface DefinedAcronym {
  acronym: string;
  expansion: string;
  language: string;
}

const DEFINITION = /\((\p{Lu}[\p{Lu}\d&]{1,9})\)/gu;

/**
 * The acronyms a text defines in the form "Expansion (ACR)": the expansion is the shortest run of words before the
 * parenthesis whose content words' initials spell the acronym (function words may stand between them).
 */
export function findDefinitions(text: string, language: string): DefinedAcronym[] {
  const found: DefinedAcronym[] = [];
  for (const m of text.matchAll(DEFINITION)) {
    const acronym = m[1]!;
    const letters = fold(acronym).replace(/[^a-z]/g, '');
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    const tokens = [...before.matchAll(/[\p{L}\p{N}]+/gu)];
    let matched = 0;
    let first = -1;
    for (let i = tokens.length - 1; i >= 0 && matched < letters.length; i--) {
      const word = fold(tokens[i]![0]);
      if (isStopword(word) || word.length < 2) continue;
      if (word[0] !== letters[letters.length - 1 - matched]) break;
      matched++;
      first = i;
    }
    if (matched !== letters.length || first < 0) continue;
    const expansion = before.slice(tokens[first]!.index).trim().replace(/\s+/g, ' ');
    if (!found.some((f) => f.acronym === acronym && f.expansion === expansion)) found.push({ acronym, expansion, language });
  }
  return found;
}

/** How much of `b`'s content words `a`'s words or their translations cover (0..1). */
function translationOverlap(a: string, b: string, translate: (word: string) => string[]): number {
  const target = new Set(contentWords(b).map(stem));
  if (target.size === 0) return 0;
  const reached = new Set<string>();
  for (const word of contentWords(a)) {
    for (const form of [word, ...translate(word)]) for (const w of words(form)) if (target.has(stem(w))) reached.add(stem(w));
  }
  return reached.size / target.size;
}

/**
 * Glossary entries for the acronyms a corpus defines, so that "FCE" matches "Fonds commun pour l'eau" and back.
 * An English and a French definition whose expansions translate into each other (dictionary words, most of them)
 * become one entry: "IWSN" then matches "RIEA". Mined from the documents when the index is built (stored in it), never hand-written.
 */
export function mineAcronyms(documents: Iterable<{ text: string; language: string }>, translate: (word: string) => string[] = () => []): GlossaryEntry[] {
  const definitions: DefinedAcronym[] = [];
  for (const document of documents) {
    for (const d of findDefinitions(document.text, document.language)) {
      if (!definitions.some((x) => x.acronym === d.acronym && fold(x.expansion) === fold(d.expansion))) definitions.push(d);
    }
  }
  const entries: GlossaryEntry[] = [];
  const used = new Set<DefinedAcronym>();
  for (const d of definitions) {
    if (used.has(d)) continue;
    used.add(d);
    const side = d.language === 'en' ? 'en' : 'fr';
    const entry: GlossaryEntry = { en: [], fr: [], kind: 'acronym', source: 'defined in the corpus' };
    entry[side].push(d.acronym, d.expansion);
    for (const other of definitions) {
      if (used.has(other) || other.language === d.language) continue;
      const overlap = Math.min(translationOverlap(d.expansion, other.expansion, translate), translationOverlap(other.expansion, d.expansion, translate));
      if (overlap >= 0.6) {
        used.add(other);
        entry[other.language === 'en' ? 'en' : 'fr'].push(other.acronym, other.expansion);
      }
    }
    entries.push(entry);
  }
  return entries;
}
