import type { CorpusDocument } from '../corpus/load-corpus.js';
import { perDocument } from '../corpus/per-document.js';
import { fold } from '../text/terms.js';
import { speaksOfFuture } from '../text/speaks-of-future.js';
import { joinDigitGroups } from '../text/digit-groups.js';
import type { AnswerPolicy } from './answer-policy.js';
import type { AnswerType, QuestionAnalysis } from './analyse-question.js';
import { documentUnits, sameParagraph, tokenize, underSameHeading } from './evidence-units.js';
import { numberWords, organisationSpans, placeScale, type AnswerSpan } from './extract-answer.js';
import { matchTerm, tokenBag, unknownShare, type Bag, type WeightedTerm } from './score-evidence.js';
import { pairUnit, type ScoredUnit } from './gather-evidence.js';
import { datelineOf, deicticDays, shiftDays } from './publication-day.js';

/** Why a question is refused (for logs and the evaluation; the user sees one sentence in their language). */
export type RefusalReason = 'no_terms' | 'unknown_topic' | 'weak_evidence' | 'number_absent' | 'no_answer_of_type' | 'name_absent';

/** What the answer will say: the quotes, best first, and the short answer inside one of them. */
export type Selection =
  | { answerable: true; quotes: ScoredUnit[]; answer: { span: AnswerSpan; quote: ScoredUnit } | null }
  | { answerable: false; reason: RefusalReason };

/** Types whose answer is a short span; for a count or an amount, a sentence without one does not answer. */
const SPAN_REQUIRED: ReadonlySet<AnswerType> = new Set(['number', 'percent', 'amount', 'duration', 'date']);
// Answers that a sentence states as a whole: whether, why, how.
const STATED_TYPES: ReadonlySet<AnswerType> = new Set(['yesno', 'reason', 'manner']);
// An e-mail or web address: the mark of a contact line.
const ADDRESS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.\p{L}|https?:\/\/|www\./u;

/** Whether a text states a number: "84 000", "84 000" and "84000" are the same; digits are not part of a longer number. */
export function statesNumber(text: string, number: string): boolean {
  const compact = joinDigitGroups(fold(text));
  if (new RegExp(`(^|\\D)${number}(\\D|$)`).test(compact)) return true;
  // A small count is often written in words ("six missions" for "6 missions"); "un", "une", "one" are articles too.
  const words = /^\d+$/.test(number) && Number(number) >= 2 ? numberWords(Number(number)) : [];
  return words.length > 0 && new RegExp(`(?<!\\p{L})(?:${words.join('|')})(?!\\p{L})`, 'u').test(compact);
}

const YEAR = /(?<!\d)(19|20)\d{2}(?!\d)/;

/**
 * Whether a year the question states is the one of the sentence's communiqué (its date or title), for a sentence
 * that states no year of its own: "this year's meeting" in a release of 2020 is the 2020 meeting, while
 * "between 2015 and 2019" says nothing of 2020.
 */
function yearOfContext(s: ScoredUnit, n: string): boolean {
  if (!YEAR.test(n) || YEAR.test(s.unit.text)) return false;
  return !!s.passage.chunk.date?.startsWith(n) || statesNumber(s.passage.chunk.title, n);
}

