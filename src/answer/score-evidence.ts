import type { AnswerPolicy } from './answer-policy.js';
import type { KeyTerm, MatchKind, QuestionAnalysis, TermForm } from './analyse-question.js';
import type { UnitToken } from './evidence-units.js';

/** A key term with its weight: inverse chunk frequency of its best-represented form, times its role. */
export interface WeightedTerm extends KeyTerm {
  weight: number;
  /** No indexed chunk contains it in any form. */
  unknown: boolean;
}

/** Words and stems of a span of text to match terms against. */
export interface Bag {
  tokens: UnitToken[];
  stems: Set<string>;
  /** The text's language, when known: a form of one language (see `TermForm.language`) matches only text in it. */
  language?: string;
  /** The text its tokens were read from and the offset it starts at, when known: where a capital stands. */
  text?: string;
  start?: number;
}

/** A bag of tokens, with their stems, of a text in `language` (when known). */
export function tokenBag(tokens: UnitToken[], language?: string): Bag {
  return { tokens, stems: new Set(tokens.map((t) => t.stem)), language };
}

/** The words of several bags (of one language) as one. */
export function unionBag(bags: Bag[]): Bag {
  return tokenBag(bags.flatMap((b) => b.tokens), bags[0]?.language);
}

/** How a span covers a question: the weighted share and, per term, the match kind and the matching tokens. */
export interface Coverage {
  value: number;
  matches: Array<{ kind: MatchKind; tokens: UnitToken[] } | null>;
}

/** Every stem a question's terms can match, for one document-frequency look-up. */
export function termStems(analysis: QuestionAnalysis): string[] {
  return [...new Set(analysis.terms.flatMap((t) => t.forms.flatMap((f) => f.stems)))];
}

const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/**
 * Weighs the question's terms by the chunk frequency of their best-represented form (a word the corpus writes only
 * in translation weighs like its translation), times the focus and history factors of the policy. A term no chunk
 * holds in any form is unknown: a name keeps the highest weight (it names what the question is about), another
 * word the mean weight of the known ones (an untranslated verb should not outweigh the topic).
 */
export function weighTerms(analysis: QuestionAnalysis, frequencies: Map<string, number>, chunks: number, policy: AnswerPolicy): WeightedTerm[] {
  const dfOf = (stems: string[]) => Math.min(...stems.map((s) => frequencies.get(s) ?? 0));
  const raw = analysis.terms.map((term) => {
    const df = Math.max(...term.forms.map((f) => dfOf(f.stems)));
    return { term, df, base: df > 0 ? idf(chunks, df) : idf(chunks, 0) };
  });
  const known = raw.filter((r) => r.df > 0 && !r.term.isMeta);
  const meanKnown = known.length ? known.reduce((a, r) => a + r.base, 0) / known.length : idf(chunks, 0);
  return raw.map(({ term, df, base }) => {
    const unknown = df === 0;
    let weight = unknown && !term.isProperName && !term.isNumber ? meanKnown : base;
    if (term.isMeta) weight = 0;
    if (term.isFocus) weight *= policy.focusWeight;
    if (term.fromHistory) weight *= policy.historyWeight;
    return { ...term, weight, unknown };
  });
}

/** Words sharing a prefix of half the shorter word and at least 6 letters, or 5 letters and more than half the longer
 * word ("venezuelan"/"venezueliens", "venezuala"/"venezueliens"; not "population"/"populistes"). */
export function isCognate(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i >= Math.min(a.length, b.length) / 2 && (i >= 6 || (i >= 5 && i > Math.max(a.length, b.length) / 2));
}

// Noun suffixes of French and English that turn a verb into its act ("création", "adoption", "lancement",
// "signature") or its agent ("fondateur", "organisatrice", "creator"), with how much of the suffix the verb keeps
// ("adopt-ion" keeps its t).
const NOUN_SUFFIXES: Array<[suffix: string, kept: number]> = [['ation', 0], ['ement', 0], ['ature', 0], ['ption', 2], ['ateur', 0], ['atrice', 0], ['ator', 0]];
// Endings of the verbs' forms, French and English (closed sets): "créée", "créer", "created", "creating".
const VERB_ENDINGS = new Set(['e', 'er', 'ee', 'es', 'ees', 'ent', 'ant', 'ait', 'aient', 'ate', 'ated', 'ed', 'ing']);

