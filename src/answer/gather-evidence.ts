import type { CorpusDocument } from '../corpus/load-corpus.js';
import { perDocument } from '../corpus/per-document.js';
import type { Passage } from '../retrieval/retriever.js';
import type { AnswerPolicy } from './answer-policy.js';
import type { AnswerType, QuestionAnalysis } from './analyse-question.js';
import type { AnswerLanguage } from '../text/detect-language.js';
import { documentUnits, lowercaseWords, sameParagraph, tokenize, type EvidenceUnit } from './evidence-units.js';
import { extractAnswer, placeScale, numberSpans, typedSpans, type AnswerSpan } from './extract-answer.js';
import { compactness, coverage, tokenBag, unionBag, type Bag, type Coverage, type WeightedTerm } from './score-evidence.js';
import type { UnitTranslations } from './translate-evidence.js';
import { fold } from '../text/terms.js';
import { headlineBag, statesNumber } from './select-evidence.js';

/** A sentence of a retrieved document scored as evidence for a question. */
export interface ScoredUnit {
  unit: EvidenceUnit;
  /** The best-ranked retrieved passage that overlaps it. */
  passage: Passage;
  coverage: Coverage;
  /** Coverage by its passage and the document's title. */
  context: Coverage;
  /** Coverage of the question by the sentence read in its passage (see `inContext`). */
  blended: number;
  /** The short answer of the asked type inside it, if any. */
  answer: AnswerSpan | null;
  /** For "which minister…", the sentence names people without the role another sentence writes next to a name. */
  otherRole?: boolean;
  score: number;
}

/** Longest sentence pair read together, in characters. */
const MAX_PAIR = 900;

/** The coverage of two sentences read together: each term by the better of its two matches. */
function joinCoverage(terms: WeightedTerm[], a: Coverage, b: Coverage, policy: AnswerPolicy): Coverage {
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  const matches = a.matches.map((m, i) => {
    const n = b.matches[i] ?? null;
    if (!m || !n) return m ?? n;
    return policy.matchWeights[m.kind] >= policy.matchWeights[n.kind] ? { kind: m.kind, tokens: [...m.tokens, ...n.tokens] } : { kind: n.kind, tokens: [...n.tokens, ...m.tokens] };
  });
  const covered = terms.reduce((sum, t, i) => sum + (matches[i] ? t.weight * policy.matchWeights[matches[i]!.kind] : 0), 0);
  return { value: total ? covered / total : 0, matches };
}

/** Two consecutive units of a paragraph as one. */
export function pairUnit(text: string, first: EvidenceUnit, second: EvidenceUnit): EvidenceUnit {
  const tokens = [...first.tokens, ...second.tokens];
  return { ...second, start: first.start, text: text.slice(first.start, second.end), tokens, stems: new Set(tokens.map((t) => t.stem)), prose: first.prose && second.prose };
}

/**
 * Coverage of the question by a sentence read in its passage: each term counts fully where the sentence states it,
 * and at the policy's `contextFactor` where only the passage (with the document's title) does. "120 délégations y
 * ont participé" answers "how many delegations attended the Venezuela conference" because its passage is about
 * that conference. A name that the release's headline states (`headline`, when given) counts at the policy's
 * `headlineNameFactor` in each of its sentences: the release is about it, and its sentences leave it out.
 */
export function inContext(terms: WeightedTerm[], own: Coverage, context: Coverage, policy: AnswerPolicy, headline?: Coverage): number {
  const total = terms.reduce((a, t) => a + t.weight, 0);
  if (total === 0) return 0;
  const weightOf = (m: Coverage['matches'][number]) => (m ? policy.matchWeights[m.kind] : 0);
  return terms.reduce((sum, t, i) => {
    const inSentence = weightOf(own.matches[i]);
    const inPassage = weightOf(context.matches[i]);
    const inHeadline = t.isName && !t.fromHistory && headline ? policy.headlineNameFactor * weightOf(headline.matches[i]) : 0;
    // The previous question's terms say which communiqué a follow-up is about, not which sentence answers it.
    const counted = t.fromHistory ? policy.contextFactor * Math.max(inSentence, inPassage) : Math.max(inSentence, inHeadline, policy.contextFactor * inPassage);
    return sum + t.weight * counted;
  }, 0) / total;
}

// Chunks are made on demand by the index (a new object per search): their words are kept per document, which the
// index loads once, and per span.
const chunkBags = perDocument(() => new Map<string, Bag>());

