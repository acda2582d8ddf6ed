import type { AnswerPolicy } from '../answer/answer-policy.js';
import { inContext, type ScoredUnit } from '../answer/gather-evidence.js';
import { isCognate, matchTerm, tokenBag, type Bag, type WeightedTerm } from '../answer/score-evidence.js';
import type { Glossary } from '../lexicon/glossary.js';
import { fold, isStopword, stem } from '../text/terms.js';
import { extractDetails, hedged, isNegativeWord, negations, quantifiers, quoteSpans, statesDetail, type Detail, type Evidence } from './claim-details.js';
import type { CheckedClaim, DetailKind } from './types.js';
import type { VerifyPolicy } from './verify-policy.js';

/**
 * A source sentence (or a sentence read with the one before it) scored against a claim by the answer pipeline's
 * evidence gathering (its coverage of the claim, alone and read in its passage), with its whole communiqué's words:
 * a name may be stated there (its topic, its dateline) rather than in the sentence.
 */
export interface Candidate extends ScoredUnit {
  document: Bag;
  /** Who speaks, when the sentence is (part of) a quotation and the claim reports what someone said. */
  speakers?: Detail[];
  /** The document's text at the unit's offsets, when the unit's own text blanks some of it (see `titleReading`). */
  quote?: string;
  /** The places where the communiqué says things happen (its datelines, places after a preposition of place). */
  places?: { text: string; bag: Bag };
  /** The day the sentence dates its event by, when it says "today" or "yesterday" (its communiqué's dateline's). */
  dated?: Evidence['dated'];
  /** Indexes of the claim's terms that the sentence states only by a synonym in its machine translation. */
  machineSynonyms?: ReadonlySet<number>;
}

/** What judging a claim needs besides its candidates. */
export interface JudgeContext {
  terms: WeightedTerm[];
  answerPolicy: AnswerPolicy;
  policy: VerifyPolicy;
  glossary: Glossary;
  isCommonWord: (folded: string) => boolean;
  /** Whether the claim reports what a person it names said (a verb of saying): a quotation supports it only in
   * that person's mouth. */
  reportsSpeech?: boolean;
  /** What says the opposite of a folded claim word (antonyms, in either language). */
  opposites?: (word: string) => Opposites;
}

/** What says the opposite of a claim's word: the stems of single words (each read for the claim's word among its own
 * opposites), and phrases, as folded words (whose antonym has the claim's word among its antonyms already). */
export interface Opposites {
  stems: Set<string>;
  phrases: string[][];
}

/** The folded words of a phrase, its last function word left out: a French phrase's preposition contracts with the
 * article after it ("en dehors de" is written "en dehors du camp"). */
export function phraseWords(phrase: string): string[] {
  const words = [...phrase.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => fold(m[0]));
  return words.length > 1 && isStopword(words.at(-1)!) ? words.slice(0, -1) : words;
}

/** Where a text writes a phrase's words in a row: offsets in the text. */
function phraseAt(text: string, words: string[]): { start: number; end: number } | null {
  const at = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  for (let i = 0; i + words.length <= at.length; i++) {
    if (words.every((w, j) => fold(at[i + j]![0]) === w)) return { start: at[i]!.index, end: at[i + words.length - 1]!.index + at[i + words.length - 1]![0].length };
  }
  return null;
}

// How far after a number, in characters, the words that say what it counts stand ("35 % des foyers visés").
const COUNTED_REACH = 40;

// Which difference to report first when several details differ: the most specific facts first.
const PRIORITY: Detail['kind'][] = ['number', 'ordinal', 'year', 'month', 'person', 'organisation', 'place'];

const spanOf = (c: Candidate, score: number) => ({ source: c.unit.docId, title: c.passage.chunk.title, quote: c.quote ?? c.unit.text, start: c.unit.start, end: c.unit.end, score: Math.round(score * 1000) / 1000 });

