import type { CorpusDocument } from '../corpus/load-corpus.js';
import { fold } from '../text/terms.js';
import type { AnswerPolicy } from './answer-policy.js';
import type { AnswerType, QuestionAnalysis } from './analyse-question.js';
import { documentUnits } from './evidence-units.js';
import { dateSpans, type AnswerSpan } from './extract-answer.js';
import { matchTerm, unknownShare, type Bag, type WeightedTerm } from './score-evidence.js';
import type { ScoredUnit } from './gather-evidence.js';

/** Why a question is refused (for logs and the evaluation; the user sees one sentence in their language). */
export type RefusalReason = 'no_terms' | 'unknown_topic' | 'weak_evidence' | 'number_absent' | 'no_answer_of_type' | 'name_absent';

/** What the answer will say: the quotes, best first, and the short answer inside one of them. */
export type Selection =
  | { answerable: true; quotes: ScoredUnit[]; answer: { span: AnswerSpan; quote: ScoredUnit } | null }
  | { answerable: false; reason: RefusalReason };

/** Types whose answer is a short span; for a count or an amount, a sentence without one does not answer. */
const SPAN_REQUIRED: ReadonlySet<AnswerType> = new Set(['number', 'percent', 'amount', 'duration']);

/** Whether a text states a number: "84 000", "84 000" and "84000" are the same; digits are not part of a longer number. */
export function statesNumber(text: string, number: string): boolean {
  const compact = fold(text).replace(/(\d)[\s\u202f.,](?=\d{3}\b)/g, '$1');
  return new RegExp(`(^|\\D)${number}(\\D|$)`).test(compact);
}

// Coordinating words of French and English that join two things a question asks about.
const COORDINATION = /\b(et|and|ou|or|both|each|respectively|respectivement|chacun|chacune|chaque|deux|two|compare|comparer|entre)\b/;

/** Gain in covered weight (0..1) that a candidate brings over what the chosen quotes cover already. */
function gain(candidate: ScoredUnit, chosen: ScoredUnit[], terms: WeightedTerm[]): number {
  const total = terms.reduce((a, t) => a + t.weight, 0) || 1;
  return terms.reduce((sum, t, i) => (candidate.coverage.matches[i] && !chosen.some((c) => c.coverage.matches[i]) ? sum + t.weight : sum), 0) / total;
}

/** The words of whole documents, to check that the names a question mentions are where its evidence is. */
function documentBag(document: CorpusDocument): Bag {
  const units = documentUnits(document);
  const tokens = units.flatMap((u) => u.tokens);
  return { tokens, stems: new Set(tokens.map((t) => t.stem)) };
}

/**
 * Decides to answer or refuse, from documented signals only: the question has weighed terms; it is not mostly
 * about what the communiqués never mention; a sentence covers enough of it; the numbers it states are in that
 * sentence; a count finds a number next to the counted noun; the names it mentions are in the evidence's
 * documents. Then chooses the quotes: the best sentence, and others only when they add what the question asks
 * (another document, terms the first lacks). A date question whose sentence has no date takes the date from its
 * document's header (dateline).
 */
