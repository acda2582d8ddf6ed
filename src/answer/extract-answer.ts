import * as chrono from 'chrono-node';
import { perText } from '../text/per-text.js';
import { fold, isStopword } from '../text/terms.js';
import { regionNames } from '../lexicon/country-names.js';
import { isCommonWord, type LexicalKnowledge } from '../lexicon/lexical-knowledge.js';
import type { AnswerType } from './analyse-question.js';
import type { UnitToken } from './evidence-units.js';

/** A short answer inside a sentence: offsets relative to the sentence, and what it holds. */
export interface AnswerSpan {
  start: number;
  end: number;
  text: string;
  /** A calendar date when the span is one (for formatting in the asker's language). */
  date?: { year: number; month?: number; day?: number };
  /** The number when the span starts with one. */
  value?: number;
  /** The span holds the noun the question counts ("120 délégations" for "how many delegations"). */
  countsFocus?: boolean;
  /** How many spans of the asked type the sentence holds (this one among them). */
  among?: number;
  /** The span is the agent of the question's verb in the passive ("organisée par X" for "qui a organisé"). */
  agent?: boolean;
  /** A person span made of dictionary words only ("Premier Ministre"): more likely an office than a name. */
  office?: boolean;
}

/** How a sentence's words are told apart when its names are read: `common`, a common word where this sentence
 * stands (an office, a capitalised noun); `dictionary`, any dictionary word of French or English. */
export interface SpanWords {
  common?: (folded: string) => boolean;
  dictionary?: (folded: string) => boolean;
}

const MONTH_NAMES = (() => {
  const names = new Set<string>();
  for (const locale of ['fr', 'en']) {
    for (let m = 0; m < 12; m++) {
      for (const month of ['long', 'short'] as const) names.add(fold(new Intl.DateTimeFormat(locale, { month }).format(new Date(2020, m, 15))).replace(/\.$/, ''));
    }
  }
  return names;
})();

/** Whether a folded word names a month or a day of the week in French or English (English writes them with a capital). */
export function isCalendarWord(folded: string): boolean {
  return MONTH_NAMES.has(folded) || DAY_NAMES.has(folded);
}

const DAY_NAMES = new Set(['fr', 'en'].flatMap((locale) => Array.from({ length: 7 }, (_, d) => fold(new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2020, 0, 5 + d)))))));

const MONTH_INDEX = (() => {
  const index = new Map<string, number>();
  for (const locale of ['fr', 'en']) for (let m = 0; m < 12; m++) index.set(fold(new Intl.DateTimeFormat(locale, { month: 'long' }).format(new Date(2020, m, 15))), m + 1);
  return index;
})();

const ENGLISH_MONTHS = new Set(Array.from({ length: 12 }, (_, m) => fold(new Intl.DateTimeFormat('en', { month: 'long' }).format(new Date(2020, m, 15)))));

/** Country and territory names in French and English (ISO 3166 regions through `Intl.DisplayNames`), folded. */
const COUNTRY_NAMES = new Set(regionNames().flatMap((r) => [fold(r.en), fold(r.fr)]));

// Cardinal number words of French and English (general vocabulary), for "six missions", "three countries".
const NUMBER_WORDS: Record<string, number> = Object.fromEntries([
  ...'zero un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize'.split(' ').map((w, i) => [w, i]),
  ...'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen'.split(' ').map((w, i) => [w, i]),
  ['une', 1], ['vingt', 20], ['trente', 30], ['quarante', 40], ['cinquante', 50], ['cent', 100], ['mille', 1000],
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['hundred', 100], ['thousand', 1000], ['dozen', 12], ['douzaine', 12],
]);

