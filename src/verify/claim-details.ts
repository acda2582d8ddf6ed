import type { KeyTerm } from '../answer/analyse-question.js';
import { ordinalRank, ranksNoun } from '../answer/analyse-question.js';
import type { AnswerPolicy } from '../answer/answer-policy.js';
import { dateSpans, LOCATIVE, numberSpans, organisationSpans, personSpans, placeSpans, TITLE } from '../answer/extract-answer.js';
import { matchTerm, type Bag } from '../answer/score-evidence.js';
import { findGlossaryTerms, type Glossary } from '../lexicon/glossary.js';
import { perText } from '../text/per-text.js';
import { fold, isStopword, stem } from '../text/terms.js';
import type { DetailKind } from './types.js';

/** A checkable detail of a text: a number, an ordinal, a year, a month, or the name of a person, place or body. */
export interface Detail {
  kind: Exclude<DetailKind, 'speaker' | 'negation'>;
  /** As written, with offsets in the text it was read from. */
  text: string;
  start: number;
  end: number;
  /** The number, the ordinal's rank, the year or the month (1–12). */
  value?: number;
  /** For a month: the year written with it, if any. */
  year?: number;
  /** For a number: the folded words of what it counts, the noun and the word after it ("58 États membres" →
   * ["etats", "membres"], "85 member states" → ["member", "states"]: French puts the head first, English last). */
  counted?: string[];
  /** For a number: whether it is a factor of multiplication ("doubled", "réduit de moitié"), which only another
   * factor can take the place of. */
  factor?: boolean;
  /** For a name: its folded content words (titles and offices left out for a person). */
  words?: string[];
  /** A person (or a long name) outside the quotation marks of a sentence that quotes someone: the quote's speaker. */
  speaker?: boolean;
  /** For a place: whether it stands after a preposition of place ("à Bruxelles": where something is or happens),
   * rather than as a subject or object ("Colombia hosts…"). Only a place in the same role can take its place. */
  locative?: boolean;
  /** For a place after a preposition that says which way: whence ("from", "depuis"), whither ("to", "vers") or where
   * ("in", "dans"). French "à", "en", "au" say either where or whither: they leave it undefined. */
  role?: PlaceRole;
}

/** Which way a preposition of place points (see `Detail.role`). */
export type PlaceRole = 'origin' | 'destination' | 'location';

/** Folded country and territory name (French or English, ISO 3166 through `Intl.DisplayNames`) → region code. */
const REGION_CODES = (() => {
  const codes = new Map<string, string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const displays = ['fr', 'en'].map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  for (const a of letters) for (const b of letters) for (const d of displays) {
    const name = d.of(a + b);
    if (name) codes.set(fold(name), a + b);
  }
  return codes;
})();

// Texts whose readings are remembered: the sentences of the communiqués are read again for every claim (chrono-node
// is slow).
const TEXTS = 5000;

/** The dates of a text (see `dateSpans`), remembered per text. */
const datesOf = perText(dateSpans, TEXTS);

/** Folded month name (French and English, through `Intl.DateTimeFormat`) → month (1–12), and whether it is French. */
const MONTHS = (() => {
  const months = new Map<string, { month: number; french: boolean }>();
  for (const locale of ['en', 'fr']) {
    for (let m = 0; m < 12; m++) months.set(fold(new Intl.DateTimeFormat(locale, { month: 'long' }).format(new Date(2020, m, 15))), { month: m + 1, french: locale === 'fr' });
  }
  return months;
})();

/**
 * The months a text names, with its dates' months: a month named alone ("débuteront en mai", "in October") is a
 * detail too, though the date parser reads no date in it. English month names are capitalised ("may" is a verb).
 */