/**
 * Whether one word is the act or the agent of the other: a noun made from a verb and a form of that verb ("création" /
 * "créée", "adoption" / "adopté", "lancement" / "lancé", "creation" / "created", "fondateur" / "fondé"). The verb's
 * root must be three letters or more.
 */
export function isDerivative(a: string, b: string): boolean {
  return derives(a, b) || derives(b, a);
}

function derives(noun: string, verb: string): boolean {
  for (const [suffix, kept] of NOUN_SUFFIXES) {
    if (!noun.endsWith(suffix)) continue;
    const root = noun.slice(0, noun.length - suffix.length + kept);
    return root.length >= 3 && verb.startsWith(root) && VERB_ENDINGS.has(verb.slice(root.length));
  }
  return false;
}

/**
 * Whether two words that share a stem are one word's forms: one begins the other ("aid"/"aide"), or they share a
 * long prefix. Stemmers of two languages may cut unrelated words to one stem: English "population" and French
 * "populistes" are both "popul".
 */
export function sameWordFamily(a: string, b: string): boolean {
  const i = commonPrefix(a, b);
  return i === Math.min(a.length, b.length) || i >= LONG_PREFIX || i >= 0.6 * Math.max(a.length, b.length);
}

/** Letters two words share at their beginning. */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

// A shared beginning this long makes two words of one family whatever their lengths ("distribuer"/"distribution").
const LONG_PREFIX = 6;

/** Whether two words share a long beginning ("distribuer"/"distribution"), or one is the act or agent of the other:
 * one word's forms and derivatives, not two words a stemmer cuts alike ("fonder"/"fonds"). */
export function sameRoot(a: string, b: string): boolean {
  return commonPrefix(a, b) >= LONG_PREFIX || isDerivative(a, b);
}

/** Tokens where all of a form's stems occur together (within a window of two extra words), for phrase anchors. */
function phraseTokens(tokens: UnitToken[], stems: string[]): UnitToken[] {
  if (stems.length === 1) return tokens.filter((t) => t.stem === stems[0]);
  const out: UnitToken[] = [];
  // The window is read in place (no slice): this runs at every token of every bag holding the form's stems.
  for (let i = 0; i < tokens.length; i++) {
    const end = Math.min(tokens.length, i + stems.length + 2);
    if (!windowHolds(tokens, i, end, stems)) continue;
    for (let j = i; j < end; j++) {
      const t = tokens[j]!;
      if (stems.includes(t.stem) && !out.includes(t)) out.push(t);
    }
  }
  return out;
}

/** Whether the tokens from `start` to `end` (excluded) hold every one of `stems`. */
function windowHolds(tokens: UnitToken[], start: number, end: number, stems: string[]): boolean {
  for (const s of stems) {
    let found = false;
    for (let j = start; j < end && !found; j++) found = tokens[j]!.stem === s;
    if (!found) return false;
  }
  return true;
}

// Three rows of the edit distance table, reused from call to call (it runs for each new pair of a term word and a
// sentence word with the same initial) and grown for a longer word.
let editRows = [0, 1, 2].map(() => new Int32Array(32));

/**
 * Words one edit apart (insertion, deletion, substitution or swap of two neighbours), or two for long words: a typo
 * ("recieved"/"received", "venezuala"/"venezuela"). Words under 6 letters are left alone: they have too many
 * neighbours ("paris"/"partis").
 */
export function isNearSpelling(a: string, b: string): boolean {
  if (a.length < 6 || b.length < 6 || a === b || a[0] !== b[0]) return false;
  const max = Math.min(a.length, b.length) >= 8 ? 2 : 1;
  if (Math.abs(a.length - b.length) > max) return false;
  if (editRows[0]!.length <= b.length) editRows = [0, 1, 2].map(() => new Int32Array(2 * (b.length + 1)));
  let before = editRows[0]!;
  let previous = editRows[1]!;
  let row = editRows[2]!;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
    }
    const spare = before;
    before = previous;
    previous = row;
    row = spare;
  }
  return previous[b.length]! <= max;
}


/** Whether sentence words are cognates or misspellings of one term's word, with the term's translations they are
 * read against (in one text language). */
interface RelatedWords {
  translated: string[];
  /** The first letters (UTF-16 codes) of the term's word and of its translations: a cognate, a misspelling or a
   * derivative of one begins with its letter (see `isCognate`, `isNearSpelling`, `isDerivative`). */
  initials: number[];
  known: Map<string, boolean>;
}