const NUMBER = /(?<![\p{L}\p{N}])(\d{1,3}(?:[  \u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)*)(?:\s*(?:%|pour cent|percent|per cent))?(?:\s+(?:millions?|milliards?|billions?|trillions?|mille|thousand))?(?![\p{L}\p{N}])/gu;
const CURRENCY = /(?:€|\$|£|\b(?:euros?|dollars?|USD|EUR|CHF|GBP|francs?|livres?|pounds?)\b)/iu;
const TIME_UNIT = /^(?:ans?|années?|mois|semaines?|jours?|heures?|minutes?|years?|months?|weeks?|days?|hours?|decades?|décennies?|siècles?|centuries)$/iu;
/** A title or honorific before a person's name ("M.", "Mme", "Dr", "Ms."), with the space after it. */
export const TITLE = /(?:M\.|MM\.|Mme\.?|Mmes\.?|Mlle\.?|Dr\.?|Pr\.?|Prof\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|S\.E\.)\s+/u;
const LEADING_TITLE = new RegExp(`^${TITLE.source}`, 'u');
// A word of a name ends with a letter, or is an initial or a short abbreviation ("J.", "St."): a full stop after a
// longer word ends the sentence ("…, Mme Laura Thompson. Parmi les autres…").
const NAME_WORD = /(?:\p{Lu}[\p{Ll}\p{Lu}'’.-]*\p{Ll}|\p{Lu}\p{Ll}{0,2}\.)/u;
// The particles inside a family name, written either case ("Alexander De Croo", "Ursula von der Leyen").
const PARTICLES = 'de|da|del|van|von|der|le|la|di|du|bin|ibn';
/** A particle of a family name ("de", "van", "bin"). */
const PARTICLE = new RegExp(`^(?:${PARTICLES})$`, 'u');
const NAME_SEQUENCE = new RegExp(`(?:${TITLE.source})?${NAME_WORD.source}(?:\\s+(?:(?:${PARTICLES})\\s+)?${NAME_WORD.source}){1,3}`, 'gu');
// A capitalised preposition of place that opens a sequence of capitalised words ("À Genève", "In Kisumu"). French
// drops the accent of a capital ("A Bruxelles:"), but an English "A" is an article ("A Kenyan official"): a bare "A"
// counts only before one word and a comma or colon.
const OPENING_LOCATIVE = /^(?:(?:À|Au|Aux|En|Dans|In|At)\s+(?=\p{Lu})|A\s+(?=\p{Lu}[\p{L}'’-]*$))/u;
/** A preposition of place ending a text: a capitalised word after it is a place ("à Genève", "in Kisumu"). */
export const LOCATIVE = /(?:^|\s)(?:à|au|aux|en|dans|vers|depuis|de|d'|in|at|from|to|into)\s*$/iu;

/** The cardinal words of French and English for a whole number ("6" → "six"), folded; none for most numbers. */
export function numberWords(value: number): string[] {
  return WORDS_OF_NUMBER.get(value) ?? [];
}

// The cardinal words by value, made once (statesNumber reads them for each sentence and number).
const WORDS_OF_NUMBER = Object.entries(NUMBER_WORDS).reduce((byValue, [word, n]) => byValue.set(n, [...(byValue.get(n) ?? []), word]), new Map<number, string[]>());

function parseNumber(text: string): number | undefined {
  const word = NUMBER_WORDS[fold(text)];
  if (word !== undefined) return word;
  const compact = text.replace(/[  \u202f]/g, '');
  // "1,88" is a French decimal; "25,000" an English thousands separator.
  const n = /^\d{1,3}(,\d{3})+$/.test(compact) ? Number(compact.replace(/,/g, '')) : Number(compact.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

// Sentences whose spans are remembered: those of the loaded documents recur in every answer.
const SENTENCES = 20_000;

/** Numbers in a sentence (digits, with grouping, decimals, percent and "million"; or number words). */
export const numberSpans = perText(findNumbers, SENTENCES);

function findNumbers(text: string): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  for (const m of text.matchAll(NUMBER)) spans.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: parseNumber(m[1]!) });
  for (const m of text.matchAll(/[\p{L}]+/gu)) {
    const value = NUMBER_WORDS[fold(m[0])];
    // "un"/"une"/"one" are articles more often than counts: only with a digit-free noun right after, as in "one of".
    if (value !== undefined && !['un', 'une', 'one', 'zero'].includes(fold(m[0]))) spans.push({ start: m.index, end: m.index + m[0].length, text: m[0], value });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Dates in a sentence: full dates (chrono-node, French and English), "les 28 et 29 octobre 2019", months with a year, years. */
export const dateSpans = perText(findDates, SENTENCES);

function findDates(text: string): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  const seen = (start: number, end: number) => spans.some((s) => start < s.end && end > s.start);
  for (const parser of [chrono.fr, chrono.en]) {
    for (const r of parser.parse(text, new Date(2000, 0, 1))) {
      // Relative dates ("hier", "today") are not facts of the text: only dates written with a day number.
      if (!r.start.isCertain('day') || !r.start.isCertain('month') || !/\d/.test(r.text)) continue;
      let start = r.index;
      const before = /(\d{1,2}(?:er)?\s+(?:et|and|-|–|au)\s+)$/u.exec(text.slice(0, start));
      if (before) start -= before[1]!.length;
      const end = r.index + r.text.replace(/\s*-\s*\d{1,2}:\d{2}.*$/, '').length;
      if (seen(start, end)) continue;
      spans.push({
        start, end, text: text.slice(start, end),
        date: { year: r.start.isCertain('year') ? r.start.get('year')! : NaN, month: r.start.get('month')!, day: r.start.get('day')! },
      });
    }
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\p{L}+)\s+((?:1[89]|20)\d{2})(?![\p{L}\p{N}])/gu)) {
    const month = MONTH_INDEX.get(fold(m[1]!));
    if (month && !seen(m.index, m.index + m[0].length)) spans.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: { year: Number(m[2]), month } });
  }
  // A month without its year after a preposition of time ("débuteront en mai", "from May"); an English month only
  // capitalised ("may" and "march" are verbs).
  for (const m of text.matchAll(/(?<![\p{L}])(?:en|dès|depuis|jusqu'en|début|fin|mi|in|since|from|until|by|early|late|mid)[\s-]+(\p{L}+)(?![\p{L}])/giu)) {
    const word = m[1]!;
    const month = MONTH_INDEX.get(fold(word));
    const start = m.index + m[0].length - word.length;
    if (month && !(ENGLISH_MONTHS.has(fold(word)) && !/^\p{Lu}/u.test(word)) && !seen(start, start + word.length)) spans.push({ start, end: start + word.length, text: word, date: { year: NaN, month } });
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}/.,-])((?:1[89]|20)\d{2})(?![\p{N}%]|[.,]\d)/gu)) {
    if (!seen(m.index, m.index + 4)) spans.push({ start: m.index, end: m.index + 4, text: m[0], date: { year: Number(m[1]) } });
  }
  return spans.sort((a, b) => a.start - b.start);
}

// No dictionary: every word may be a name.
const NO_WORDS = (_folded: string) => false;

/** Capitalised word sequences that name a person (two words or more, or a title and a name); not months or countries.
 * `isCommonWord` tells common words apart: a sequence of them only ("Premier Ministre") is an office, not a name.
 * A sequence of dictionary words that are not known as common here is kept, flagged `office` ("Pierre Blanc" is a
 * name, "Premier Ministre" after "Alexander De Croo," an office): a name among the sentence's spans goes first. */
export function personSpans(text: string, isCommonWord: (folded: string) => boolean = NO_WORDS, isDictionaryWord: (folded: string) => boolean = isCommonWord): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  for (const m of text.matchAll(NAME_SEQUENCE)) {
    // A capitalised article before a title is no part of the name ("Le Dr Koffi …"). Before other capitalised words
    // it opens a body's name ("The International Water and Sanitation Network"), which is no person.
    const opening = /^(\p{L}+)\s+/u.exec(m[0]);
    const skip = opening && isStopword(fold(opening[1]!)) && LEADING_TITLE.test(m[0].slice(opening[0].length)) ? opening[0].length : 0;
    const at = m.index + skip;
    const name = m[0].slice(skip).replace(/[.,]$/, '');
    const parts = name.replace(TITLE, '').split(/\s+/).map(fold);
    const titled = TITLE.test(name) && new RegExp(`^${TITLE.source}`, 'u').test(name);
    const inside = (i: number) => i > 0 && i < parts.length - 1;
    if (parts.some((p, i) => MONTH_NAMES.has(p) || COUNTRY_NAMES.has(p) || (isStopword(p) && !(inside(i) && PARTICLE.test(p))))) continue;
    if (!titled && parts.length < 2) continue;
    // Words that are all dictionary words name a person only after a title ("Ms. Joy Sandy", "M. Pierre Blanc").
    if (!titled && parts.every((p) => isCommonWord(p))) continue;
    // A name defined by an acronym right after it ("… Sanitation Network (IWSN)") is an organisation's.
    if (/^\s*\(\p{Lu}{2,}\)/u.test(text.slice(at + name.length))) continue;
    // A sequence that opens the sentence with a capitalised common word ("Les Nations…", "Nouvelles Mesures") is not a
    // person; one that opens it with a name is ("Amy Pope a déclaré…").
    // Without a dictionary, the two cannot be told apart.
    if (at === 0 && !titled && parts.length < 3 && (isCommonWord === NO_WORDS || isDictionaryWord(parts[0]!))) continue;
    const office = !titled && parts.every((p) => isDictionaryWord(p));
    spans.push({ start: at, end: at + name.length, text: name, ...(office ? { office } : {}) });
  }
  return spans;
}

