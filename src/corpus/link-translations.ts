import { contentWords, fold, isStopword, stem } from '../text/terms.js';

/**
 * When two documents are the French and English versions of one release. Only documents of different languages
 * with the same stated date (and the same publisher when both name one) are compared; their score is a weighted
 * sum of three cross-language overlaps that need no translation model:
 * - numbers (figures, amounts, years, read with either decimal mark): a translation keeps them all;
 * - names (capitalised words that are not dictionary words): places, people and organisations keep their spelling;
 * - words: how much of each text the other's words reach through the bilingual dictionary (or as cognates).
 */
export const translationPolicy = {
  weights: { numbers: 0.4, names: 0.3, words: 0.3 },
  /**
   * Score from which two documents are linked, about midway: the second corpus's French/English pair (one forum,
   * written separately, not word for word) scores 0.41 with the FreeDict lexicon and 0.36 without it; every other
   * French/English pair of the seeds, the second corpus and the translation fixtures scores 0.17 or less, even when
   * their dates are ignored.
   */
  minScore: 0.27,
  /** Fewest numbers and names in all that the texts must state: below, a match of two or three proves little. */
  minDetails: 4,
} as const;

/** The policy's fields. */
export type TranslationPolicy = typeof translationPolicy;

/** What linking needs of a document. */
export interface LinkableDocument {
  id: string;
  language: string;
  date: string | null;
  text: string;
  /** The publisher a loader read from the page's metadata, when it did. */
  publisher?: string | null;
}

/** A number token read with either decimal mark and any thousands grouping: "4,5" and "4.5" → "4.5", "1 200" → "1200". */
function normaliseNumber(raw: string): string {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, '');
  const last = Math.max(compact.lastIndexOf(','), compact.lastIndexOf('.'));
  // A separator followed by exactly three digits groups thousands; any other last separator is the decimal mark.
  const decimal = last >= 0 && compact.length - last - 1 !== 3 ? last : -1;
  const whole = (decimal >= 0 ? compact.slice(0, decimal) : compact).replace(/[.,]/g, '');
  return decimal >= 0 ? `${whole}.${compact.slice(decimal + 1)}` : whole;
}

/** The distinct numbers of a text with two or more digits (single digits are too common to tell releases apart). */
function numbersOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/\d(?:[\d\u00a0\u202f]|[.,\s](?=\d))*/g)) {
    const value = normaliseNumber(m[0]);
    if (value.replace('.', '').length >= 2) found.add(value);
  }
  return found;
}

/** Folded capitalised words that are neither sentence starts nor dictionary or function words. */
function namesOf(text: string, translate: (word: string) => string[]): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<=[^.!?\n«"“]\s+)\p{Lu}[\p{L}-]{2,}/gu)) {
    const word = fold(m[0]);
    if (!isStopword(word) && translate(word).length === 0) found.add(word);
  }
  return found;
}

/** Dice coefficient of two sets. */
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Share of `target`'s content stems that `source`'s words reach, as themselves or through a translation. */
function reach(source: string[], target: Set<string>, translate: (word: string) => string[]): number {
  if (target.size === 0) return 0;
  const reached = new Set<string>();
  for (const word of new Set(source)) {
    for (const form of [word, ...translate(word)]) for (const w of contentWords(form)) if (target.has(stem(w))) reached.add(stem(w));
  }
  return reached.size / target.size;
}

/** The features of one document, read once. */
interface Features {
  numbers: Set<string>;
  names: Set<string>;
  words: string[];
  stems: Set<string>;
}

function featuresOf(text: string, translate: (word: string) => string[]): Features {
  const words = contentWords(text);
  return { numbers: numbersOf(text), names: namesOf(text, translate), words, stems: new Set(words.map(stem)) };
}

/** Whether two documents may be versions of one release at all: other languages, same date, same publisher. */
function comparable(a: LinkableDocument, b: LinkableDocument): boolean {
  if (a.language === b.language || !a.date || a.date !== b.date) return false;
  return !a.publisher || !b.publisher || fold(a.publisher).trim() === fold(b.publisher).trim();
}

/** The cross-language score of two documents' features (see {@link translationPolicy}). */
function score(a: Features, b: Features, translate: (word: string) => string[], policy: TranslationPolicy): number {
  if (a.numbers.size + a.names.size + b.numbers.size + b.names.size < policy.minDetails) return 0;
  const words = (reach(a.words, b.stems, translate) + reach(b.words, a.stems, translate)) / 2;
  const { weights } = policy;
  return weights.numbers * dice(a.numbers, b.numbers) + weights.names * dice(a.names, b.names) + weights.words * words;
}

/**
 * Groups the documents that are versions of one release in different languages: each pair of comparable
 * documents is scored, and pairs are linked best first, each document joining at most one version per language.
 * Returns each linked document's id → the ids of its group (itself included, in the documents' order).
 */
export function linkTranslations(
  documents: LinkableDocument[],
  translate: (word: string) => string[] = () => [],
  policy: TranslationPolicy = translationPolicy,
): Map<string, string[]> {
  const features = new Map<string, Features>();
  const featuresFor = (d: LinkableDocument) => {
    let f = features.get(d.id);
    if (!f) features.set(d.id, (f = featuresOf(d.text, translate)));
    return f;
  };
  const pairs: Array<{ a: LinkableDocument; b: LinkableDocument; score: number }> = [];
  const byDate = new Map<string, LinkableDocument[]>();
  for (const d of documents) if (d.date) byDate.set(d.date, [...(byDate.get(d.date) ?? []), d]);
  for (const sameDay of byDate.values()) {
    for (let i = 0; i < sameDay.length; i++) {
      for (let j = i + 1; j < sameDay.length; j++) {
        const [a, b] = [sameDay[i]!, sameDay[j]!];
        if (!comparable(a, b)) continue;
        const s = score(featuresFor(a), featuresFor(b), translate, policy);
        if (s >= policy.minScore) pairs.push({ a, b, score: s });
      }
    }
  }
  const groupOf = new Map<string, LinkableDocument[]>();
  for (const { a, b } of pairs.sort((x, y) => y.score - x.score)) {
    const ga = groupOf.get(a.id) ?? [a];
    const gb = groupOf.get(b.id) ?? [b];
    if (ga === gb || ga.some((x) => gb.some((y) => y.language === x.language))) continue;
    const merged = [...ga, ...gb];
    for (const d of merged) groupOf.set(d.id, merged);
  }
  const order = new Map(documents.map((d, i) => [d.id, i]));
  return new Map([...groupOf].map(([id, group]) => [id, group.map((d) => d.id).sort((x, y) => order.get(x)! - order.get(y)!)]));
}

/** The score of two documents, for tests and tuning (0 when they are not comparable). */
export function translationScore(a: LinkableDocument, b: LinkableDocument, translate: (word: string) => string[] = () => [], policy: TranslationPolicy = translationPolicy): number {
  return comparable(a, b) ? score(featuresOf(a.text, translate), featuresOf(b.text, translate), translate, policy) : 0;
}