/** A passage's words with its communiqué's title, tokenized once per loaded document and span. */
export function chunkBag(chunk: Passage['chunk'], document: CorpusDocument): Bag {
  const bags = chunkBags(document);
  const key = `${chunk.start}:${chunk.end}`;
  let bag = bags.get(key);
  if (!bag) {
    // The title names the communiqué's topic: it is context for every passage of it.
    const tokens = [...tokenize(chunk.title, -1e9), ...tokenize(chunk.text, chunk.start)];
    bag = { ...tokenBag(tokens, chunk.language), text: chunk.text, start: chunk.start };
    bags.set(key, bag);
  }
  return bag;
}

/** Optional knowledge for {@link gatherEvidence}. */
export interface GatherOptions {
  /** Whether a folded word is a common word of the language (names are not). */
  isCommonWord?: (folded: string) => boolean;
  /** Whether a folded word has a common-noun sense (see `hasCommonSense`): a place is no such word. */
  hasCommonSense?: (folded: string) => boolean;
  /** Machine translations of the documents' sentences into the question's language. */
  translations?: UnitTranslations;
  /** What a noun of a language names (a person, a place, a time…), or null when unknown. */
  nounKind?: (noun: string, language: AnswerLanguage) => AnswerType | null;
  /** Whether a noun names a kind of what a more general noun names ("refugees" of "personnes"), in either language. */
  isKindOf?: (noun: { text: string; language: AnswerLanguage }, general: { text: string; language: AnswerLanguage }) => boolean;
  /** Coverages already computed for the same terms (see {@link coverageMemo}). */
  memo?: CoverageMemo;
}

/** Coverages of sentences, passages and headlines by one question's weighted terms, by what they cover. */
export interface CoverageMemo {
  units: Map<EvidenceUnit, Coverage>;
  /** By document id and span: a search makes new chunk objects. */
  contexts: Map<string, Coverage>;
  headlines: Map<CorpusDocument, Coverage>;
}

/**
 * An empty memo for {@link gatherEvidence}, to share between its calls for one question's terms: a wider pool of
 * passages holds the first pool's sentences and passages again, and their coverage is the same.
 */
export function coverageMemo(): CoverageMemo {
  return { units: new Map(), contexts: new Map(), headlines: new Map() };
}

// Kinds of nouns that never count one another: "how many countries" is not answered by "97 000 migrants". People
// and their groups are one kind (WordNet files "people" and "households" with organisations).
const COUNTED_KINDS: Partial<Record<AnswerType, string>> = { person: 'people', organisation: 'people', place: 'place', date: 'time' };

/**
 * Whether a count counts another kind of thing than the question's noun: both nouns' kinds are known and differ
 * ("70 ans" for "combien de membres du personnel", "97 000 migrants" for "how many countries"). A counted noun
 * written with a capital and without a common sense is a people's name ("4,5 millions de Vénézuéliens", "2.1 million
 * Sudanese"): it counts people.
 */
function countsOtherKind(span: AnswerSpan, number: string, focusKind: AnswerType | null, language: string | undefined, options: GatherOptions): boolean {
  const asked = focusKind ? COUNTED_KINDS[focusKind] : undefined;
  const { nounKind, hasCommonSense } = options;
  if (span.countsFocus || !asked || !nounKind || (language !== 'fr' && language !== 'en')) return false;
  const counted = countedNoun(span, number);
  const people = !!counted && /^\p{Lu}/u.test(counted) && !!hasCommonSense && !hasCommonSense(fold(counted));
  const kind = !counted ? null : nounKind(counted, language) ?? (people ? 'person' : null);
  const found = kind ? COUNTED_KINDS[kind] : undefined;
  return !!found && found !== asked;
}

/** The noun a count counts: the last word of its span after the number ("d'États" → "États"). */
function countedNoun(span: AnswerSpan, number: string): string | undefined {
  return span.text.slice(number.length).match(/[\p{L}'’-]+/gu)?.at(-1)?.replace(/^[dl]['’]/u, '');
}

/**
 * A count of the asked things by a more general name, in a sentence that does not name them: "324 personnes
 * réinstallées" for "how many refugees", once WordNet knows a refugee for a person. Null when the sentence counts
 * nothing more general.
 */