// Whether a sentence word is related to a term, remembered per term word and translations (what decides it), so
// that a new question or claim with a word met before finds its verdicts (a term object lives for one question):
// the tables by that key, the whole forgotten past MAX_RELATED_TABLES; and per term object and text language, its
// table (the key is built once per term).
const relatedTables = new Map<string, RelatedWords>();
const MAX_RELATED_TABLES = 5000;
const termTables = new WeakMap<KeyTerm, Map<string | undefined, RelatedWords>>();

/** The table of a one-word term's related sentence words, for texts in `language` (any, when undefined). */
function relatedWords(term: KeyTerm, language: string | undefined): RelatedWords {
  let byLanguage = termTables.get(term);
  if (!byLanguage) termTables.set(term, (byLanguage = new Map()));
  let table = byLanguage.get(language);
  if (!table) {
    // A translation is related to a word only in the translation's language.
    const translated = term.forms.filter((f) => f.kind === 'translation' && f.stems.length === 1 && (!f.language || !language || f.language === language)).map((f) => f.stems[0]!);
    const key = `${term.words[0]!}\u0000${translated.join(' ')}`;
    table = relatedTables.get(key);
    if (!table) {
      if (relatedTables.size >= MAX_RELATED_TABLES) relatedTables.clear();
      relatedTables.set(key, (table = { translated, initials: [...new Set([term.words[0]!, ...translated].map((w) => w.charCodeAt(0)))], known: new Map() }));
    }
    byLanguage.set(language, table);
  }
  return table;
}

/** Whether a token may stand for a name: not a shorter word ("France" is no "franc"), only the name itself or a
 * longer form ("Pact"/"Pacte"). Other terms: any. */
function namesAsLong(term: KeyTerm, token: UnitToken): boolean {
  return !term.isName || term.words.length !== 1 || token.word.length >= term.words[0]!.replace(/s$/u, '').length;
}

/** Whether a token of a sentence is written with a capital where no sentence begins (a bag without its text: no). */
function insideName(bag: Bag, token: UnitToken): boolean {
  if (bag.text === undefined || bag.start === undefined) return false;
  const at = token.start - bag.start;
  const before = bag.text.slice(0, Math.max(0, at)).trimEnd();
  // After a full stop, a colon, an opening quotation mark or a dash, a capital opens a sentence or a heading's text.
  return /\p{Lu}/u.test(bag.text[at] ?? '') && /\p{L}/u.test(before) && !/[.!?…:«"“(\-–—]$/u.test(before);
}

// A term's forms by their first stem (forms without stems apart), made once per list of forms and remade if it grew.
const formIndexes = new WeakMap<TermForm[], { length: number; byStem: Map<string, number[]>; always: number[] }>();

/**
 * The forms of a term that may match a bag, in the term's order: all of them, or, when the term has more forms than
 * the bag has stems (the kinds of "what kind of meeting", a word's many synonyms), those whose first stem the bag
 * holds, found from the bag's side: a form whose first stem is missing cannot match.
 */
function candidateForms(forms: TermForm[], bag: Bag): TermForm[] {
  if (forms.length <= bag.stems.size) return forms;
  let index = formIndexes.get(forms);
  if (!index || index.length !== forms.length) {
    index = { length: forms.length, byStem: new Map(), always: [] };
    for (const [i, form] of forms.entries()) {
      const first = form.stems[0];
      if (first === undefined) index.always.push(i);
      else index.byStem.set(first, [...(index.byStem.get(first) ?? []), i]);
    }
    formIndexes.set(forms, index);
  }
  // Most sentences hold no stem of the term: nothing is allocated for them.
  let at: number[] | null = index.always.length ? [...index.always] : null;
  for (const s of bag.stems) {
    const found = index.byStem.get(s);
    if (found) (at ??= []).push(...found);
  }
  return at ? at.sort((a, b) => a - b).map((i) => forms[i]!) : NO_FORMS;
}

const NO_FORMS: TermForm[] = [];

/** Whether a bag holds every stem of a form (a loop, not `every`: it runs for each form of each term in each sentence,
 * and a callback would be made each time). */
function holdsAll(bag: Bag, stems: string[]): boolean {
  for (const s of stems) if (!bag.stems.has(s)) return false;
  return true;
}

// The first letters (UTF-16 codes) of a list of tokens' words, read once per list into one typed array: a bag's
// tokens are read for each term of each question, and most begin with none of the term's initials.
const initialCodes = new WeakMap<UnitToken[], Uint16Array>();

function initialsOf(tokens: UnitToken[]): Uint16Array {
  let codes = initialCodes.get(tokens);
  if (!codes) {
    codes = new Uint16Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) codes[i] = tokens[i]!.word.charCodeAt(0);
    initialCodes.set(tokens, codes);
  }
  return codes;
}

