import type { CorpusDocument } from '../corpus/load-corpus.js';
import { sentenceSpans } from '../ingest/chunk-document.js';
import type { Passage } from '../retrieval/retriever.js';
import type { ExpandedQuery, QueryTerm } from '../retrieval/expand-query.js';
import { contentWords, isStopword, stem, words } from '../text/terms.js';
import { sentenceHasKind, type QuestionKind } from './question-kind.js';

/** A sentence of a retrieved passage, scored against the question. */
export interface ScoredSentence {
  passage: Passage;
  /** Offsets in the document's clean text. */
  start: number;
  end: number;
  text: string;
  /** IDF-weighted share of the question's content words that the sentence contains (0..1). */
  coverage: number;
  /** Whether it holds the kind of fact asked for (a number for "how many"…). */
  hasKind: boolean;
  score: number;
}

const MAX_UNIT = 700;

/** Quotation marks still open at the end of a text: French guillemets and English curly quotes. */
function openQuotes(text: string): number {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/«/g) - count(/»/g) + count(/“/g) - count(/”/g);
}

/**
 * Sentence spans for answers, with a quotation kept whole: when a sentence opens « or “ and a later sentence of the
 * same paragraph closes it, they form one unit, so the attribution ("», a déclaré X", "”, said X") stays with the
 * words it attributes. Units stay under 700 characters.
 */
export function answerUnits(text: string, language: string): Array<{ start: number; end: number }> {
  const units: Array<{ start: number; end: number }> = [];
  for (const span of sentenceSpans(text, language)) {
    const last = units.at(-1);
    const joinable = last && openQuotes(text.slice(last.start, last.end)) > 0 && !text.slice(last.end, span.start).includes('\n') && span.end - last.start <= MAX_UNIT;
    if (joinable) last.end = span.end;
    else units.push({ ...span });
  }
  return units;
}

/** Weights of the match kinds: the word itself, a dictionary translation, a cognate sharing a long prefix. */
const EXACT = 1;
const TRANSLATED = 0.8;
const COGNATE = 0.6;

/** Words sharing a prefix of at least 5 letters and half the shorter word ("venezuelan"/"venezueliens"). */
function isCognate(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i >= 5 && i >= Math.min(a.length, b.length) / 2;
}

/** Stems and words of a span of text, for matching question terms. */
interface Bag {
  stems: Set<string>;
  words: string[];
}

function bagOf(text: string): Bag {
  const words = contentWords(text);
  return { stems: new Set(words.map(stem)), words };
}

function termMatch(term: QueryTerm, bag: Bag): number {
  if (bag.stems.has(term.stem)) return EXACT;
  if (term.translationStems.some((s) => bag.stems.has(s))) return TRANSLATED;
  if (!/^\p{N}+$/u.test(term.word) && bag.words.some((w) => isCognate(term.word, w))) return COGNATE;
  return 0;
}

/** How much more the counted word of a "how many" question weighs than its other words. */
const FOCUS_WEIGHT = 3;

/**
 * BM25-style inverse document frequency of each question term over the index's chunks; the focus word of a
 * counting question (see `focusWord`) weighs more.
 */
export function termWeights(query: ExpandedQuery, corpus: { chunks: number; frequencies: Map<string, number> }, focus: string | null = null): number[] {
  const n = corpus.chunks;
  return query.terms.map((term) => {
    const df = corpus.frequencies.get(term.stem) ?? 0;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    return term.word === focus ? idf * FOCUS_WEIGHT : idf;
  });
}

/** The chunk's coverage lends context: a sentence in a passage about the topic beats one that shares a word by chance. */
function blend(sentenceCoverage: number, chunkCoverage: number): number {
  return 0.7 * sentenceCoverage + 0.3 * chunkCoverage;
}


/**
 * Whether a number stands within three words of a word of the question ("120 délégations" for "how many
 * delegations"): the shape of an answer to a counting question, in any language.
 */
function numberNearTerm(text: string, query: ExpandedQuery): boolean {
  const tokens = words(text);
  return tokens.some((token, i) => {
    if (!/^\d/.test(token)) return false;
    const window = tokens.slice(Math.max(0, i - 3), i + 4).filter((w) => !/^\d/.test(w) && !isStopword(w));
    return query.terms.some((term) => termMatch(term, { stems: new Set(window.map(stem)), words: window }) > 0);
  });
}