const monthsOf = perText((text: string) => {
  const dates = datesOf(text).filter((d) => d.date?.month).map((d) => ({ start: d.start, end: d.end, text: d.text, month: d.date!.month!, year: Number.isFinite(d.date!.year) ? d.date!.year : undefined }));
  const alone = wordsAt(text).flatMap((w) => {
    const name = MONTHS.get(w.word);
    const written = text.slice(w.start, w.end);
    if (!name || dates.some((d) => overlaps(d, w)) || (!name.french && !/^\p{Lu}/u.test(written))) return [];
    return [{ start: w.start, end: w.end, text: written, month: name.month, year: undefined }];
  });
  return [...dates, ...alone];
}, TEXTS);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && a.end > b.start;

// Scale words of French and English (the long scale of French: milliard = 10⁹, like English billion).
const SCALES: Array<[RegExp, number]> = [[/\b(?:milliards?|billions?)$/iu, 1e9], [/\bmillions?$/iu, 1e6], [/\b(?:mille|thousand)$/iu, 1e3]];

// Verbs and adjectives of multiplication in French and English ("doubled", "a triplé"): a count stated as a factor.
// Halving is a factor too ("halved", "réduit de moitié"): a claim that halves states a number its source must state.
const MULTIPLIERS = /(?<![\p{L}])(doubl|tripl|quadrupl|halv|de moiti)(?:e|es|ed|ing|er|é|ée|és|ées|ait|aient|ent)?(?![\p{L}])/giu;
const FACTORS: Record<string, number> = { doubl: 2, tripl: 3, quadrupl: 4, halv: 0.5, 'de moiti': 0.5 };

/** Numbers of a text that are not parts of its dates (a day or a year is not a count), scale words applied, and
 * its factors of multiplication. */
const numbersOf = perText((text: string) => numbersIn(text, datesOf(text)), TEXTS);

// Contact details: e-mail addresses, web addresses and telephone numbers (international, or after "Tel"/"Fax").
const CONTACTS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+|(?:https?:\/\/|www\.)\S+|\+\d[\d\s().\/-]{5,}\d|\b(?:t[ée]l|phone|fax|mob)\.?\s*:?\s*\d[\d\s().\/-]{4,}\d/giu;

// What may join the words of one number written out: a space, a hyphen, "et"/"and" ("vingt et un", "one hundred and
// twenty").
const NUMBER_JOINER = /^(?:\s*-\s*|\s+(?:(?:et|and)\s+)?)$/iu;

/**
 * A number written in several words read as one ("cent vingt" → 120, "two hundred" → 200, "deux mille cinq cents"):
 * a hundred or more multiplies what comes before it, a smaller word adds to it. Digits are left alone.
 */
export function composeNumberWords(text: string, spans: ReturnType<typeof numberSpans>): ReturnType<typeof numberSpans> {
  const out: ReturnType<typeof numberSpans> = [];
  const isWord = (s: { text: string }) => /^\p{L}+$/u.test(s.text);
  let run: ReturnType<typeof numberSpans> = [];
  const flush = () => {
    if (run.length > 1) {
      let total = 0;
      let current = 0;
      for (const { value } of run) {
        if (value! >= 1000) [total, current] = [total + Math.max(current, 1) * value!, 0];
        else if (value! >= 100) current = Math.max(current, 1) * value!;
        else current += value!;
      }
      out.push({ start: run[0]!.start, end: run.at(-1)!.end, text: text.slice(run[0]!.start, run.at(-1)!.end), value: total + current });
    } else out.push(...run);
    run = [];
  };
  for (const s of spans) {
    const last = run.at(-1);
    if (!isWord(s) || s.value === undefined) {
      flush();
      out.push(s);
      continue;
    }
    // Each word must be smaller than the one before it, unless it multiplies ("deux cents", "five thousand").
    if (last && !(NUMBER_JOINER.test(text.slice(last.end, s.start)) && (s.value < last.value! || s.value >= 100))) flush();
    run.push(s);
  }
  flush();
  return out;
}