/** Whether a word is a cognate of one of `words` (a loop, not `some`: a callback reading the token of the loop that
 * calls this would make each of its turns allocate a scope for that token, read or not). */
function isCognateOfAny(words: string[], word: string): boolean {
  for (const w of words) if (isCognate(w, word)) return true;
  return false;
}

/**
 * The tokens of a bag that write a form of a term, where the bag holds all of its stems. Apart from `matchTerm`'s
 * loop over the forms: its callbacks read the form, and in the loop they made every turn allocate a scope for it.
 */
function formTokens(term: KeyTerm, form: TermForm, bag: Bag): UnitToken[] {
  let tokens = phraseTokens(bag.tokens, form.stems);
  // The question's own word matches its forms, not another word the stemmer cut the same way.
  if (form.kind === 'exact' && term.words.length === 1) tokens = tokens.filter((t) => sameWordFamily(term.words[0]!, t.word) && namesAsLong(term, t));
  if (form.accepts) tokens = tokens.filter((t) => form.accepts!(t.word));
  // A thesaurus synonym of a common word is a common word: capitalised inside a sentence, a word is part of a name
  // ("Nations unies" is no "nation" for "population").
  if (form.kind === 'synonym' && !term.isName) tokens = tokens.filter((t) => !insideName(bag, t));
  // Nor is an ordinal capitalised inside a sentence a rank: it is part of a title ("Premier Ministre").
  if (term.isOrdinal) tokens = tokens.filter((t) => !insideName(bag, t));
  return tokens;
}

/** The best match of one term in a bag, or null. A phrase matches where its words stand together. */
export function matchTerm(term: KeyTerm & { unknown?: boolean }, bag: Bag, policy: AnswerPolicy): { kind: MatchKind; tokens: UnitToken[] } | null {
  let best: { kind: MatchKind; tokens: UnitToken[] } | null = null;
  for (const form of candidateForms(term.forms, bag)) {
    if (form.language && bag.language && form.language !== bag.language) continue;
    if (!holdsAll(bag, form.stems)) continue;
    if (best && policy.matchWeights[form.kind] <= policy.matchWeights[best.kind]) continue;
    const tokens = formTokens(term, form, bag);
    if (tokens.length) best = { kind: form.kind, tokens };
  }
  // A cognate ("organised"/"organisée") is surer than a thesaurus synonym: it is looked for unless a better match is found.
  // A number or an ordinal is matched by its forms only (every way to write its rank): a near spelling is another.
  if ((best && policy.matchWeights[best.kind] >= policy.matchWeights.cognate) || term.isNumber || term.isOrdinal || term.words.length !== 1) return best;
  const word = term.words[0]!;
  const { translated, initials, known } = relatedWords(term, bag.language);
  // A translation may be written in another part of speech ("meeting" → "réunion", the text has "se sont réunis"):
  // a word that shares the translation's stem as a long prefix is its derivative.
  // A loop, not `filter`: most sentences hold no related word, and nothing is allocated for them.
  let tokens: UnitToken[] | null = null;
  const codes = initialsOf(bag.tokens);
  for (let i = 0; i < codes.length; i++) {
    // Most words begin with another letter: they are told apart by their first letter alone, and not remembered.
    if (!initials.includes(codes[i]!)) continue;
    const t = bag.tokens[i]!;
    let related = known.get(t.word);
    if (related === undefined) {
      known.set(t.word, (related = isCognate(word, t.word) || isNearSpelling(word, t.word) || isDerivative(word, t.word) || isCognateOfAny(translated, t.word)));
    }
    // A name the communiqués never write is misspelt more likely than it is another name: its near spelling may be
    // shorter ("Luxembourgh" for "Luxembourg").
    if (related && (namesAsLong(term, t) || (!!term.unknown && isNearSpelling(word, t.word)))) (tokens ??= []).push(t);
  }
  return tokens ? { kind: 'cognate', tokens } : best;
}