// Nouns of French and English that ask for a town, or for one country (general vocabulary of questions). "Which
// countries" may be answered by a region ("les pays d'Amérique latine"): only the singular asks for a country.
const TOWN_NOUNS = new Set('ville villes city cities town towns capitale capitales capital capitals commune communes municipality'.split(' '));
const ONE_COUNTRY = /(?:^|[^\p{L}])(?:quel|which|what|the|le|ce|this)\s+(?:pays|country|nation)(?:[^\p{L}]|$)/u;

/** The scale of place a question asks for: a town ("which city", which a country name does not answer), a country
 * ("quel pays", which a town does not answer), or any place. */
export type PlaceScale = 'town' | 'country' | null;

/** The scale of place a question asks for, by its focus noun and the determiner before it. */
export function placeScale(focus: string | null, question = ''): PlaceScale {
  const head = focus ? fold(focus).split(/\s+/).at(-1) ?? '' : '';
  return TOWN_NOUNS.has(head) ? 'town' : ONE_COUNTRY.test(fold(question)) ? 'country' : null;
}

// The French prepositions of countries and regions, never of towns.
const REGION_LOCATIVE = /(?:^|\s)(?:en|au|aux)\s+$/iu;

// A capitalised word, then "de / of / du…": what follows is part of its name, not a place.
const NAME_OF = /\p{Lu}[\p{L}'’-]*\s+(?:de|d'|d’|du|des|of|of the)\s*$/u;