function numbersIn(text: string, dates: ReturnType<typeof dateSpans>) {
  // The digits of a telephone number or an address count nothing.
  const contacts = [...text.matchAll(CONTACTS)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const numbers = composeNumberWords(text, numberSpans(text))
    .filter((n) => n.value !== undefined && !dates.some((d) => overlaps(d, n)) && !contacts.some((c) => overlaps(c, n)))
    .map((n) => ({ ...n, value: n.value! * (SCALES.find(([re]) => re.test(n.text))?.[1] ?? 1) }));
  const factors = [...text.matchAll(MULTIPLIERS)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], value: FACTORS[m[1]!.toLowerCase()]!, factor: true }));
  return [...numbers, ...factors].sort((a, b) => a.start - b.start);
}

/** The rank of an ordinal, French plurals included ("les premiers chantiers", "les troisièmes"); "secondes" is a
 * unit of time. */
function rankOf(word: string): number | undefined {
  const plural = /^(?:premier|premiere|\p{L}+ieme)s$/u.test(word) ? word.slice(0, -1) : null;
  return ordinalRank(word) ?? (plural ? ordinalRank(plural) : undefined);
}

/** Folded words of a text with their offsets (letters and digits; apostrophes and hyphens split words). */
function wordsAt(text: string): Array<{ word: string; start: number; end: number }> {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: fold(m[0]), start: m.index, end: m.index + m[0].length }));
}

// Content words read after a number for what it counts: English puts the head of a compound last ("50,000 household
// water treatment kits"), French first ("30 000 kits de traitement").
const COUNTED_WORDS = 4;

/**
 * The first content words after a number (up to four), in its clause: what it counts ("324 personnes", "5 millions d'euros",
 * "85 member states"). Leading function words are passed ("d'euros"); the next one, or punctuation, ends the noun.
 */