/**
 * How closely the matched terms stand together (0..1): the shortest run of tokens holding one match of each, against
 * the number of terms matched. A sentence that names the question's terms side by side ("directrice générale
 * adjointe de l'OIM") says more about them than a long one where they are scattered.
 */
export function compactness(matches: Coverage['matches']): number {
  // A match found in a machine translation has no position in the source: it cannot be near or far.
  const groups = matches.filter((m): m is NonNullable<typeof m> => !!m && m.tokens.length > 0).map((m) => m.tokens.map((t) => t.start));
  if (groups.length < 2) return 0;
  const points = groups.flatMap((g, i) => g.map((start) => ({ start, i }))).sort((a, b) => a.start - b.start);
  const need = groups.length;
  const count = new Map<number, number>();
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < points.length; right++) {
    count.set(points[right]!.i, (count.get(points[right]!.i) ?? 0) + 1);
    while (count.size === need) {
      best = Math.min(best, points[right]!.start - points[left]!.start);
      const c = count.get(points[left]!.i)! - 1;
      if (c === 0) count.delete(points[left]!.i);
      else count.set(points[left]!.i, c);
      left++;
    }
  }
  // About 12 characters a word: terms within a few words of each other are close.
  return Math.min(1, (need * 12 * 2) / Math.max(best, 1));
}

// A term as written in the question (its own words only), to match against a machine translation into the
// question's language; made once per term.
const ownForms = new WeakMap<KeyTerm, KeyTerm>();

function asWritten(term: KeyTerm): KeyTerm {
  let own = ownForms.get(term);
  if (!own) ownForms.set(term, (own = { ...term, forms: term.forms.filter((f) => f.kind === 'exact') }));
  return own;
}

/**
 * The best match of a term in a span, or in its machine translation into the question's language when that is
 * better: the question's own word there counts as a `machine` match. A translation has no offsets in the source, so
 * such a match carries only the tokens of a weaker match in the source (a cognate), or none.
 */
function matchSpan(term: KeyTerm, bag: Bag, translated: Bag | undefined, policy: AnswerPolicy): Coverage['matches'][number] {
  const found = matchTerm(term, bag, policy);
  if (!translated || (found && policy.matchWeights[found.kind] >= policy.matchWeights.machine)) return found;
  const machine = matchTerm(asWritten(term), translated, policy);
  if (!machine) return found;
  const kind: MatchKind = machine.kind === 'exact' ? 'machine' : machine.kind;
  // The weaker match in the source, when there is one, still says where the word stands (an anchor for the answer).
  return found && policy.matchWeights[found.kind] >= policy.matchWeights[kind] ? found : { kind, tokens: found?.tokens ?? [] };
}

/**
 * IDF-weighted share of the question's terms that a bag covers, with the way each was matched; `translated` is the
 * span's machine translation into the question's language, when there is one.
 */
export function coverage(terms: WeightedTerm[], bag: Bag, policy: AnswerPolicy, translated?: Bag): Coverage {
  const total = terms.reduce((a, t) => a + t.weight, 0);
  const matches = terms.map((t) => (t.weight > 0 ? matchSpan(t, bag, translated, policy) : null));
  if (total === 0) return { value: 0, matches };
  const covered = terms.reduce((sum, t, i) => sum + (matches[i] ? t.weight * policy.matchWeights[matches[i]!.kind] : 0), 0);
  return { value: covered / total, matches };
}

/**
 * The share of the question's weight held by what the communiqués never mention: unknown proper names count fully,
 * other unknown words (a capitalised common word among them, "Friends") by half (a verb may just lack a dictionary entry). A cognate in the retrieved text rescues a term.
 */
export function unknownShare(terms: WeightedTerm[], pool: Bag, policy: AnswerPolicy): number {
  const total = terms.reduce((a, t) => a + t.weight, 0);
  if (total === 0) return 1;
  const unknown = terms.reduce((sum, t) => {
    if (!t.unknown || t.weight === 0 || t.fromHistory || matchTerm(t, pool, policy)) return sum;
    return sum + (t.isProperName || t.isNumber ? t.weight : t.weight / 2);
  }, 0);
  return unknown / total;
}