/** Folded words written with a capital inside the question (not its first word): names of people, places, bodies. */
function properNouns(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;:'’]\s+)(\p{Lu}[\p{L}-]*)/gu)) for (const w of words(m[1]!)) names.add(w);
  return names;
}

/**
 * The share of the question's weight held by names the communiqués never mention: no chunk has the name's stem or
 * one of its translations, and no retrieved passage has a cognate of it. A question that is mostly about such a
 * name ("the capital of Australia") is not answered from passages that only share its other words.
 */
export function unknownNameShare(query: ExpandedQuery, weights: number[], frequencies: Map<string, number>, passages: Passage[]): number {
  const names = properNouns(query.original);
  const total = weights.reduce((a, b) => a + b, 0);
  if (names.size === 0 || total === 0) return 0;
  let poolWords: string[] | null = null;
  let unknown = 0;
  query.terms.forEach((term, i) => {
    if (!names.has(term.word) || /^\p{N}+$/u.test(term.word)) return;
    if ((frequencies.get(term.stem) ?? 0) > 0 || term.translationStems.some((s) => (frequencies.get(s) ?? 0) > 0)) return;
    poolWords ??= [...new Set(passages.flatMap((p) => contentWords(`${p.chunk.title}\n${p.chunk.text}`)))];
    if (poolWords.some((w) => isCognate(term.word, w))) return;
    unknown += weights[i]!;
  });
  return unknown / total;
}

/** IDF-weighted coverage of the question's terms by a bag of words. */
function coverage(query: ExpandedQuery, weights: number[], bag: Bag): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  return query.terms.reduce((sum, term, i) => sum + weights[i]! * termMatch(term, bag), 0) / total;
}

/**
 * Scores the answer units (sentences, whole quotations) of the passages' documents that overlap each passage, by
 * question coverage (mostly), the passage's retrieval score, and whether they hold the kind of fact asked for.
 * Units shared by overlapping chunks appear once.
 */
export function scoreSentences(
  query: ExpandedQuery,
  passages: Passage[],
  weights: number[],
  kind: QuestionKind,
  documents: Map<string, CorpusDocument>,
): ScoredSentence[] {
  const seen = new Set<string>();
  const sentences: ScoredSentence[] = [];
  for (const passage of passages) {
    const { chunk } = passage;
    const document = documents.get(chunk.docId);
    if (!document) continue;
    const chunkCoverage = coverage(query, weights, chunkBag(chunk));
    // Units come from the whole document, so a quotation that a chunk boundary cuts is still quoted whole.
    for (const unit of documentUnits(document)) {
      if (unit.end <= chunk.start || unit.start >= chunk.end) continue;
      const text = document.text.slice(unit.start, unit.end);
      const key = `${chunk.docId}:${unit.start}`;
      // The title is shown with every citation already; quoting it as evidence says nothing new.
      if (seen.has(key) || text.length < 15 || !/\p{L}{3}/u.test(text) || text === chunk.title) continue;
      seen.add(key);
      const sentenceCoverage = coverage(query, weights, unit.bag);
      const hasKind = kind === 'number' ? numberNearTerm(text, query) : kind !== 'other' && sentenceHasKind(text, kind);
      const blended = blend(sentenceCoverage, chunkCoverage);
      sentences.push({
        passage,
        start: unit.start,
        end: unit.end,
        text,
        coverage: blended,
        hasKind,
        score: blended + 0.15 * passage.score + (hasKind ? 0.1 : 0),
      });
    }
  }
  return sentences.sort((a, b) => b.score - a.score);
}

/** An answer unit of a document with its words, tokenized once. */
interface Unit {
  start: number;
  end: number;
  bag: Bag;
}

const unitCache = new WeakMap<CorpusDocument, Unit[]>();
const chunkBags = new WeakMap<Passage['chunk'], Bag>();

/** A document's answer units and their words, computed once per loaded document (not on every question). */
function documentUnits(document: CorpusDocument): Unit[] {
  let units = unitCache.get(document);
  if (!units) {
    units = answerUnits(document.text, document.language).map((u) => ({ ...u, bag: bagOf(document.text.slice(u.start, u.end)) }));
    unitCache.set(document, units);
  }
  return units;
}

/** A chunk's words, computed once per loaded chunk. */
function chunkBag(chunk: Passage['chunk']): Bag {
  let bag = chunkBags.get(chunk);
  if (!bag) {
    bag = bagOf(chunk.text);
    chunkBags.set(chunk, bag);
  }
  return bag;
}