const isCountryName = (name: string) => {
  const folded = fold(name);
  return COUNTRY_NAMES.has(folded) || folded.split(/\s+/).some((w) => COUNTRY_NAMES.has(w));
};

/**
 * Places: capitalised words after a locative preposition, and country names in French or English; of the scale
 * the question asks for, if any (no country for "which city", only countries for "which country"); `isCommonWord` leaves
 * out capitalised common nouns ("aux Etats membres").
 */
export function placeSpans(text: string, scale: PlaceScale = null, isCommonWord: (folded: string) => boolean = () => false): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  for (const found of text.matchAll(/\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu)) {
    // A sentence may open with its preposition of place, capitalised ("À Genève, …", "In Kisumu, …", "A Bruxelles:"
    // with the accent dropped on the capital): the place is the rest.
    const opening = OPENING_LOCATIVE.exec(found[0]);
    if (opening && opening[0].startsWith('A ') && !/^\s*[:,]/u.test(text.slice(found.index + found[0].length))) continue;
    const m = opening ? { 0: found[0].slice(opening[0].length), index: found.index + opening[0].length } : { 0: found[0], index: found.index };
    const folded = fold(m[0]);
    // "de Quito" ends a name when a capitalised word comes before it ("Processus de Quito", "University of Nairobi").
    const afterLocative = !!opening || (LOCATIVE.test(text.slice(Math.max(0, m.index - 12), m.index)) && !NAME_OF.test(text.slice(Math.max(0, m.index - 40), m.index)));
    const isCountry = isCountryName(m[0]);
    // French names a town after "à", a country or a region after "en / au / aux" ("à Gand, en Belgique").
    const ofScale = scale === 'town' ? !isCountry && !REGION_LOCATIVE.test(text.slice(Math.max(0, m.index - 5), m.index)) : scale === 'country' ? isCountry : true;
    // A capitalised common noun after a preposition ("aux Etats membres", "to the Council") names no place.
    const common = !isCountry && folded.split(/[\s'’-]+/).every((w) => isCommonWord(w));
    if ((afterLocative || isCountry) && ofScale && !common && !MONTH_NAMES.has(folded) && m.index > 0) spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return spans;
}

/** People's names in a text, offices left out ("Premier Ministre"): for a translator to leave as written. */
export function peopleNames(text: string, knowledge: LexicalKnowledge): AnswerSpan[] {
  const common = (word: string) => isCommonWord(knowledge, word);
  return personSpans(text, common).filter((span) => !span.office);
}

/** Organisations: acronyms and capitalised sequences of three words or more, cut at a lower-case word that is no
 * function word or particle (see `joinedByParticles`). */
export function organisationSpans(text: string): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  for (const m of text.matchAll(/(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])|\p{Lu}\p{Ll}+(?:\s+(?:\p{Ll}{1,3}\s+|l'|d')?\p{Lu}\p{Ll}+){2,}/gu)) {
    if (m.index > 0) spans.push(...joinedByParticles({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  }
  return spans;
}

// A capitalised word of a name, as the name finder reads one (a capitalised article opening a sentence is none).
const CAPITALISED = /\p{Lu}\p{Ll}+/gu;

/** A capitalised name cut at each lower-case word between its words that is neither a function word nor a name's
 * particle ("Director General met Luxembourg": a verb joins two phrases; "Pact on Migration", "Banco de la Nación",
 * "Vincent van Gogh Foundation" stay whole): the pieces that are still long names (three capitalised words besides function words). */
function joinedByParticles(span: { start: number; end: number; text: string }): Array<{ start: number; end: number; text: string }> {
  const pieces: Array<{ start: number; end: number; text: string }> = [];
  let from = 0;
  const cut = (to: number) => {
    const text = span.text.slice(from, to).trim();
    if ((text.match(CAPITALISED) ?? []).filter((w) => !isStopword(fold(w))).length >= 3) pieces.push({ start: span.start + from, end: span.start + from + text.length, text });
  };
  for (const m of span.text.matchAll(/(?<=\s)\p{Ll}+(?=\s)/gu)) {
    if (isStopword(fold(m[0])) || PARTICLE.test(m[0])) continue;
    cut(m.index);
    from = m.index + m[0].length + 1;
  }
  if (from === 0) return [span];
  cut(span.text.length);
  return pieces;
}

// The end of an agent's noun phrase: punctuation (an apposition or the next clause follows), or a relative clause.
const AGENT_END = /[.,;:!?»”()\[\]/]|\s(?:qui|que|dont|which|who|whom|that)\s/gu;

// A period after a title or an initial ("M. Jean Dulac", "J. Smith") does not end the phrase.
const ABBREVIATION_BEFORE = new RegExp(`(?:^|\\s)(?:${TITLE.source.replace(/\\s\+$/, '')}|\\p{Lu})$`, 'u');

function agentEnd(rest: string): number {
  for (const m of rest.matchAll(AGENT_END)) {
    if (m[0] === '.' && ABBREVIATION_BEFORE.test(rest.slice(0, m.index + 1))) continue;
    return m.index;
  }
  return rest.length;
}

/**
 * The agent of a verb in the passive ("organisée par le gouvernement belge", "chaired by X and Y"): who did what
 * the question asks about. `verbEnds` are the offsets, in the sentence, where a word of the question's verb ends.
 */
export function agentSpans(text: string, verbEnds: number[]): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  for (const end of verbEnds) {
    const by = /^\s+(?:par|by)\s+/u.exec(text.slice(end));
    if (!by) continue;
    const start = end + by[0].length;
    const rest = text.slice(start, start + 300);
    const stop = agentEnd(rest);
    const phrase = rest.slice(0, stop).replace(/[\s,]+$/u, '');
    if (phrase) spans.push({ start, end: start + phrase.length, text: phrase, agent: true });
  }
  return spans;
}

/** How many characters nearer a date with a day counts than a bare year (about ten words). */
const DAY_PRECISION = 60;

// Connectives that introduce a cause or a purpose, in French and English (closed-class words).
const CAUSAL = /(?:^|[\s,;(])(parce qu(?:e|')|puisqu(?:e|')|car|en raison d(?:e|u|es|')|à cause d(?:e|u|es|')|grâce à|afin d(?:e|')|pour que|étant donné|because(?: of)?|since|due to|owing to|in order to|so that|as a result of)(?=[\s,])/giu;

/** Clauses that give a reason: from a causal connective to the end of the clause. */
export function reasonSpans(text: string): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  for (const m of text.matchAll(CAUSAL)) {
    const start = m.index + m[0].indexOf(m[1]!);
    const end = start + (/^[^.;!?»”]*/u.exec(text.slice(start))![0].length);
    spans.push({ start, end, text: text.slice(start, end).trim() });
  }
  return spans;
}

/** The words right after a number up to the counted noun ("120 délégations", "six missions de sélection"). */
function withCountedNoun(text: string, span: AnswerSpan, maxWords = 3): AnswerSpan {
  const rest = text.slice(span.end);
  const m = new RegExp(`^(?:\\s+(?:de |d'|of )?[\\p{L}'’-]+){1,${maxWords}}`, 'u').exec(rest);
  if (!m) return span;
  // Stop after the first content word, or the second if the first is a unit ("millions de personnes").
  const words = m[0].match(/\s+(?:de |d'|of )?[\p{L}'’-]+/gu) ?? [];
  let take = '';
  for (const w of words) {
    take += w;
    const bare = fold(w.trim().replace(/^(?:de |d'|of )/, ''));
    if (!isStopword(bare) && !/^(millions?|milliards?|billions?|mille|thousand)$/.test(bare)) break;
  }
  return { ...span, end: span.end + take.length, text: text.slice(span.start, span.end + take.length) };
}

/** A number grown to its currency, written before ("USD 4.5 million", "€ 3") or after ("1,88 milliard d'euros"); null without one. */
function withCurrency(text: string, span: AnswerSpan): AnswerSpan | null {
  const before = new RegExp(`(${CURRENCY.source})\\s*$`, 'iu').exec(text.slice(Math.max(0, span.start - 8), span.start));
  const after = new RegExp(`^\\s*(?:de |d'|d’|of )?(${CURRENCY.source})(?:\\s+(?:des États-Unis|américains|suisses|US))?`, 'iu').exec(text.slice(span.end));
  if (!before && !after) return null;
  const start = before ? span.start - before[0].length : span.start;
  const end = after ? span.end + after[0].length : span.end;
  return { ...span, start, end, text: text.slice(start, end) };
}

/**
 * Candidate short answers of a type inside a sentence, each grown to what a reader needs: a number with its
 * counted noun (or its currency for an amount, its unit for a duration), a date, a name. Types without a short
 * answer (lists, yes/no, reasons…) have none: the sentence itself is the answer.
 */
export function typedSpans(text: string, type: AnswerType, words: SpanWords = {}, scale: PlaceScale = null): AnswerSpan[] {
  switch (type) {
    case 'number': {
      // Day numbers and years are parts of dates, not counts.
      const dates = dateSpans(text);
      return numberSpans(text)
        .filter((s) => !dates.some((d) => s.start < d.end && s.end > d.start))
        .map((s) => withCountedNoun(text, s));
    }
    case 'percent':
      return numberSpans(text).filter((s) => /%|pour cent|per ?cent/u.test(s.text));
    case 'amount':
      return numberSpans(text).map((s) => withCurrency(text, s)).filter((s): s is AnswerSpan => s !== null);
    case 'duration':
      return numberSpans(text).map((s) => withCountedNoun(text, s, 1)).filter((s) => TIME_UNIT.test(s.text.split(/\s+/).at(-1) ?? ''));
    case 'date':
      return dateSpans(text);
    case 'person':
      return personSpans(text, words.common, words.dictionary);
    case 'place':
      return placeSpans(text, scale, words.common);
    case 'organisation':
      return organisationSpans(text);
    case 'reason':
      return reasonSpans(text);
    default:
      return [];
  }
}

// Punctuation that ends a clause of a sentence (an item of an enumeration, an apposition).
const CLAUSE_END = /[,;:()]/gu;

/**
 * The short answer of a sentence: among its typed spans, the one nearest to the question's matched words (the
 * counted noun first, for a number), leaving out spans that only repeat what the question says.
 */
export function extractAnswer(
  unit: { start: number; text: string },
  type: AnswerType,
  anchors: { focus: UnitToken[]; others: UnitToken[] },
  questionWords: Set<string>,
  words: SpanWords = {},
  scale: PlaceScale = null,
): AnswerSpan | null {
  // Who did what the question asks: the passive's agent of its verb or role word, before any other name.
  const agents = type === 'person' || type === 'organisation' ? agentSpans(unit.text, anchors.focus.map((t) => t.end - unit.start)) : [];
  const spans = [...agents, ...typedSpans(unit.text, type, words, scale)].filter((s) => {
    // A courtesy title says nothing of who: "Mme Anne Kessler" only repeats a question that names Anne Kessler.
    const words = fold(s.text.replace(LEADING_TITLE, '')).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !isStopword(w));
    return words.length > 0 && !words.every((w) => questionWords.has(w));
  });
  if (spans.length === 0) return null;
  const distance = (s: AnswerSpan, tokens: UnitToken[]) =>
    Math.min(...tokens.map((t) => Math.max(0, t.start - unit.start - s.end, s.start - (t.end - unit.start))), Infinity);
  const inside = (s: AnswerSpan) => anchors.focus.some((t) => t.start - unit.start >= s.start && t.end - unit.start <= s.end);
  // A "when" wants the most precise date: a day beats a month, a month beats a bare year, at similar distances.
  const precision = (s: AnswerSpan) => (s.date?.day ? DAY_PRECISION : s.date?.month ? DAY_PRECISION / 2 : 0);
  // Of spans equally near the focus ("84 000 migrants …, 25 000 migrants en détresse secourus"), the one whose clause
  // states more of the question's other words answers it.
  const inClause = (s: AnswerSpan) => {
    const from = Math.max(-1, ...[...unit.text.slice(0, s.start).matchAll(CLAUSE_END)].map((m) => m.index!)) + 1;
    const next = unit.text.slice(s.end).search(CLAUSE_END);
    const to = next < 0 ? unit.text.length : s.end + next;
    return anchors.others.filter((t) => t.start - unit.start >= from && t.end - unit.start <= to).length;
  };
  const ranked = spans
    .map((s) => ({ s: inside(s) ? { ...s, countsFocus: true } : s, d: (anchors.focus.length ? distance(s, anchors.focus) : distance(s, anchors.others)) - precision(s), c: inClause(s) }))
    .sort((a, b) => Number(!!b.s.agent) - Number(!!a.s.agent) || Number(!!a.s.office) - Number(!!b.s.office) || Number(!!b.s.countsFocus) - Number(!!a.s.countsFocus) || a.d - b.d || b.c - a.c || a.s.start - b.s.start);
  // A counting question's number stands next to its counted noun; far from it, it counts something else.
  if ((type === 'number' || type === 'amount' || type === 'percent') && anchors.focus.length && ranked[0]!.d > 40) return null;
  // The agent of the question's verb is the answer whatever other names the sentence holds.
  return { ...ranked[0]!.s, among: ranked[0]!.s.agent ? 1 : spans.length };
}