/** Coverage of the claim by a sentence read in its passage when the terms of some details do not count (they are
 * what differs): the same matches, those terms weighing nothing. */
function alignedCoverage(terms: WeightedTerm[], c: Candidate, left: Detail[], policy: AnswerPolicy): number {
  const leftWords = new Set(left.flatMap((d) => d.words ?? d.text.split(/[^\p{L}\p{N}]+/u).map((w) => w.toLowerCase())));
  const kept = terms.map((t) => (t.words.some((w) => leftWords.has(w)) ? { ...t, weight: 0 } : t));
  return inContext(kept, c.coverage, c.context, policy);
}

/** Share of the claim's weight a sentence states by its own words, the terms of one detail counted as stated (the
 * sentence states a rival detail in its place). */
function filledCoverage(terms: WeightedTerm[], c: Candidate, filled: Detail, policy: AnswerPolicy): number {
  const words = new Set(filled.words ?? filled.text.split(/[^\p{L}\p{N}]+/u).map((w) => w.toLowerCase()));
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  const stated = terms.reduce((sum, t, i) => {
    const m = c.coverage.matches[i];
    return sum + t.weight * (t.words.some((w) => words.has(w)) ? 1 : m ? policy.matchWeights[m.kind] : 0);
  }, 0);
  return total ? stated / total : 0;
}

/** Share of the claim's weight, leaving out the terms of one detail, that a sentence states by its own words. */
function restCoverage(terms: WeightedTerm[], c: Candidate, left: Detail, policy: AnswerPolicy): number {
  const words = new Set(left.words ?? []);
  let [stated, total] = [0, 0];
  terms.forEach((t, i) => {
    if (t.words.some((w) => words.has(w))) return;
    total += t.weight;
    const m = c.coverage.matches[i];
    if (m) stated += t.weight * policy.matchWeights[m.kind];
  });
  return total ? stated / total : 0;
}

// Courtesy titles, folded (closed class of French and English): a source's "Mme Mariam Sidibé" is stated by a claim's
// "Mariam Sidibé".
const COURTESY = /^(?:m|mm|mme|mmes|mlle|dr|pr|prof|mr|mrs|ms|sir|dame)$/u;

/** A name's words without the courtesy title the person finder may have kept. */
const namedWords = (detail: Detail) => (detail.kind === 'person' ? detail.words!.filter((w) => !COURTESY.test(w)) : detail.words!);

/** Whether a detail of a source sentence is also stated by the claim (the reverse check, on the claim's words). */
function claimStates(detail: Detail, claim: { text: string; bag: Bag; details: Detail[] }): boolean {
  if (detail.words) {
    return namedWords(detail).every((w) => claim.bag.stems.has(stem(w)) || claim.bag.tokens.some((t) => isCognate(w, t.word)))
      || claim.details.some((d) => d.kind === detail.kind && d.words?.join(' ') === detail.words!.join(' '));
  }
  return claim.details.some((d) => (d.kind === detail.kind || (d.kind === 'year' && detail.kind === 'number') || (d.kind === 'number' && detail.kind === 'year')) && d.value === detail.value);
}

/** Whether two numbers count the same thing, in either language: a counted word in common ("projects"/"projets",
 * "delegations"/"délégations"), or a claim term over the counted words ("member states"/"États membres"). */
function sameCounted(claimed: string[], found: string[], terms: WeightedTerm[], policy: AnswerPolicy): boolean {
  if (claimed.some((a) => found.some((b) => stem(a) === stem(b) || isCognate(a, b)))) return true;
  const tokens = found.map((word, i) => ({ word, stem: stem(word), start: i, end: i + 1 }));
  const bag = tokenBag(tokens);
  return terms.some((t) => t.words.some((w) => claimed.includes(w)) && !!matchTerm(t, bag, policy));
}

/** The source's own detail that takes the place of a claimed one it does not state, if any. A source name whose
 * every word one of the claim's names matched (`matched`: document offsets) is stated by the claim ("Afrique" for
 * "Africa", "UE" for "EU"). */