// Reported speech in French or English: quotation marks or a speech verb of the attribution.
const SPEECH = /[«»“”"]|\b(?:said|says|stated|declared|added|stressed|noted|explained|announced|told|a (?:déclaré|dit|affirmé|souligné|ajouté|expliqué|annoncé|estimé|indiqué|rappelé|précisé)|selon)\b/iu;

/** Sentences before a quotation in which its speaker may have been named ("a déclaré X." then "« … »" goes on). */
const SPEAKER_LOOKBACK = 2;

/**
 * Whether a unit quotes the speaker that `names` recognises: it reports speech and names them, or it is a quotation
 * that follows, within a few sentences, one of theirs (a release quotes a speaker over several paragraphs, naming
 * them once).
 */
function quotesSpeaker(unit: ScoredUnit['unit'], names: (u: ScoredUnit['unit']) => boolean, documents: Map<string, CorpusDocument>): boolean {
  const attributed = (u: ScoredUnit['unit']) => SPEECH.test(u.text) && names(u);
  if (attributed(unit)) return true;
  const document = documents.get(unit.docId);
  if (!document || !/[«“"]/.test(unit.text)) return false;
  const units = documentUnits(document);
  return units.slice(Math.max(0, unit.position - SPEAKER_LOOKBACK), unit.position).some(attributed);
}

// Words that ask about two documents at once (closed-class words and document nouns of French and English).
const TWO_DOCUMENTS = /\b(?:both|each|two (?:releases|press releases|communiques|statements|documents|texts)|the other (?:one|release|communique|statement)|in the other|l['’]autre|les deux (?:communiques|textes|documents)|deux (?:des )?communiques|chacun|chacune|respectively|respectivement)\b/;

// Words that join two things a question asks about, each perhaps from another document: "both", "each", "two";
// "and / et" before a second phrase of place or time ("… and in the other", "et lors de …") or a second question;
// not an "and" inside a phrase ("the refugee and migrant crisis", "migrations et l'asile").
const COORDINATION = /\b(both|each|respectively|respectivement|chacun|chacune|deux|two|compare|comparer|entre)\b|\b(?:and|et|ou|or),?\s+(?:in|at|for|from|during|with|dans|a|au|aux|pour|lors|avec|the other|l'autre|\p{L}+\s+(?:in|at|dans|a|au|lors))\b|\b(?:and|et),?\s+(?:what|which|who|when|where|how|quel|quelle|qui|quand|ou|comment|combien)\b/u;

/** Whether a question joins two things that two documents may each state (see `COORDINATION`, `JOINED_NAMES`). */
export function joinsTwoThings(question: string, nameSpans: Array<[number, number]> = []): boolean {
  return joinsPhrases(question, nameSpans) || joinsNames(question, nameSpans);
}

/** Whether a question joins two phrases or questions (see `COORDINATION`). */
function joinsPhrases(question: string, nameSpans: Array<[number, number]>): boolean {
  return COORDINATION.test(fold(withoutNames(question, nameSpans)));
}

/** Whether a question joins two names (see `JOINED_NAMES`). */
function joinsNames(question: string, nameSpans: Array<[number, number]>): boolean {
  return JOINED_NAMES.test(withoutNames(question, nameSpans));
}

// Two names joined ("le Luxembourg et la Belgique", "Kenya and Uganda"), read before folding: a capital follows.
const JOINED_NAMES = /(?:^|[^\p{L}])(?:and|et|or|ou),?\s+(?:(?:the|la|le|les|l['’])\s*)?\p{Lu}/u;

// A name of several capitalised words linked by a preposition, and then perhaps by "and" ("Pact on Migration and
// Asylum", "Fund for Water and Sanitation"), is one thing: its "and" joins no two things the question asks about
// ("Luxembourg and Belgium" does).
const JOINED_NAME = /\p{Lu}[\p{L}'’-]*(?:\s+(?:of|on|for|de|des|du|pour|sur)\s+(?:(?:the|la|le|les)\s+|l['’])?\p{Lu}[\p{L}'’-]*)+(?:\s+(?:and|et|&)\s+(?:(?:the|la|le|les)\s+|l['’])?\p{Lu}[\p{L}'’-]*)*/gu;

/**
 * Whether an "and" of the question stands between the names its first document states and all the names it lacks
 * ("…talks with Luxembourg's top diplomat in Geneva and co-chair the Venezuela conference in Brussels?"): each side
 * of the "and" names its own event, which another document may tell. An "and" inside a name does not count.
 */
export function andSplits(question: string, present: WeightedTerm[], missing: WeightedTerm[], nameSpans: Array<[number, number]> = []): boolean {
  if (present.length === 0 || missing.length === 0) return false;
  const inName = [...[...question.matchAll(JOINED_NAME)].map((m) => [m.index, m.index + m[0].length] as const), ...nameSpans];
  const words = [...question.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: fold(m[0]), at: m.index }));
  const position = (t: WeightedTerm) => words.findIndex((w) => t.words.includes(w.word));
  const ands = words.flatMap((w, i) => (/^(?:and|et)$/.test(w.word) && !inName.some(([a, b]) => w.at >= a && w.at < b) ? [i] : []));
  const before = present.map(position).filter((i) => i >= 0);
  const after = missing.map(position);
  if (after.some((i) => i < 0)) return false;
  return ands.some((a) => (after.every((i) => i > a) && before.some((i) => i < a)) || (after.every((i) => i < a) && before.some((i) => i > a)));
}

/** The question without its multi-word names: capitalised ones, and those the glossary knows (`nameSpans`). */
export function withoutNames(question: string, nameSpans: Array<[number, number]> = []): string {
  const blanked = [...nameSpans].sort((a, b) => b[0] - a[0]).reduce((q, [start, end]) => `${q.slice(0, start)} ${q.slice(end)}`, question);
  return blanked.replace(JOINED_NAME, ' ');
}

/**
 * Share of the question's own weight (a follow-up's earlier terms aside, unless it has no terms of its own) that a
 * sentence states in its own words by a sure match, not a thesaurus synonym.
 */
function strongCoverage(s: ScoredUnit, terms: WeightedTerm[], policy: AnswerPolicy): number {
  const all = terms.map((t, i) => ({ t, i }));
  // A follow-up that names nothing of its own ("Et c'était quand ?") is about the earlier question's terms.
  const own = all.some(({ t }) => !t.fromHistory && t.weight > 0) ? all.filter(({ t }) => !t.fromHistory) : all;
  const total = own.reduce((a, { t }) => a + t.weight, 0) || 1;
  return own.reduce((sum, { t, i }) => {
    const m = s.coverage.matches[i];
    return m && m.kind !== 'synonym' ? sum + t.weight * policy.matchWeights[m.kind] : sum;
  }, 0) / total;
}

/**
 * Whether the sentence, its passage or its title states the question's topic: the heaviest of its own known terms
 * that is not the counted noun ("Brexit" in "la position de l'OIM sur le Brexit", "annoncé" in "quel montant a été
 * annoncé à la conférence de Bruxelles"), or a good share of them all. A sentence that only shares the counted noun
 * and common words answers another question.
 */
function statesTopic(s: ScoredUnit, terms: WeightedTerm[], policy: AnswerPolicy): boolean {
  const topical = terms.map((t, i) => ({ t, i })).filter(({ t }) => !t.fromHistory && !t.isFocus && !t.unknown && t.weight > 0);
  const sorted = topical.sort((a, b) => b.t.weight - a.t.weight);
  // Terms of equal weight are equally the topic: none is left out by the order of the question's words.
  const last = sorted[policy.topicTerms - 1]?.t.weight ?? 0;
  const top = sorted.filter(({ t }, k) => k < policy.topicTerms || t.weight >= last);
  // A follow-up's topic is the previous question's ("how many people is it meant to help?"): its terms count too.
  const previous = terms.map((t, i) => ({ t, i })).filter(({ t }) => t.fromHistory && !t.unknown && t.weight > 0);
  // A thesaurus synonym is too loose to say what the text is about ("entier" for "total").
  const states = (m: ScoredUnit['coverage']['matches'][number]) => !!m && m.kind !== 'synonym';
  const stated = ({ i }: { i: number }) => states(s.coverage.matches[i]) || states(s.context.matches[i]);
  // A question worded apart from the text may have its heaviest words in none of it ("bankrolling … under the new
  // deal"): a sentence that states many of its other words is about it all the same.
  return top.length === 0 || [...top, ...previous].some(stated) || topical.filter(stated).length >= policy.topicTermShare * topical.length;
}

/** Gain in covered weight (0..1) that a candidate brings over what the chosen quotes cover already. */
function gain(candidate: ScoredUnit, chosen: ScoredUnit[], terms: WeightedTerm[]): number {
  const total = terms.reduce((a, t) => a + t.weight, 0) || 1;
  return terms.reduce((sum, t, i) => (candidate.coverage.matches[i] && !chosen.some((c) => c.coverage.matches[i]) ? sum + t.weight : sum), 0) / total;
}

const titleBags = new Map<string, Bag>();

/** The words of a document title, tokenized once per title and language (titles recur in every question). */
function titleBag(title: string, language?: string): Bag {
  const key = `${language}:${title}`;
  let bag = titleBags.get(key);
  if (!bag) {
    if (titleBags.size >= 20_000) titleBags.clear();
    titleBags.set(key, (bag = tokenBag(tokenize(title), language)));
  }
  return bag;
}

/** The words of a whole document, to check that a question's names are where its evidence is. */
export const documentBag = perDocument((document) => tokenBag(documentUnits(document).flatMap((u) => u.tokens), document.language));

// Sentences after the title that a reader takes for the release's headline: the dateline and the lead.
const HEADLINE_UNITS = 2;

/** The words of a document's headline: its title and its opening sentences (the dateline and lead). */
export const headlineBag = perDocument((document) => tokenBag([...tokenize(document.title), ...documentUnits(document).slice(0, HEADLINE_UNITS).flatMap((u) => u.tokens)], document.language));

/** Whether a document's headline states most of the weight of the terms by which a question describes a release. */
function describes(document: CorpusDocument | undefined, describing: WeightedTerm[], policy: AnswerPolicy): boolean {
  const total = describing.reduce((a, t) => a + t.weight, 0);
  if (!document || total === 0) return false;
  const bag = headlineBag(document);
  return describing.reduce((a, t) => (matchTerm(t, bag, policy) ? a + t.weight : a), 0) / total >= policy.minDescribed;
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
  previousDocument: string | null = null,
): Selection {
  if (terms.every((t) => t.weight === 0)) return { answerable: false, reason: 'no_terms' };
  if (terms.some((t) => t.unknown)) {
    // Built only when a term is unknown to the index: a cognate or a misspelling in the retrieved text may rescue it.
    // The units may be of both languages: the pool has none.
    const pool = tokenBag(scored.flatMap((s) => s.unit.tokens));
    if (unknownShare(terms, pool, policy) > policy.maxUnknownShare) return { answerable: false, reason: 'unknown_topic' };
  }
  // A sentence that names the agent of the question's verb ("organisée par X" for "who organised…") states the very
  // relation asked: its passage may carry the rest of the question's words.
  let covering = scored.filter((s) => s.blended >= policy.minCoverage && (s.answer?.agent || strongCoverage(s, terms, policy) >= policy.minOwnCoverage) && statesTopic(s, terms, policy));
  // A question about what is still to come ("which city will host…", "qui présidera…") is answered by a sentence that
  // speaks of it, not by one that tells of a past event with the same words.
  // A line under a heading is read with it ("The response will include:" then "- distributing 15,000 kits").
  const future = (s: ScoredUnit) => {
    const units = documentUnits(documents.get(s.unit.docId)!);
    return speaksOfFuture(s.unit.text) || s.unit.headings.some((h) => speaksOfFuture(units[h]!.text));
  };
  if (speaksOfFuture(analysis.question)) covering = covering.filter(future);
  // Whether something is so, why or how is stated by a sentence: a line that is not prose (a header, a label) or
  // gives an address (a contact) names things but states nothing of them.
  if (STATED_TYPES.has(analysis.type)) covering = covering.filter((s) => s.unit.prose && !ADDRESS.test(s.unit.text));
  if (covering.length === 0) return { answerable: false, reason: 'weak_evidence' };
  // An ordinal ("the second forum") says which one, like a number: the sentence or its document's title states it.
  const ordinals = terms.filter((t) => t.isOrdinal && !t.fromHistory);
  const statesNumberOf = (s: ScoredUnit, n: string) => statesNumber(s.unit.text, n) || yearOfContext(s, n);
  // A question that joins two things may date each in its own communiqué ("at the 2019 conference and at the 2020
  // meeting"): a sentence states one of its numbers, and another document the rest (below).
  const splitNumbers = analysis.numbers.length > 1 && joinsTwoThings(analysis.question, analysis.nameSpans);
  const statesRequired = (s: ScoredUnit) =>
    (splitNumbers ? analysis.numbers.some((n) => statesNumberOf(s, n)) : analysis.numbers.every((n) => statesNumberOf(s, n))) &&
    ordinals.every((t) => matchTerm(t, s.unit, policy) || matchTerm(t, titleBag(s.passage.chunk.title, s.passage.chunk.language), policy));
  const stating = covering.filter(statesRequired);
  if (stating.length === 0) return { answerable: false, reason: 'number_absent' };
  // A count, an amount, a duration or a date is answered only by a sentence that holds one (a date may come from
  // the document's dateline); a "who" by a sentence that names a person or a body.
  const precise = (span: AnswerSpan | null) => !!span && datePrecise(span, analysis);
  // The title of a release names the event of its dateline: a question whose terms it states asks about that event.
  const own = terms.map((t, i) => ({ t, i })).filter(({ t }) => !t.fromHistory && t.weight > 0);
  const ownWeight = own.reduce((a, { t }) => a + t.weight, 0) || 1;
  const aboutTitle = (s: ScoredUnit) => {
    const title = titleBag(s.passage.chunk.title, s.passage.chunk.language);
    return own.reduce((a, { t }) => (matchTerm(t, title, policy) ? a + t.weight : a), 0) / ownWeight >= policy.minCoverage;
  };
  let candidates = stating;
  if (analysis.type === 'date') {
    candidates = stating.filter((s) => precise(s.answer) || precise(headerDate(s, documents, scored, aboutTitle)?.span ?? null));
  } else if (SPAN_REQUIRED.has(analysis.type) || (analysis.type === 'place' && placeScale(analysis.focusText, analysis.question) !== null)) {
    // A town or a country is named, and written with a capital: a sentence without one does not say in which town or
    // country. (Other places may be a region or an adjective, "la présidence belge", which place spans do not all find.)
    candidates = stating.filter((s) => s.answer);
  } else if (analysis.type === 'person') candidates = stating.filter((s) => s.answer || (!s.otherRole && organisationSpans(s.unit.text).length > 0));
  // "What did X say" is answered by a quotation of X: a sentence that names X and reports speech (its attribution
  // "…», a déclaré X" is part of it); X named near other words, or someone else's quotation, does not answer it.
  if (analysis.speaker.length > 0) {
    const bySurname = (u: ScoredUnit['unit']) => analysis.speaker.every((w) => u.tokens.some((t) => t.word === w));
    candidates = candidates.filter((s) => quotesSpeaker(s.unit, bySurname, documents));
  } else if (analysis.speakerRole.length > 0) {
    // A speaker named by a role ("the deputy director general") is quoted with the role in the attribution, in
    // either language: a sentence that tells of them, or another official's words, is not what they said.
    const role = terms.filter((t) => !t.fromHistory && !t.isMeta && t.weight > 0 && t.words.every((w) => analysis.speakerRole.includes(w)));
    const byRole = (u: ScoredUnit['unit']) => role.every((t) => matchTerm(t, u, policy));
    candidates = candidates.filter((s) => quotesSpeaker(s.unit, byRole, documents));
  }
  if (candidates.length === 0) return { answerable: false, reason: 'no_answer_of_type' };
  // A date from a sentence that states much less of the question than the best one answers another question:
  // the best sentence tells of the event and gives no date ("a signé, hier, un accord" in a release
  // without a dated header), and another release's dateline is no answer.
  if (analysis.type === 'date' && candidates[0]!.blended < stating[0]!.blended * policy.typedFloorRatio) return { answerable: false, reason: 'no_answer_of_type' };

  // The names the question mentions must be in the evidence's documents: a sentence from a communiqué that states
  // them all is preferred; otherwise another document may hold the rest (below).
  // A capitalised common word the corpus never writes ("Friends" in "Group of Friends") is left to the unknown share.
  const names = terms.map((t, i) => ({ t, i })).filter(({ t }) => t.isName && (t.isProperName || !t.unknown) && !t.fromHistory && t.weight > 0);
  const bags = new Map<string, Bag>();
  const bagOf = (docId: string) => {
    let bag = bags.get(docId);
    if (!bag) bags.set(docId, (bag = documentBag(documents.get(docId)!)));
    return bag;
  };
  const namesAll = candidates.filter((c) => names.every(({ t }) => matchTerm(t, bagOf(c.unit.docId), policy)));
  if (namesAll.length) candidates = namesAll;
  // A question that says which release it asks about ("according to the Belgium release", "selon le communiqué sur
  // l'accord") is answered from a release whose headline states that description, when a candidate's does.
  const describing = terms.filter((t) => !t.fromHistory && !t.isNumber && t.weight > 0 && t.words.every((w) => analysis.documentWords.includes(w)));
  const described = candidates.filter((c) => describes(documents.get(c.unit.docId), describing, policy));
  if (described.length) candidates = described;
  // A follow-up goes on about the communiqué the previous answer came from ("et qui est le contact presse ?"), unless
  // another communiqué states the new question clearly better.
  const same = previousDocument === null ? [] : candidates.filter((c) => c.unit.docId === previousDocument);
  if (same.length && same[0]!.blended >= candidates[0]!.blended * policy.followUpRatio) candidates = same;

  // A sentence that names who did what a "who" question asks ("organisée par X" for "qui a organisé") answers it
  // more directly than one that only names someone near its words.
  const agent = candidates[0]!.answer?.agent ? undefined : candidates.find((c) => c.answer?.agent);
  let best = agent ?? candidates[0]!;
  let answer: { span: AnswerSpan; quote: ScoredUnit } | null = best.answer && (analysis.type !== 'date' || precise(best.answer)) ? { span: best.answer, quote: best } : null;
  if (!answer) {
    // Another sentence with an answer of the asked type replaces the best one only when it covers the question
    // nearly as well: "qui a organisé" may be answered by a government, not a person named elsewhere.
    const typed = candidates.find((c) => c.answer && (analysis.type !== 'date' || precise(c.answer)) && c.blended >= best.blended * policy.typedSwitchRatio);
    if (typed) {
      best = typed;
      answer = { span: typed.answer!, quote: typed };
    }
  }
  const quotes = [best];
  // A "why" or "how" whose best sentence gives no reason or manner of its own is often explained by the sentence
  // after it in its paragraph (a release states, then explains): the two are quoted together.
  if (!answer && (analysis.type === 'reason' || analysis.type === 'manner')) quotes[0] = withNextSentence(best, documents);
  if (analysis.type === 'date' && !answer) {
    const header = headerDate(best, documents, scored, aboutTitle);
    if (header && precise(header.span)) {
      answer = { span: header.span, quote: header.quote };
      quotes.push(header.quote);
    }
  }

  // The quote another release gives: its best sentence, or for a date, when the release's title states a name of the
  // question, the day of the event that title announces (its dateline's or its lead's, as `headerDate` reads it): a
  // later sentence of it with a date of its own tells of something else.
  const otherQuote = (list: ScoredUnit[]): ScoredUnit | undefined => {
    const first = list[0];
    const titled = analysis.type === 'date' && !!first && names.some(({ t }) => matchTerm(t, titleBag(first.passage.chunk.title, first.passage.chunk.language), policy));
    const header = titled ? headerDate(first, documents, scored, () => true) : null;
    return header && precise(header.span) ? header.quote : first;
  };
  const missingNames = () => names.filter(({ t }) => !quotes.some((q) => matchTerm(t, bagOf(q.unit.docId), policy)));
  const numbersLeft = () => analysis.numbers.filter((n) => !quotes.some((q) => statesNumberOf(q, n)));
  if (missingNames().length > 0 || numbersLeft().length > 0) {
    // Only a question that joins two things ("X and Y", "each", "both") may take them from two documents; not
    // "what did X say at Y": a quotation is said at one event, and its communiqué names that event.
    const quoting = analysis.speaker.length > 0 || analysis.speakerRole.length > 0;
    // The second document states what the first does not: the numbers the quotes lack (a year may belong to the
    // first thing: "in the Luxembourg release and in the 2020 release"), and some of the missing names.
    const missing = missingNames();
    const left = numbersLeft();
    const completes = (c: ScoredUnit) => left.every((n) => statesNumberOf(c, n)) && (missing.length === 0 || missing.some(({ t }) => matchTerm(t, bagOf(c.unit.docId), policy)));
    // So may one whose "and" parts the names the first document states from those it lacks.
    const present = names.filter(({ t }) => !missing.some((m) => m.t === t)).map(({ t }) => t);
    // Two joined names come from two documents only when the first states one of them: when it states none, another
    // document names them together and the first tells of something else ("what did X and Y sign" answered by a
    // signing of others).
    const joins = joinsPhrases(analysis.question, analysis.nameSpans) || (joinsNames(analysis.question, analysis.nameSpans) && present.length > 0) || andSplits(analysis.question, present, missing.map(({ t }) => t), analysis.nameSpans);
    const other = !quoting && joins && otherQuote(scored.filter((c) => c.blended >= policy.minCoverage * policy.completionFactor && !quotes.some((q) => q.unit.docId === c.unit.docId) && completes(c)));
    if (other) quotes.push(other);
    if (missingNames().length > 0) return { answerable: false, reason: 'name_absent' };
    if (numbersLeft().length > 0) return { answerable: false, reason: 'number_absent' };
  }
  // A question about two communiqués ("in both releases", "in the other one", "dans les deux communiqués") is
  // answered from two: the best sentence of another document that states the question well enough joins the first.
  if (TWO_DOCUMENTS.test(fold(analysis.question)) && quotes.every((q) => q.unit.docId === best.unit.docId)) {
    const other = otherQuote(candidates.filter((c) => c.unit.docId !== best.unit.docId)) ?? scored.find((c) => c.unit.docId !== best.unit.docId && c.blended >= policy.minCoverage * policy.completionFactor && statesRequired(c));
    if (other) quotes.push(other);
  }

  for (const candidate of candidates) {
    if (quotes.length >= policy.maxQuotes) break;
    const overlaps = quotes.some((q) => q.unit.docId === candidate.unit.docId && candidate.unit.start < q.unit.end && candidate.unit.end > q.unit.start);
    if (overlaps || candidate.score < best.score * policy.extraQuoteRatio) continue;
    const newDocument = !quotes.some((q) => q.unit.docId === candidate.unit.docId);
    const adds = gain(candidate, quotes, terms);
    const asksMany = analysis.type === 'list' || analysis.plural;
    // A list may continue in another document: a sentence there that adds anything the question asks is quoted;
    // or in the next lines under the same heading ("HCR:" then one contact per line), each another item; a line
    // there that answers exactly as well as the best is another answer too, whatever the question's number.
    const sibling = !!candidate.answer && underSameHeading(candidate.unit, best.unit) && (asksMany || candidate.blended >= best.blended);
    // A list may also go on in another sentence that states the question as well as the best one does.
    const another = analysis.type === 'list' && candidate.blended >= best.blended * policy.listItemRatio;
    if (adds >= policy.extraQuoteGain || (newDocument && analysis.type === 'list' && adds > 0) || sibling || another) quotes.push(candidate);
  }
  return { answerable: true, quotes, answer };
}

/** A sentence read with the one that follows it in the same paragraph, when there is one (see `pairUnit`). */
function withNextSentence(s: ScoredUnit, documents: Map<string, CorpusDocument>): ScoredUnit {
  const document = documents.get(s.unit.docId);
  if (!document) return s;
  const next = documentUnits(document)[s.unit.position + 1];
  if (!next || !sameParagraph(document.text, s.unit, next) || !next.prose) return s;
  return { ...s, unit: pairUnit(document.text, s.unit, next) };
}

/** Whether a date span is as precise as the question asks: a year for "which year", a day for "which date". */
function datePrecise(span: AnswerSpan, analysis: QuestionAnalysis): boolean {
  if (!span.date) return false;
  if (analysis.datePrecision === 'year') return Number.isFinite(span.date.year);
  if (analysis.datePrecision === 'day') return !!span.date.day;
  return true;
}

/**
 * The date of the document's header (its first lines: the dateline), as a quotable unit, for a sentence that dates
 * its event by the day of publication ("signed today", "a signé hier"), or for a question about the event the
 * release's title announces: any other sentence may tell of another day.
 */
function headerDate(best: ScoredUnit, documents: Map<string, CorpusDocument>, scored: ScoredUnit[], aboutTitle: (s: ScoredUnit) => boolean): { span: AnswerSpan; quote: ScoredUnit } | null {
  const document = documents.get(best.unit.docId);
  const days = deicticDays(best.unit.text) ?? (aboutTitle(best) ? 0 : undefined);
  if (!document || days === undefined) return null;
  // A dateline holds the day (and usually the year) of publication.
  const dateline = datelineOf(document);
  if (!dateline) return null;
  const span = shiftDays(dateline.span, days);
  const existing = scored.find((s) => s.unit === dateline.unit);
  const quote: ScoredUnit = existing ?? { unit: dateline.unit, passage: best.passage, coverage: { value: 0, matches: [] }, context: best.context, blended: 0, answer: span, score: 0 };
  return { span, quote };
}