export function selectEvidence(
  analysis: QuestionAnalysis,
  terms: WeightedTerm[],
  scored: ScoredUnit[],
  documents: Map<string, CorpusDocument>,
  policy: AnswerPolicy,
): Selection {
  if (terms.every((t) => t.weight === 0)) return { answerable: false, reason: 'no_terms' };
  const pool: Bag = { tokens: scored.flatMap((s) => s.unit.tokens), stems: new Set(scored.flatMap((s) => [...s.unit.stems])) };
  if (unknownShare(terms, pool, policy) > policy.maxUnknownShare) return { answerable: false, reason: 'unknown_topic' };
  const covering = scored.filter((s) => s.blended >= policy.minCoverage && s.coverage.value >= policy.minOwnCoverage);
  if (covering.length === 0) return { answerable: false, reason: 'weak_evidence' };
  const statesRequired = (s: ScoredUnit) =>
    analysis.numbers.every((n) => statesNumber(s.unit.text, n));
  const stating = covering.filter(statesRequired);
  if (stating.length === 0) return { answerable: false, reason: 'number_absent' };
  // A count, an amount or a duration is answered only by a sentence that holds one.
  const candidates = SPAN_REQUIRED.has(analysis.type) ? stating.filter((s) => s.answer) : stating;
  if (candidates.length === 0) return { answerable: false, reason: 'no_answer_of_type' };

  let best = candidates[0]!;
  let answer: { span: AnswerSpan; quote: ScoredUnit } | null = best.answer ? { span: best.answer, quote: best } : null;
  if (!answer) {
    // Another sentence with an answer of the asked type replaces the best one only when it covers the question
    // nearly as well: "qui a organisé" may be answered by a government, not a person named elsewhere.
    const typed = candidates.find((c) => c.answer && c.blended >= best.blended * policy.typedSwitchRatio);
    if (typed) {
      best = typed;
      answer = { span: typed.answer!, quote: typed };
    }
  }
  const quotes = [best];
  if (analysis.type === 'date' && !answer) {
    const header = headerDate(best, documents, scored);
    if (header) {
      answer = { span: header.span, quote: header.quote };
      quotes.push(header.quote);
    }
  }

  // The names the question mentions must be in the evidence's documents; another document may hold the rest.
  // Ordinals ("the second forum") name which one, like names: the document must state them.
  const names = terms.map((t, i) => ({ t, i })).filter(({ t }) => (t.isName || t.isOrdinal) && !t.fromHistory && t.weight > 0);
  const bags = new Map<string, Bag>();
  const bagOf = (docId: string) => {
    let bag = bags.get(docId);
    if (!bag) bags.set(docId, (bag = documentBag(documents.get(docId)!)));
    return bag;
  };
  const missingNames = () => names.filter(({ t }) => !quotes.some((q) => matchTerm(t, bagOf(q.unit.docId), policy)));
  if (missingNames().length > 0) {
    // Only a question that joins two things ("X and Y", "each", "both") may take them from two documents.
    const other = COORDINATION.test(fold(analysis.question)) && scored.find((c) => c.blended >= policy.minCoverage * policy.completionFactor && statesRequired(c) && !quotes.some((q) => q.unit.docId === c.unit.docId) && missingNames().some(({ t }) => matchTerm(t, bagOf(c.unit.docId), policy)));
    if (other) quotes.push(other);
    if (missingNames().length > 0) return { answerable: false, reason: 'name_absent' };
  }

  for (const candidate of candidates) {
    if (quotes.length >= policy.maxQuotes) break;
    const overlaps = quotes.some((q) => q.unit.docId === candidate.unit.docId && candidate.unit.start < q.unit.end && candidate.unit.end > q.unit.start);
    if (overlaps || candidate.score < best.score * policy.extraQuoteRatio) continue;
    const newDocument = !quotes.some((q) => q.unit.docId === candidate.unit.docId);
    if (gain(candidate, quotes, terms) >= policy.extraQuoteGain || (newDocument && analysis.plural)) quotes.push(candidate);
  }
  return { answerable: true, quotes, answer };
}

/** The date of the document's header (its first lines: the dateline), as a quotable unit. */
function headerDate(best: ScoredUnit, documents: Map<string, CorpusDocument>, scored: ScoredUnit[]): { span: AnswerSpan; quote: ScoredUnit } | null {
  const document = documents.get(best.unit.docId);
  if (!document) return null;
  for (const unit of documentUnits(document).slice(0, 4)) {
    const span = dateSpans(unit.text).find((s) => s.date?.day || s.date?.month);
    if (!span) continue;
    const existing = scored.find((s) => s.unit === unit);
    const quote: ScoredUnit = existing ?? { unit, passage: best.passage, coverage: { value: 0, matches: [] }, blended: 0, answer: span, score: 0 };
    return { span, quote };
  }
  return null;
}