function conflicting(missing: Detail, sourceDetails: Detail[], claim: { text: string; bag: Bag; details: Detail[] }, terms: WeightedTerm[], policy: AnswerPolicy, matched: number[], countsIt: (d: Detail) => boolean = () => false): Detail | null {
  const stated = (d: Detail) => claimStates(d, claim) || (!!d.words && new Set(matched.filter((at) => at >= d.start && at < d.end)).size >= namedWords(d).length);
  if (missing.speaker) return sourceDetails.find((d) => d.speaker && !stated(d)) ?? null;
  // A place takes the place of one the same way only: "to Europe" is not contradicted by "in the Sahara".
  const sameWay = (d: Detail) => !d.role || !missing.role || d.role === missing.role;
  const rivals = sourceDetails.filter((d) => d.kind === missing.kind && !!d.factor === !!missing.factor && !!d.locative === !!missing.locative && sameWay(d) && !stated(d));
  if (missing.kind === 'number') {
    // A number conflicts with a number of the same thing, when both count something.
    // When the sentence states what the claim counts in words no dictionary pairs with the source's ("households"
    // for "foyers", through its machine translation), the one rival count of the slot counts it.
    const counted = rivals.filter((d) => d.counted);
    return rivals.find((d) => missing.counted && d.counted && sameCounted(missing.counted, d.counted, terms, policy))
      ?? (missing.counted ? (counted.length === 1 && countsIt(counted[0]!) ? counted[0]! : null) : rivals[0] ?? null);
  }
  return rivals[0] ?? null;
}

/** Whether a sentence states all the words of a claim's long name but one, three at least (through the claim's
 * terms): "Lakeside Development Bank" does not state "African Development Bank", but a name of five words with one
 * translated otherwise is stated. */
function mostlyStated(detail: Detail, c: Candidate, terms: WeightedTerm[], policy: AnswerPolicy): boolean {
  const words = detail.words ?? [];
  const stated = words.filter((w) => {
    const term = terms.find((t) => t.words.includes(w));
    return term ? !!matchTerm(term, c.unit, policy) : c.unit.stems.has(stem(w));
  });
  return stated.length >= 3 && stated.length >= words.length - 1;
}

/** The claim's tokens written within `window` characters of a detail (or a word) of the claim, but its own. */
function nearTokens(detail: Pick<Detail, 'start' | 'end'>, claimTokens: Bag['tokens'], window: number): Bag['tokens'] {
  return claimTokens.filter((t) => Math.max(detail.start - t.end, t.start - detail.end) <= window && (t.end <= detail.start || t.start >= detail.end));
}

/**
 * Where the source states the claim's words that stand around a detail: document offsets of the source tokens
 * matching the claim terms written within `window` characters of the detail in the claim.
 */
function anchors(detail: Pick<Detail, 'start' | 'end'>, claimTokens: Bag['tokens'], terms: WeightedTerm[], c: Candidate, window: number): number[] {
  const nearWords = new Set(nearTokens(detail, claimTokens, window).map((t) => t.word));
  return terms.flatMap((t, i) => (t.words.some((w) => nearWords.has(w)) ? c.coverage.matches[i]?.tokens.map((k) => k.start) ?? [] : []));
}

/**
 * The negation words of a sentence that negate words the claim matched in it: such a word stands inside the negation
 * or within `window` characters after it, on the same side of the sentence's quotation marks (a "not" inside a
 * quote negates what the quote says).
 */
function negationNear(c: Candidate, window: number): Array<{ text: string }> {
  const starts = c.coverage.matches.flatMap((m) => m?.tokens.map((t) => t.start - c.unit.start) ?? []);
  const quotes = quoteSpans(c.unit.text);
  const quoteOf = (at: number) => quotes.findIndex((q) => at >= q.start && at < q.end);
  return negations(c.unit.text).filter((n) => {
    const side = starts.filter((s) => quoteOf(s) === quoteOf(n.start));
    return side.some((s) => s >= n.start && s <= n.end + window);
  });
}