function countedWords(text: string, from: number): string[] {
  const words: string[] = [];
  const rest = text.slice(from, from + 80);
  for (const w of wordsAt(rest)) {
    if (/[.,;:!?()«»"“”]/u.test(rest.slice(0, w.start)) || /^\d/.test(w.word)) break;
    if (isStopword(w.word)) {
      if (words.length) break;
      continue;
    }
    words.push(w.word);
    if (words.length === COUNTED_WORDS) break;
  }
  return words;
}

/** The quotations of a text, with their marks: offsets. */
export function quoteSpans(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(/«[^»]*»|“[^”]*”|"[^"]*"/gu)].map((q) => ({ start: q.index, end: q.index + q[0].length }));
}

/** Whether a span lies outside the quotation marks of a text that quotes someone. */
function outsideQuote(text: string, span: { start: number; end: number }): boolean {
  const quotes = quoteSpans(text);
  return quotes.length > 0 && !quotes.some((q) => span.start >= q.start && span.end <= q.end);
}

// An article between a preposition of place and the name ("depuis la Turquie", "vers le Grand-Duché", "dans
// l'Atlantique", "in the Mediterranean"): closed class of French and English.
const ARTICLE_END = /(?:^|\s)(?:la|le|les|l['’]|the)\s*$/iu;

// Prepositions of French and English that point one way only, before a name (an article between or not).
const ROLES: Array<[RegExp, PlaceRole]> = [
  [/(?:^|\s)(?:from|depuis)\s+(?:(?:la|le|les|the)\s+|l['’])?$/iu, 'origin'],
  [/(?:^|\s)(?:to|into|towards|vers)\s+(?:(?:la|le|les|the)\s+|l['’])?$/iu, 'destination'],
  [/(?:^|\s)(?:in|at|dans)\s+(?:(?:la|le|les|the)\s+|l['’])?$/iu, 'location'],
];

/** Which way the preposition before a name at `start` points, if it points one way only. */
function roleBefore(text: string, start: number): PlaceRole | undefined {
  const before = text.slice(Math.max(0, start - 20), start);
  return ROLES.find(([re]) => re.test(before))?.[1];
}

/** Whether a name at `start` follows a preposition of place, with or without an article between. */
function locativeBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start);
  return LOCATIVE.test(before.slice(-12)) || (ARTICLE_END.test(before) && LOCATIVE.test(before.replace(ARTICLE_END, ' ')));
}

/**
 * The details of a text that a source must state the same way: numbers (with the noun they count), ordinals,
 * years and months, persons (and whether one is a quote's speaker), places, and organisations (acronyms, long
 * capitalised names, and the glossary's organisations in either language). `isCommonWord` tells an office from a name.
 */
export function extractDetails(text: string, isCommonWord: (folded: string) => boolean, glossary: Glossary): Detail[] {
  return detailsCache(glossary, isCommonWord)(text);
}

const detailCaches = new WeakMap<Glossary, { isCommonWord: (folded: string) => boolean; of: (text: string) => Detail[] }>();

/** One cache of details per glossary and word test (the verifier's), so that source sentences are read once. */
function detailsCache(glossary: Glossary, isCommonWord: (folded: string) => boolean): (text: string) => Detail[] {
  let entry = detailCaches.get(glossary);
  if (!entry || entry.isCommonWord !== isCommonWord) detailCaches.set(glossary, (entry = { isCommonWord, of: perText((text) => readDetails(text, isCommonWord, glossary), TEXTS) }));
  return entry.of;
}

// The dateline opening a paragraph: a town in capitals or not, a country in brackets or after a comma, then the date.
const DATELINE = /(?<=^|\n)(\p{Lu}[\p{L}'’.-]*(?:[ -]\p{Lu}[\p{L}'’.-]*){0,3})(?:\s*\(([^)\n]{2,40})\)|,\s+(\p{Lu}[^,\n]{1,40}))?,\s+(?:(?:le|the)\s+)?/gu;

// The head nouns of the names of bodies in French and English, and a name built on one: capitalised words before it
// ("Harlow Foundation", "Lakeside Development Bank"), or words and complements after it ("Banque africaine de
// développement", "Institut sahélien de recherche hydrologique", "Fonds commun pour l'eau"), up to a conjunction,
// a preposition of another kind or punctuation.
const INSTITUTION_HEAD = '(?:Banque|Bank|Fondation|Foundation|Institut|Institute|Union|Association|Agence|Agency|Fonds|Fund|Office|Conseil|Council|Comité|Committee|Réseau|Network|Alliance|Fédération|Federation|Ministère|Ministry|Commission|Organisation|Organization|Centre|Center|Université|University|Société|Society|Bureau|Autorité|Authority)';
const INSTITUTION = new RegExp(`(?<![\\p{L}])(?:(?:(?!(?:Le|La|Les|The|Un|Une|An|Des|Du|Au|Aux|Ce|Cette|This|Its|Their|Our|Son|Sa|Ses|Leur)\\s)\\p{Lu}[\\p{L}-]*\\s+){1,3}${INSTITUTION_HEAD}(?![\\p{L}])|${INSTITUTION_HEAD}(?:\\s+(?:(?:de|des|du|pour|sur)\\s+(?:la\\s+|les\\s+|l['’])?|d['’]|l['’])?(?!(?:et|ou|and|or|a|est|sont|ont|qui|que|à|en|dans|par|avec|the|of|for|in|on|at|by|with|to|le|la|les|un|une)(?![\\p{L}]))[\\p{L}-]+){1,6})`, 'gu');

// A saint's name opening a name ("St. Lucia", "Saint-Louis", "San José"): a place, not a person.
const SAINT = /^(?:St|Ste|Saint|Sainte|San|Santa|São)(?:\.\s|\s|-)/u;

// A title opening a name.
const TITLED = new RegExp(`^${TITLE.source}`, 'u');

// The English possessive ending of a name.
const POSSESSIVE = /['’]s$/u;

function readDetails(text: string, isCommonWord: (folded: string) => boolean, glossary: Glossary): Detail[] {
  const details: Detail[] = [];
  const dates = datesOf(text);
  for (const d of dates) {
    if (d.date && Number.isFinite(d.date.year)) details.push({ kind: 'year', text: d.text, start: d.start, end: d.end, value: d.date.year });
  }
  for (const m of monthsOf(text)) details.push({ kind: 'month', text: m.text, start: m.start, end: m.end, value: m.month, ...(m.year !== undefined ? { year: m.year } : {}) });
  for (const n of numbersOf(text)) {
    // A factor multiplies its subject: the words after it are not what it counts.
    const counted = 'factor' in n ? [] : countedWords(text, n.end);
    details.push({ kind: 'number', text: n.text, start: n.start, end: n.end, value: n.value, ...(counted.length ? { counted } : {}), ...('factor' in n ? { factor: true } : {}) });
  }
  for (const w of wordsAt(text)) {
    const rank = rankOf(w.word);
    if (rank !== undefined && ranksNoun(text, w.start, rank)) details.push({ kind: 'ordinal', text: text.slice(w.start, w.end), start: w.start, end: w.end, value: rank });
  }
  const names: Detail[] = [];
  // A claim often opens with its subject's name ("Colombia hosts…", "IWSN will…"): the name finders skip a text's
  // first word, so they read it from a leading space, and their offsets are shifted back.
  // An English possessive is not part of the name ("Jean Asselborn's meeting" names Jean Asselborn).
  const fromStart = (spans: Array<{ start: number; end: number; text: string }>) => spans.map((s) => {
    const name = s.text.replace(POSSESSIVE, '');
    return { text: name, start: s.start - 1, end: s.start - 1 + name.length };
  });
  // A dateline ("Genève, le 12 mars 2021 –", "Kisumu (Kenya), 4 June 2022 —") says where the communiqué's news
  // happens: its places stand where a claim's "in Geneva" stands.
  for (const line of text.matchAll(DATELINE)) {
    const at = line.index + line[0].length;
    if (!dates.some((d) => d.start >= at && d.start <= at + 4)) continue;
    for (const name of [line[1], line[2] ?? line[3]]) {
      if (!name) continue;
      const start = line.index + line[0].indexOf(name, name === line[1] ? 0 : line[1]!.length);
      names.push({ kind: 'place', text: name, start, end: start + name.length, words: wordsAt(name).map((w) => w.word).filter((w) => !isStopword(w)), locative: true });
    }
  }
  for (const m of text.matchAll(INSTITUTION)) {
    const name = m[0].trim();
    // French names of bodies write their words after the head in lower case: one of them must be a complement
    // ("Banque africaine de développement"), or the head is followed by a verb ("le Fonds financera").
    if (!/\s\p{Lu}|\s(?:de|des|du|pour|sur|d['’])\s?/u.test(name.replace(/^\S+/u, ''))) continue;
    if (names.some((n) => overlaps(n, { start: m.index, end: m.index + name.length }))) continue;
    names.push({ kind: 'organisation', text: name, start: m.index, end: m.index + name.length, words: wordsAt(name).map((w) => w.word).filter((w) => !isStopword(w)) });
  }
  for (const span of fromStart(personSpans(` ${text}`, isCommonWord))) {
    if (names.some((n) => overlaps(n, span))) continue;
    // "St. Lucia", "San José": a saint's name is a place's.
    if (SAINT.test(span.text)) {
      names.push({ kind: 'place', text: span.text, start: span.start, end: span.end, words: wordsAt(span.text).map((w) => w.word), locative: locativeBefore(text, span.start) });
      continue;
    }
    const all = wordsAt(text.slice(span.start, span.end)).map((w) => ({ ...w, start: w.start + span.start, end: w.end + span.start }));
    // Offices and titles before the name ("Director General António Vitorino", "Mme") are not the person.
    // After a title, dictionary words are the name too ("Ms. Joy Sandy").
    const title = TITLED.exec(text.slice(span.start, span.end));
    const named = all.findIndex((w) => w.word.length > 1 && !isCommonWord(w.word) && !isStopword(w.word) && !/^\p{Lu}{2,}$/u.test(text.slice(w.start, w.end)));
    const first = named < 0 && title ? all.findIndex((w) => w.start >= span.start + title[0].length) : named;
    if (first < 0) continue;
    const kept = all.slice(first);
    const start = kept[0]!.start;
    names.push({ kind: 'person', text: text.slice(start, span.end), start, end: span.end, words: kept.map((w) => w.word), speaker: outsideQuote(text, span) });
  }
  const glossaryNames = glossaryOrganisations(text, glossary);
  for (const o of [...glossaryNames.map((g) => ({ ...g, known: true })), ...fromStart(organisationSpans(` ${text}`)).flatMap(beforePlace).map((o) => ({ ...o, known: false }))]) {
    if (names.some((n) => overlaps(n, o))) continue;
    // A long capitalised name outside the quotation marks of a quote ("», a déclaré Alexander De Croo") may be its
    // speaker: the person finder leaves out names with capitalised particles.
    const speaker = !o.known && !/^\p{Lu}{2,}$/u.test(o.text) && outsideQuote(text, o);
    names.push({ kind: 'organisation', text: o.text, start: o.start, end: o.end, words: wordsAt(o.text).map((w) => w.word).filter((w) => !isStopword(w)), ...(speaker ? { speaker } : {}) });
  }
  // A claim may open with its preposition of place ("In Bamako, …"): written in lower case, it still says where.
  // A name after an article or a noun of a geographic feature says where too ("in the Mediterranean", "dans le désert
  // du Sahara"): its preposition is moved next to it, at the same offsets.
  const opened = text.replace(/^\s*(?:In|At|À|Au|Aux|En|Dans)(?=\s)/u, (m) => m.toLowerCase())
    .replace(FEATURE_BEFORE_NAME, (m, preposition: string) => `${' '.repeat(m.length - preposition.length - 1)}${preposition} `);
  for (const p of fromStart(placeSpans(` ${opened}`))) {
    if (names.some((n) => overlaps(n, p)) || /^\p{Lu}{2,}$/u.test(p.text)) continue;
    const locative = locativeBefore(opened, p.start);
    const role = roleBefore(opened, p.start);
    names.push({ kind: 'place', text: p.text, start: p.start, end: p.end, words: wordsAt(p.text).map((w) => w.word).filter((w) => !isStopword(w)), locative, ...(role ? { role } : {}) });
    // The places listed after it are places too ("à Kisumu, Mwanza et Jinja", "in Kisumu, Mwanza and Kampala").
    let end = p.end;
    for (let next = LISTED.exec(text.slice(end)); locative && next; next = LISTED.exec(text.slice(end))) {
      const start = end + next[0].length - next[1]!.length;
      end = start + next[1]!.length;
      if (names.some((n) => overlaps(n, { start, end }))) break;
      names.push({ kind: 'place', text: next[1]!, start, end, words: [fold(next[1]!)], locative, ...(role ? { role } : {}) });
    }
  }
  return [...details, ...names.filter((n) => n.words!.length > 0)].sort((a, b) => a.start - b.start);
}

/** A capitalised name cut before a preposition of place ("Member States in Brussels" is no body's name): the
 * words before it, when they are still a long name (three words), else nothing. */
function beforePlace(span: { start: number; end: number; text: string }): Array<{ start: number; end: number; text: string }> {
  const cut = /\s(?:in|at|à|au|aux|en)\s/u.exec(span.text);
  if (!cut) return [span];
  const text = span.text.slice(0, cut.index);
  return text.split(/\s+/u).length >= 3 ? [{ start: span.start, end: span.start + text.length, text }] : [];
}

// A preposition of where something is or happens, then an article or a noun of a geographic feature (a sea, a lake,
// a desert, a river; closed class of French and English) with its "of", before a capitalised name.
const FEATURE_BEFORE_NAME = /(?<![\p{L}])(à|en|dans|in|at)\s+(?:(?:la|le|les|the)\s+|l['’])?(?:(?:mer|océan|lac|fleuve|rivière|golfe|désert|sea|ocean|lake|river|gulf|desert)\s+(?:(?:de|du|des|of)\s+(?:(?:la|le|les|the)\s+|l['’])?|d['’])?)?(?=\p{Lu}\p{Ll})/gu;

// The next member of a list of names: a capitalised word after a comma or a conjunction, with its article
// ("depuis la Turquie et le Liban").
const LISTED = /^(?:,\s*|\s+(?:and|et|or|ou)\s+)(?:(?:la|le|les|the)\s+|l['’])?(\p{Lu}[\p{Ll}'’-]+)(?![\p{L}])(?!\s+\p{Lu})/u;

/** The glossary's organisations named in a text, with their offsets. */
function glossaryOrganisations(text: string, glossary: Glossary): Array<{ start: number; end: number; text: string }> {
  const at = wordsAt(text);
  return findGlossaryTerms(glossary, text)
    // A body's name is written with a capital or as an acronym: "un système" is no "UN system".
    .filter((m) => m.entry.kind === 'organisation' && at[m.from] && at[m.to - 1] && /^\P{Ll}/u.test(text.slice(at[m.from]!.start)))
    .map((m) => ({ start: at[m.from]!.start, end: at[m.to - 1]!.end, text: text.slice(at[m.from]!.start, at[m.to - 1]!.end) }));
}

/** What a detail is checked against: a source sentence's text and its words. */
export interface Evidence {
  text: string;
  bag: Bag;
  /** The day the sentence dates its event by when it says so by the day of publication ("aujourd'hui", "yesterday"):
   * its communiqué's dateline states that year and month for it (see `eventDay`). */
  dated?: { year: number; month?: number } | null;
}

/**
 * Whether a source sentence states a detail of the claim: the same number (however written: "25,000", "25 000",
 * "six"), ordinal rank, year or month (or the year and month of publication, for a sentence that dates its event by
 * the day it was published); a name whose every word it states (through the claim's key terms, so
 * glossary names, translations, cognates and country names in either language count).
 */
export function statesDetail(detail: Detail, evidence: Evidence, terms: KeyTerm[], policy: AnswerPolicy): boolean {
  switch (detail.kind) {
    case 'number':
      return numbersOf(evidence.text).some((n) => n.value === detail.value);
    case 'ordinal':
      return wordsAt(evidence.text).some((w) => rankOf(w.word) === detail.value);
    case 'year':
      return datesOf(evidence.text).some((d) => d.date?.year === detail.value) || numberSpans(evidence.text).some((n) => n.value === detail.value) || evidence.dated?.year === detail.value;
    case 'month': {
      const sameMonth = (month: number | undefined, year: number | undefined) => month === detail.value && (detail.year === undefined || year === undefined || !Number.isFinite(year) || year === detail.year);
      return monthsOf(evidence.text).some((m) => sameMonth(m.month, m.year)) || sameMonth(evidence.dated?.month, evidence.dated?.year);
    }
    default:
      return nameStated(detail, evidence, terms, policy);
  }
}

/** The region codes of the countries a text names by one word, remembered per text (sentences are read for every
 * claim). */
const regionsOf = perText((text: string) => new Set(wordsAt(text).flatMap((w) => REGION_CODES.get(w.word) ?? [])), TEXTS);

const abbreviations = new Map<string, RegExp>();

/** A region's code written as an abbreviation with full stops ("U.S.-based"); without them, two capitals are too
 * often another word of a title in capitals ("IN", "TO"). */
function regionAbbreviation(code: string): RegExp {
  let re = abbreviations.get(code);
  if (!re) abbreviations.set(code, (re = new RegExp(`(?<![\\p{L}\\p{N}.])${code[0]}\\.${code[1]}\\.?(?![\\p{L}\\p{N}])`, 'u')));
  return re;
}

function nameStated(detail: Detail, evidence: Evidence, terms: KeyTerm[], policy: AnswerPolicy): boolean {
  const region = REGION_CODES.get(detail.words!.join(' '));
  if (region && (regionsOf(evidence.text).has(region) || regionAbbreviation(region).test(evidence.text))) return true;
  return detail.words!.every((word) => {
    const term = terms.find((t) => t.words.includes(word));
    if (term) return !!matchTerm(term, evidence.bag, policy);
    return evidence.bag.stems.has(stem(word)) || (REGION_CODES.has(word) && regionsOf(evidence.text).has(REGION_CODES.get(word)!));
  });
}

// Negation of French and English, closed-class words: French needs "ne"/"n'" before its second word ("un pas",
// "jamais auparavant" are not negations); "aucun" and English "not", "n't", "never", "no", "none" negate alone
// ("No. 7" before a number is the abbreviation of "number").
const NEGATION = /(?<![\p{L}])(?:n(?:e\s+|'|’)(?:[\p{L}'’-]+\s+){0,3}?(?:pas|plus|jamais|rien|personne|nullement|guère|point)|aucune?|not|never|no(?!\.?\s*\d)|none|cannot)(?![\p{L}])|n[’']t(?![\p{L}])/giu;

// Verbs and prepositions that deny what follows them, French and English ("refused to provide", "a contesté le
// droit", "failed to", "sans"): a claim with one states the negation of a sentence that does not say it.
const NEGATIVE_WORD = /^(?:refus|reject|rejet|fail|echou|deny|denie|denia|declin|oppos|contest|disput|halt|stopp|cancel|annul|abandon|suspend|withdr|empech|lack|manqu|renonc)|^(?:nier|nie|nies|niee|niees|nient|prevent|prevents|prevented|preventing|stop|stops|sans|without)$/u;

/** Whether a folded word denies what follows it (see NEGATIVE_WORD). */
export function isNegativeWord(word: string): boolean {
  return NEGATIVE_WORD.test(word);
}

/** Negation words in a text, with their offsets. */
export function negations(text: string): Array<{ start: number; end: number; text: string }> {
  return [...text.matchAll(NEGATION)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

// Quantifiers that make a claim general ("all", "every", "most", "always", "only"): the source must generalise too.
const QUANTIFIERS: Array<[string, RegExp]> = [
  ['all', /(?<![\p{L}])(?:tous|toutes|chaque|chacun|chacune|all|every|each|entire|whole)(?![\p{L}])/iu],
  ['most', /(?<![\p{L}])(?:majorit[ée]|plupart|most|majority)(?![\p{L}])/iu],
  ['always', /(?<![\p{L}])(?:toujours|always)(?![\p{L}])/iu],
  ['only', /(?<![\p{L}])(?:seule?s?|uniquement|exclusivement|only|alone|solely|exclusively)(?![\p{L}])/iu],
];

// Hedges that make a statement one among others ("l'une des", "one of the", "parmi les"): a claim without it
// says more than its source.
const HEDGE = /(?<![\p{L}])(?:l['’]une? des|un des|une des|parmi les|one of|among)(?![\p{L}])/iu;

/** Whether a text hedges ("one of the…", "l'une des…"). */
export function hedged(text: string): boolean {
  return HEDGE.test(text);
}

/** The general quantifiers a text uses ("all", "most", "always", "only"), by class. */
export function quantifiers(text: string): string[] {
  return QUANTIFIERS.filter(([, re]) => re.test(text)).map(([name]) => name);
}
