import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';

// Any character outside ASCII: text without one has no ligature, diacritic or decomposition to fold.
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-cases and removes diacritics and ligatures so that "Réfugiés" and "refugies" compare equal. */
export function fold(text: string): string {
  // Most words and every English question are ASCII: lower-casing is all their folding, several times faster.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
}

// Question words and fillers are stopwords for retrieval in both languages; the Snowball lists leave them out.
const questionWords = [
  'combien', 'comment', 'pourquoi', 'quand', 'quoi', 'ou', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'est', 'ce',
  'how', 'many', 'much', 'what', 'which', 'when', 'where', 'who', 'whom', 'whose', 'why', 'does', 'did', 'do', 'tell',
  // French pronouns the Snowball list leaves out (closed classes: personal, demonstrative, relative): "ont-elles".
  'elles', 'celle', 'celles', 'celui', 'ceux', 'ça', 'dont', 'auquel', 'auxquels', 'auxquelles', 'duquel', 'desquels', 'desquelles',
];

const stopwordSet = new Set([...englishStopwords, ...frenchStopwords, ...questionWords].map(fold));

/** True for function words of French or English (after folding). */
export function isStopword(word: string): boolean {
  return stopwordSet.has(word);
}

/** Splits text into folded word tokens: letters and digits, apostrophes and hyphens split words ("l'OIM" → "l", "oim"). */
export function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Folded content words of a text: no stopwords, no single characters. */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => w.length > 1 && !isStopword(w));
}

const stemCache = new Map<string, string>();
const PARTICIPLE_END = /ee[sd]?$/;

/**
 * One stem for a folded word, whatever its language: the shorter of its French and English Snowball stems.
 * Every word counts once (two stems per word would double-count words whose stemmers disagree), and neither the
 * index nor the question needs to know its language.
 */
export function stem(word: string): string {
  let cached = stemCache.get(word);
  if (cached === undefined) {
    if (/^\p{N}+$/u.test(word)) cached = word;
    else {
      const fr = frenchStemmer(word);
      const en = englishStemmer(word);
      cached = en.length < fr.length ? en : fr;
      // Folded, a French feminine participle keeps an "e" the stemmer would have read as "é" ("signée" → "signee"
      // → "signe", while "signé" and "signer" give "sign"): dropped, every form of the verb has one stem. English
      // "-ee(d)" words lose it too ("guarantee", "guaranteed" → "guarant"), so "agree" ("agr") no longer shares
      // "agreement"'s stem ("agre").
      if (PARTICIPLE_END.test(word) && cached.length >= 4 && cached.endsWith('e')) cached = cached.slice(0, -1);
    }
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, cached);
  }
  return cached;
}