// Negative prefixes of French and English adjectives and verbs ("in-suffisant", "ir-regular", "un-safe", "non-").
const NEGATIVE_PREFIX = /^(?:non|in|im|il|ir|un)(?=\p{L}{5})/u;

/**
 * A word of the sentence that is a word of the claim it does not match, with a negative prefix: "insuffisants" for
 * "suffisaient", "irregular" for "regular". The rest of the word must stem as the claim's word does.
 */
function oppositeWord(c: Candidate, terms: WeightedTerm[], claimTokens: Bag['tokens'], window: number, opposites?: (word: string) => Opposites): { claimed: string; found: string } | null {
  for (const [i, t] of terms.entries()) {
    if (t.weight <= 0 || t.isName || t.isNumber || t.words.length !== 1 || c.coverage.matches[i]) continue;
    const claimStem = stem(t.words[0]!);
    const antonyms = opposites?.(t.words[0]!);
    // An antonym stands where the claim's word stands: near the source words that match the claim's words around it
    // ("le débit des puits a [diminué]" for "le débit des puits a [augmenté]"); elsewhere it says something else.
    const at = claimTokens.find((k) => k.word === t.words[0]);
    // The source words that write a claim word around it by its stem mark the place too, when the claim's term they
    // belong to is not matched whole: "Ce Pacte est un grand pas [en avant]" for "the new Pact on Migration and Asylum
    // [backwards]".
    const stems = at ? new Set(nearTokens(at, claimTokens, window).map((k) => k.stem)) : new Set<string>();
    const near = (antonyms?.stems.size || antonyms?.phrases.length) && at ? [...anchors(at, claimTokens, terms, c, window), ...c.unit.tokens.filter((k) => stems.has(k.stem)).map((k) => k.start)] : [];
    const inSlot = (start: number) => near.some((a) => Math.abs(a - start) <= window);
    const token = c.unit.tokens.find((k) => (NEGATIVE_PREFIX.test(k.word) && stem(k.word.replace(NEGATIVE_PREFIX, '')) === claimStem)
      || (!!antonyms?.stems.has(k.stem) && inSlot(k.start) && opposites!(k.word).stems.has(claimStem)));
    if (token) return { claimed: t.words[0]!, found: c.unit.text.slice(token.start - c.unit.start, token.end - c.unit.start) };
    for (const phrase of antonyms?.phrases ?? []) {
      const found = phraseAt(c.unit.text, phrase);
      if (found && inSlot(c.unit.start + found.start)) return { claimed: t.words[0]!, found: c.unit.text.slice(found.start, found.end) };
    }
  }
  return null;
}

/**
 * Judges one claim against its scored candidate sentences (best first):
 * - `supported` when a sentence states enough of the claim's weighted terms, every detail it gives (numbers,
 *   ordinals, years, months, names), its general quantifiers, and with the same polarity;
 * - `contradicted` when a sentence about the same thing (enough of the claim's other terms) states another detail
 *   of the same kind in place of a claimed one (another number of the same thing, year, month, person, speaker,
 *   organisation, place), or states it with the opposite polarity;
 * - `not_found` otherwise, with the nearest sentence as evidence when it is near enough.
 */