function generalCount(text: string, focus: string[], language: AnswerLanguage, documentLanguage: string | undefined, isKindOf: GatherOptions['isKindOf']): AnswerSpan | null {
  if (!isKindOf || !focus.length || (documentLanguage !== 'fr' && documentLanguage !== 'en')) return null;
  const spans = typedSpans(text, 'number');
  const general = spans.find((span) => {
    const counted = countedNoun(span, numberSpans(span.text)[0]?.text ?? '');
    return !!counted && focus.some((f) => isKindOf({ text: f, language }, { text: counted, language: documentLanguage }));
  });
  return general ? { ...general, among: spans.length } : null;
}

/** A coverage whose matches carry no tokens. */
function withoutPositions(cov: Coverage): Coverage {
  return { value: cov.value, matches: cov.matches.map((m) => m && { kind: m.kind, tokens: [] }) };
}


/**
 * Scores every sentence (or whole quotation) of the retrieved passages' documents that overlaps a passage: its
 * coverage of the question's weighted terms blended with the passage's, whether it holds a short answer of the
 * asked type near the matched words, and the passage's retrieval score. Best first; each sentence once.
 */
export function gatherEvidence(
  analysis: QuestionAnalysis,
  terms: WeightedTerm[],
  passages: Passage[],
  documents: Map<string, CorpusDocument>,
  policy: AnswerPolicy,
  options: GatherOptions = {},
): ScoredUnit[] {
  const { isCommonWord, translations } = options;
  const byKey = new Map<string, ScoredUnit>();
  const { units: coverages, contexts, headlines } = options.memo ?? coverageMemo();
  const coverageOf = (unit: EvidenceUnit, translated?: Bag[]) => {
    let cov = coverages.get(unit);
    if (!cov) coverages.set(unit, (cov = coverage(terms, unit, policy, translated?.[unit.position])));
    return cov;
  };
  const questionWords = new Set(terms.filter((t) => !t.fromHistory).flatMap((t) => t.words));
  const scale = placeScale(analysis.focusText, analysis.question);
  for (const passage of passages) {
    const { chunk } = passage;
    const document = documents.get(chunk.docId);
    if (!document) continue;
    const units = documentUnits(document);
    const translated = translations?.(document);
    // The names the release's headline states are the release's topic (see `inContext`).
    let headline = headlines.get(document);
    if (!headline) headlines.set(document, (headline = coverage(terms, headlineBag(document), policy)));
    const span = `${chunk.docId}:${chunk.start}:${chunk.end}`;
    let context = contexts.get(span);
    if (!context) contexts.set(span, (context = coverage(terms, chunkBag(chunk, document), policy, translated && unionBag(units.flatMap((u, i) => (u.end > chunk.start && u.start < chunk.end ? [translated[i]!] : []))))));
    for (const single of units) {
      if (single.end <= chunk.start || single.start >= chunk.end) continue;
      const key = `${single.docId}:${single.start}`;
      const previous = byKey.get(key);
      if (previous && previous.passage.score >= passage.score) continue;
      // The title is shown with every citation already; quoting it as evidence says nothing new.
      if (single.tokens.length < 2 || single.text === chunk.title) continue;
      let unit = single;
      let cov = coverageOf(unit, translated);
      // A sentence that continues the one before it ("Ce chiffre…", "It said…") is read with it when that covers more.
      const before = units[single.position - 1];
      if (before && sameParagraph(document.text, before, single) && single.end - before.start <= MAX_PAIR) {
        // The pair's coverage joins its two sentences' (a term matched in either), computed once per sentence.
        const pairCov = joinCoverage(terms, coverageOf(before, translated), cov, policy);
        if (pairCov.value * policy.pairFactor > cov.value) {
          unit = pairUnit(document.text, before, single);
          cov = pairCov;
        }
      }
      // A line under headings ("OIM:", "Contacts :") is read with them: they say whose line it is.
      // Their words are far from the line's, so they add coverage but no position (no proximity, no answer anchor).
      for (const h of unit.headings) cov = joinCoverage(terms, cov, withoutPositions(coverageOf(units[h]!, translated)), policy);
      const blended = inContext(terms, cov, context, policy, headline);
      const score = blended * (unit.prose ? 1 : policy.nonProseFactor) + policy.proximityWeight * compactness(cov.matches) + policy.retrievalWeight * passage.score;
      byKey.set(key, { unit, passage, coverage: cov, context, blended, answer: null, score });
    }
  }
  // Short answers are looked for in the best sentences only: date and name parsing is the costly step.
  const ranked = [...byKey.values()].sort((a, b) => b.score - a.score);
  // The counted noun is known to be counted when a retrieved sentence names it next to a number of its own.
  const countedIndexes = analysis.type !== 'number' ? [] : terms.flatMap((t, i) => (t.isFocus && !t.fromHistory && ranked.some((s) => s.coverage.matches[i] && numberSpans(s.unit.text).length > 0) ? [i] : []));
  const focusWords = terms.filter((t) => t.isFocus && !t.fromHistory).flatMap((t) => t.words);
  const inferable = !terms.some((t) => t.unknown && t.weight > 0);
  for (const scored of ranked.slice(0, policy.answerSearchDepth)) {
    const focus = scored.coverage.matches.flatMap((m, i) => (m && terms[i]!.isFocus ? m.tokens : []));
    const others = scored.coverage.matches.flatMap((m, i) => (m && !terms[i]!.isFocus ? m.tokens : []));
    // A dictionary word is a common word of a sentence only where its communiqué also writes it in lower case.
    const document = documents.get(scored.unit.docId)!;
    // A place name is told from a capitalised noun by the dictionary alone: "Etats membres" is never written in lower case.
    const common = analysis.type === 'place' ? options.hasCommonSense : isCommonWord && ((w: string) => isCommonWord(w) && lowercaseWords(document).has(w));
    const words = { common, dictionary: isCommonWord };
    // A count answers "how many X" only where the sentence names X, once some retrieved sentence counts X:
    // elsewhere its numbers count other things (where none does, another noun may be the asker's paraphrase).
    const countsElsewhere = analysis.type === 'number' && countedIndexes.some((i) => !scored.coverage.matches[i]);
    // There, a count of the asked things by their general name still answers. That is an inference, drawn only from
    // one sentence (read with the one before, the count may belong to the other's topic) and for a question whose
    // words the communiqués all use (an unknown qualifier, "Syrian refugees", is what the count does not say).
    const single = documentUnits(document)[scored.unit.position]?.start === scored.unit.start;
    const general = () => generalCount(scored.unit.text, focusWords, analysis.language, document.language, options.isKindOf);
    if (countsElsewhere) scored.answer = single && inferable ? general() : null;
    else {
      // Where the sentence counts several things and none by the asked noun, the one it counts by their general name
      // is the asked count ("six missions … de 324 personnes" for "how many refugees"), not the nearest number.
      const extracted = extractAnswer(scored.unit, analysis.type, { focus, others }, questionWords, words, scale);
      scored.answer = extracted && analysis.type === 'number' && !extracted.countsFocus ? general() ?? extracted : extracted;
    }
    const number = scored.answer && analysis.type === 'number' ? numberSpans(scored.answer.text)[0]?.text ?? '' : '';
    if (scored.answer && number && countsOtherKind(scored.answer, number, analysis.focusKind, document.language, options)) scored.answer = null;
    // A number the question states is what it knows, not what it asks ("across the 171 countries where it operates").
    if (scored.answer && number && analysis.numbers.some((n) => statesNumber(number, n))) scored.answer = null;
    if (scored.answer) scored.score += policy.typeBonus + (scored.answer.countsFocus ? policy.focusAnswerBonus : 0);
  }
  // "Which minister…": once a sentence names a person with the asked role written out, a name in a sentence that
  // does not write the role is someone else (a director general is no minister). Where no sentence writes it, the
  // role is the asker's word for the text's ("official" for "Haut-Commissaire"), and any name may answer.
  if (analysis.type === 'person' && analysis.focusKind === 'person') {
    const role = terms.findIndex((t) => t.isFocus && !t.fromHistory);
    const statesRole = (s: ScoredUnit) => {
      const m = s.coverage.matches[role];
      return !!m && policy.matchWeights[m.kind] >= policy.matchWeights.translation;
    };
    const searched = ranked.slice(0, policy.answerSearchDepth);
    if (role >= 0 && searched.some((s) => s.answer && !s.answer.agent && statesRole(s))) {
      for (const s of searched) {
        if (statesRole(s)) continue;
        s.otherRole = true;
        if (!s.answer || s.answer.agent) continue;
        s.score -= policy.typeBonus + (s.answer.countsFocus ? policy.focusAnswerBonus : 0);
        s.answer = null;
      }
    }
  }
  return ranked.sort((a, b) => b.score - a.score);
}