export function judgeClaim(claimText: string, claimBag: Bag, candidates: Candidate[], ctx: JudgeContext): Pick<CheckedClaim, 'verdict' | 'evidence' | 'difference'> {
  const { policy, answerPolicy, terms } = ctx;
  const details = extractDetails(claimText, ctx.isCommonWord, ctx.glossary);
  const claim = { text: claimText, bag: claimBag, details };
  const claimNegated = negations(claimText).length > 0;
  const claimQuantifiers = quantifiers(claimText);
  const best = candidates[0];
  // A claim that quantifies ("all", "most", "only") is stated, or contradicted, only by a sentence that quantifies
  // alike: a sentence about some of the things the claim says all of is about another fact, whatever detail it
  // gives in another place ("The EU funds all of IOM's operations in Africa" is not contradicted by one operation).
  const quantifiesAlike = (c: Candidate) => claimQuantifiers.every((q) => quantifiers(c.unit.text).includes(q));
  /** A contradiction when the sentence says the claim's words with the opposite polarity, or null. */
  const polarityDiffers = (c: Candidate): ReturnType<typeof judgeClaim> | null => {
    const negated = negationNear(c, policy.negationWindow);
    const opposite = oppositeWord(c, terms, claimBag.tokens, policy.slotWindow, ctx.opposites);
    // A word with a negative prefix negates too ("insuffisants" for "suffisaient"), or undoes a negation.
    // A verb of the claim that denies what follows ("refused to provide") and that the sentence does not state
    // negates the claim as "not" does.
    const denial = terms.find((t, i) => t.words.length === 1 && !t.isName && isNegativeWord(t.words[0]!) && !c.coverage.matches[i]);
    if ((claimNegated || !!denial) === (negated.length > 0 !== !!opposite)) return null;
    const found = opposite?.found ?? negated[0]?.text ?? c.unit.text;
    const claimed = opposite?.claimed ?? negations(claimText)[0]?.text ?? denial?.words[0] ?? claimText;
    return { verdict: 'contradicted', evidence: [spanOf(c, c.blended)], difference: { claimed, found, kind: 'negation' } };
  };
  /** A contradiction when the sentence states, in the place of a claimed detail it lacks, another of its kind. */
  const slotRival = (c: Candidate, missing: Detail[]): { judged: ReturnType<typeof judgeClaim>; detail: Detail } | null => {
    if (missing.length === 0) return null;
    const matched = c.coverage.matches.flatMap((m, i) => (m && terms[i]!.isName ? m.tokens.map((t) => t.start) : []));
    const sourceDetails = extractDetails(c.unit.text, ctx.isCommonWord, ctx.glossary).map((d) => ({ ...d, start: d.start + c.unit.start, end: d.end + c.unit.start }));
    for (const kind of PRIORITY) {
      for (const m of missing.filter((d) => d.kind === kind).sort((a, b) => Number(!!b.speaker) - Number(!!a.speaker))) {
        // A body's long name the sentence writes all words of but one is the same body named otherwise ("the
        // Joint Initiative for Migrant Protection" written "l'initiative conjointe phare … pour la protection des
        // migrants"): no other body takes its place.
        if (m.kind === 'organisation' && mostlyStated(m, c, terms, answerPolicy)) continue;
        // The rival must stand where the claim's detail stands: next to the source words that match the claim's
        // words around the detail ("proposé … par [la Commission]" for "proposed … by [the Parliament]").
        // A quote's speaker stands at the quote's edge, wherever the claim's words are.
        const near = anchors(m, claimBag.tokens, terms, c, policy.slotWindow);
        // The nearest rival first: "financé par [la Fondation Keller]" rather than a body named earlier in the sentence.
        const distance = (d: Detail) => Math.min(...near.map((a) => Math.max(a - d.end, d.start - a, 0)));
        // A name the claim lists with others of its kind that the sentence states has its slot in the sentence's list:
        // "co-chaired by A, B and [C]" against "co-présidée par A, …, B, … et [D]".
        const listed = m.words && details.some((o) => o !== m && o.kind === m.kind && !!o.words && states(c, o));
        const inSlot = m.speaker ? sourceDetails : sourceDetails.filter((d) => (listed && d.kind === m.kind) || distance(d) <= policy.slotWindow).sort((a, b) => distance(a) - distance(b));
        // What the claim's number counts is stated by a source number's counted words: one of the claim's counted
        // words is matched there, or in the sentence's machine translation (a match without source offsets).
        const countsIt = (d: Detail) => !!m.counted && terms.some((t, i) => t.words.some((w) => m.counted!.includes(w)) && !!c.coverage.matches[i]
          && (c.coverage.matches[i]!.tokens.length === 0 || c.coverage.matches[i]!.tokens.some((k) => k.start >= d.end && k.start <= d.end + COUNTED_REACH)));
        const rival = conflicting(m, inSlot, claim, terms, answerPolicy, matched, countsIt);
        if (!rival) {
          // A count the sentence neither gives nor counts otherwise is a fact it does not state: the claim is about
          // something else ("150 mineurs accueillis en 2018" is not the convention on minors in place since 2017).
          if (m.kind === 'number' && m.counted && !m.factor) return null;
          continue;
        }
        const reported: DetailKind = m.speaker ? 'speaker' : m.kind;
        return { judged: { verdict: 'contradicted', evidence: [spanOf(c, c.blended)], difference: { claimed: m.text, found: rival.text, kind: reported } }, detail: m };
      }
    }
    return null;
  };
  /** A contradiction when the claim says a person it names said what the sentence quotes someone else saying. */
  const persons = details.filter((d) => d.kind === 'person');
  const speakerDiffers = (c: Candidate): ReturnType<typeof judgeClaim> | null => {
    if (!ctx.reportsSpeech || !persons.length || !c.speakers?.length) return null;
    if (persons.some((p) => c.speakers!.some((s) => p.words!.every((w) => s.words!.includes(w))))) return null;
    return { verdict: 'contradicted', evidence: [spanOf(c, c.blended)], difference: { claimed: persons[0]!.text, found: c.speakers[0]!.text, kind: 'speaker' } };
  };
  const states = (c: Candidate, d: Detail) => statesDetail(d, { text: c.unit.text, bag: c.unit, dated: c.dated }, terms, answerPolicy);

  // Numbers and dates must be in the sentence; a name may be in its passage (the communiqué's topic, its dateline).
  const inDocument = new Map<Bag, Map<Detail, boolean>>();
  const statesInDocument = (c: Candidate, d: Detail) => {
    let known = inDocument.get(c.document);
    if (!known) inDocument.set(c.document, (known = new Map()));
    if (!known.has(d)) known.set(d, statesDetail(d, { text: '', bag: c.document }, terms, answerPolicy));
    return known.get(d)!;
  };
  // A place where the claim says something happens ("in Brussels") must be one where the communiqué says things
  // happen, not a word of its contact lines ("Bruxelles : Ryan Schroeder").
  const statesInContext = (c: Candidate, d: Detail) => states(c, d)
    || (!!d.words && (d.kind === 'place' && d.locative && c.places ? statesDetail(d, c.places, terms, answerPolicy) : statesInDocument(c, d)));
  // A capitalised word or an acronym of the claim that no detail holds ("… coordinator for the Pacific") is a name
  // too: the sentence, its passage or its communiqué must write it.
  const detailWords = new Set(details.flatMap((d) => d.words ?? []));
  const names = terms.flatMap((t, i) => (t.isName && t.weight > 0 && !t.words.some((w) => detailWords.has(w)) ? [i] : []));
  const namesStated = (c: Candidate) => names.every((i) => c.coverage.matches[i] || c.context.matches[i] || matchTerm(terms[i]!, c.document, answerPolicy));
  // The sentence most about the same thing first: its coverage without the details that differ, and without the
  // claim's speakers (a quote is aligned by its words, not by who the claim says spoke them).
  const speakers = details.filter((d) => d.speaker);
  // Leaving out the terms of details and speakers raises a sentence's coverage at most to blended·T/(T − R): below
  // minAligned even then, a sentence is not looked at (most retrieved sentences share only the topic).
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  const detailTermWords = new Set(details.flatMap((d) => d.words ?? d.text.split(/[^\p{L}\p{N}]+/u).map((w) => w.toLowerCase())));
  const removable = terms.reduce((sum, t) => sum + (t.words.some((w) => detailTermWords.has(w)) ? t.weight : 0), 0);
  const mayAlign = (c: Candidate) => removable >= total || c.blended * total >= policy.minAligned * (total - removable);
  const firstClash = (pool: Candidate[], namesOnly = false): ReturnType<typeof judgeClaim> | null => {
    const aligned = pool
      .filter((c) => mayAlign(c) && quantifiesAlike(c))
      .map((c) => {
        const missing = details.filter((d) => !states(c, d));
        return { c, missing, aligned: alignedCoverage(terms, c, [...missing, ...speakers], answerPolicy) };
      })
      .filter((a) => a.aligned >= policy.minAligned)
      .sort((a, b) => b.aligned - a.aligned);
    for (const { c, missing } of aligned) {
      if (missing.length === 0) {
        if (namesOnly) continue;
        const opposite = c.coverage.value >= policy.minOwnSupport && c.blended >= policy.minAligned ? polarityDiffers(c) : null;
        if (opposite) return opposite;
        continue;
      }
      const clash = slotRival(c, namesOnly ? missing.filter((d) => d.words) : missing);
      if (!clash) continue;
      // The claim's other names must be those of the sentence or its communiqué: a sentence about other people,
      // bodies or places states another fact ("Belgium pledged 25 million euros" is not contradicted by the
      // Commission's 1.88 billion).
      if (!missing.every((d) => d === clash.detail || !d.words || statesInContext(c, d))) continue;
      // The sentence's own words must state enough of the claim. A number of the same counted thing may stand for the
      // claimed one there, when the sentence (or its communiqué, for a name) states every other detail of the claim:
      // "450 délégués … ont pris part aux travaux" states "900 delegates took part in the forum" but for its number.
      const sameCount = clash.detail.kind === 'number' && !!clash.detail.counted && missing.every((d) => d === clash.detail || statesInContext(c, d));
      if (c.coverage.value >= policy.minOwnSupport || (sameCount && filledCoverage(terms, c, clash.detail, answerPolicy) >= policy.minOwnSupport)) return clash.judged;
      // So may another person in the place of a claimed one, when the sentence's own words state at least minSupport
      // of the rest of the claim: a person's name weighs most of a short claim ("The steering committee will be
      // chaired by Dr. X"). Not when the sentence only contests a support: an earlier communiqué may give the office to
      // the person before.
      if (!namesOnly && clash.detail.kind === 'person' && !clash.detail.speaker && missing.every((d) => d === clash.detail || statesInContext(c, d))
        && restCoverage(terms, c, clash.detail, answerPolicy) >= policy.minSupport) return clash.judged;
    }
    return null;
  };
  // What the claim says of its people and numbers: its other words (bodies, places and offices included: "Joy Sandy
  // is the Emergency Response Coordinator"), as the sentence's own words state them.
  const personWords = new Set(persons.flatMap((d) => d.words!));
  const predicate = terms.flatMap((t, i) => (t.weight > 0 && !t.isNumber && !t.words.some((w) => personWords.has(w)) ? [i] : []));
  const predicateWeight = predicate.reduce((sum, i) => sum + terms[i]!.weight, 0);
  const predicateShare = (c: Candidate) => (predicateWeight ? predicate.reduce((sum, i) => {
    const m = c.coverage.matches[i];
    return sum + (m ? terms[i]!.weight * answerPolicy.matchWeights[m.kind] : 0);
  }, 0) / predicateWeight : 0);
  // The share of it the sentence states in any way (a translation or a cognate as much as the claim's own word).
  // A synonym in the sentence's machine translation is a loose sense of a machine's word ("office" for the "States"
  // of "États membres" translated): it says nothing of what the claim says of its people.
  const predicateStated = (c: Candidate) => predicate.reduce((sum, i) => sum + (c.coverage.matches[i] && !c.machineSynonyms?.has(i) ? terms[i]!.weight : 0), 0) / predicateWeight;
  const supporting: Candidate[] = [];
  for (const c of candidates) {
    if (c.blended < policy.minSupport || c.coverage.value < policy.minOwnSupport) continue;
    // A sentence that names the claim's people must also say, by its own words, what the claim says of them: a
    // contact line ("Pour plus d'informations, contacter X, OIM") in a passage about the claim's agreement does not
    // say that X negotiated it.
    if (persons.length && predicateWeight && predicateStated(c) < policy.minOwnPredicate) continue;
    if (!details.every((d) => statesInContext(c, d)) || !namesStated(c)) continue;
    // A name stated only elsewhere in the communiqué does not support the claim when the sentence puts another
    // name of its kind in the same place, unless a sentence that covers the claim more already supports it.
    if (!quantifiesAlike(c)) continue;
    const clash = slotRival(c, details.filter((d) => !states(c, d)));
    if (clash) {
      if (supporting.length) continue;
      return clash.judged;
    }
    if (!hedged(claimText) && hedged(c.unit.text)) continue;
    const otherSpeaker = speakerDiffers(c);
    if (otherSpeaker) {
      if (supporting.length) continue;
      return otherSpeaker;
    }
    const opposite = polarityDiffers(c);
    if (opposite) return opposite;
    supporting.push(c);
  }
  if (supporting.length) {
    // Of the sentences that state the claim, the one that says most of what it says besides its names and numbers
    // ("intervient dans plus de 40 pays" rather than a contact line's phone number with a 40 in it).
    const most = supporting.reduce((a, b) => (predicateShare(b) > predicateShare(a) ? b : a));
    // A sentence that states the claim by itself is quoted rather than the pair of sentences that holds it.
    const inside = supporting.filter((b) => b.unit.docId === most.unit.docId && b.unit.start >= most.unit.start && b.unit.end <= most.unit.end && b.unit.end - b.unit.start < most.unit.end - most.unit.start);
    const c = inside.length ? inside.reduce((a, b) => (predicateShare(b) > predicateShare(a) ? b : a)) : most;
    // A sentence that names the claim's people but says less of what the claim says of them ("Contact : M. X")
    // is outweighed by one that says it of someone else ("a indiqué M. Y, coordonnateur du programme"). Numbers
    // and dates are not contested so: the supporting sentence states them itself.
    const contesting = candidates.filter((o) => o !== c && predicateShare(o) >= predicateShare(c) + policy.contestMargin);
    const contest = firstClash(contesting, true);
    if (contest) return contest;
    // So is a sentence that names the claim's speaker by one that quotes what the claim says they said, in another
    // person's mouth ("« La pêche durable est un grand pas », a déclaré Y" for "X a déclaré que la pêche durable est
    // un grand pas", X quoted elsewhere on the same topic).
    for (const o of contesting) {
      const otherSpeaker = o.coverage.value >= policy.minOwnSupport && alignedCoverage(terms, o, persons, answerPolicy) >= policy.minAligned ? speakerDiffers(o) : null;
      if (otherSpeaker) return otherSpeaker;
    }
    // Further evidence: other sentences that state the claim too (never one that only comes close).
    const evidence = [spanOf(c, c.blended)];
    for (const other of supporting) {
      if (evidence.length >= policy.maxEvidence) break;
      if (other.blended < c.blended * policy.extraEvidenceRatio) continue;
      if (other !== c && !(other.unit.docId === c.unit.docId && other.unit.start < c.unit.end && other.unit.end > c.unit.start)) evidence.push(spanOf(other, other.blended));
    }
    return { verdict: 'supported', evidence };
  }

  const clash = firstClash(candidates);
  if (clash) return clash;
  return { verdict: 'not_found', evidence: best && best.blended >= policy.minShown ? [spanOf(best, best.blended)] : [] };
}
