import nlp from 'compromise';
import type { ExpandedQuery } from '../retrieval/expand-query.js';
import { findGlossaryTerms, glossaryNameSpans } from '../lexicon/glossary.js';
import { hasCommonSense, isCommonWord, type LexicalKnowledge } from '../lexicon/lexical-knowledge.js';
import { spellingNeighbours } from '../lexicon/spelling-neighbours.js';
import type { AnswerLanguage } from '../text/detect-language.js';
import { contentWords, fold, isStopword, stem, words } from '../text/terms.js';
import { joinDigitGroups } from '../text/digit-groups.js';
import { perText } from '../text/per-text.js';
import { isFollowUp, type Turn } from './condense-question.js';
import { isCalendarWord, personSpans } from './extract-answer.js';
import { INTERROGATIVES } from './interrogatives.js';
import { sameRoot } from './score-evidence.js';

/** The kind of answer a question asks for. */
export type AnswerType =
  | 'number' | 'percent' | 'amount' | 'duration' | 'date' | 'person' | 'organisation' | 'place'
  | 'list' | 'yesno' | 'reason' | 'manner' | 'other';

/** How a sentence word was matched to a question term ("machine": the question's own word in the sentence's machine translation). */
export type MatchKind = 'exact' | 'glossary' | 'translation' | 'machine' | 'synonym' | 'cognate' | 'narrower';

/** One way a sentence can express a question term: all of `stems` present. */
export interface TermForm {
  stems: string[];
  kind: MatchKind;
  /** The language of the text it may match, when it is a word of one language only (a dictionary translation, a
   * thesaurus synonym): stems are shared by both languages, and "note" translated is no evidence in French text. */
  language?: AnswerLanguage;
  /** For a dictionary translation, whether a text word with its stem is that translation's form, not another word the
   * stemmer cuts the same way (French "fonds", funds, for "fonder", to found): unset, every such word is. */
  accepts?: (word: string) => boolean;
}

/** A key term of a question (a word, or a glossary name of several words) with the forms that match it. */
export interface KeyTerm {
  /** Folded question words it stands for. */
  words: string[];
  forms: TermForm[];
  /** Written with a capital inside the question, or an acronym: a name of a person, place or body. */
  isName: boolean;
  /** A name that is no common word either (the thesaurus does not list it): "Brexit", "Kigali", not "Friends". */
  isProperName: boolean;
  isNumber: boolean;
  /** The noun the question counts or asks for ("délégations" in "combien de délégations"). */
  isFocus: boolean;
  /** An ordinal ("deuxième", "third", "7e"): like a number, the evidence must state it. */
  isOrdinal: boolean;
  /** Brought by the previous question of a follow-up. */
  fromHistory: boolean;
  /** A word about the asking rather than the content ("communiqué", "according"): no weight. */
  isMeta: boolean;
}

/** A question analysed once: language, answer type, focus, key terms, numbers and names it mentions. */
export interface QuestionAnalysis {
  question: string;
  language: AnswerLanguage;
  type: AnswerType;
  /** Whether the asked-for noun is plural ("quels pays", "which officials"): the answer may be a list. */
  plural: boolean;
  /** The focus noun as the asker wrote it, for composing the answer ("delegations"), or null. */
  focusText: string | null;
  terms: KeyTerm[];
  /** Numbers the question states in digits (years, counts, "No. 6"): the evidence must state them too. */
  numbers: string[];
  /** Whether the question continues the previous one (its terms were added from the history). */
  followUp: boolean;
  /** For a date question, the precision it asks for: a year ("en quelle année"), or a day ("on which date"). */
  datePrecision: 'year' | 'day' | null;
  /** For "what did X say", the surname of the named speaker X (folded), or none: the answer is a quotation of X. */
  speaker: string[];
  /** For "what did <role> say" ("the deputy director general"), the role's folded content words: the answer is a
   * quotation whose attribution states them. Empty for a named speaker or a pronoun. */
  speakerRole: string[];
  /** What the counted or asked-for noun names (a person, a place, a time…), through WordNet; null when unknown. */
  focusKind: AnswerType | null;
  /** The folded words by which the question says which release it asks about ("Belgium" in "according to the
   * Belgium release", "accord, belge" in "selon le communiqué sur l'accord belge"): they describe a document. */
  documentWords: string[];
  /** Where the question writes names of several words the glossary knows (character offsets): an "and" inside
   * them joins no two things. */
  nameSpans: Array<[number, number]>;
}

// Interrogatives of French and English by the answer they ask for: closed-class words of the two languages, matched
// on lower-cased text with accents kept ("où" is a place question, "ou" is "or").
const PATTERNS: Array<[AnswerType, RegExp]> = [
  ['duration', /\b(combien de temps|pendant combien|how long)\b/u],
  ['amount', /\b(quel montant|quelle somme|combien d'argent|how much money|what amount|what sum|(?:quel|what) (?:est|était|is|was) (?:le |the )?(?:montant|somme|amount|sum))\b/u],
  ['percent', /\b(quel pourcentage|quelle part|quelle proportion|quel taux|what percentage|what share|what proportion|what percent|what rate)\b/u],
  ['number', /\b(combien|how many|how much|quel nombre|what number|le nombre de|the number of)\b/u],
  ['date', /\b(quand|quelle date|quel jour|quel mois|quelle année|en quelle année|depuis quand|when|what date|which date|what day|which day|what month|which month|what year|which year)\b/u],
  ['reason', /\b(pourquoi|pour quelle raison|why|for what reason)\b/u],
  ['place', /(?:^|[^\p{L}])(?:où|d'où)(?:[^\p{L}]|$)|\bwhere\b/u],
];
const PERSON = /(?:^(?:(?:and|et|mais|but|so|alors|donc|then|puis)[\s,]+)?|(?<!\p{L})(?:à|a|par|de|avec|pour|to|by|with|from|for|of)\s+)(?:qui|who|whom|whose)\b/u;
const MANNER = /\b(comment|how)\b/u;
// "How much" followed by a function word ("how much did…", "how much was…"), not by what it measures.
const HOW_MUCH_ALONE = /\bhow much\s+(?:did|does|do|was|were|is|are|has|have|had|will|would|could|can|in total|altogether)\b/u;
// Letters bound the words ("énumérez" starts with a letter \b does not see in JavaScript).
const LIST = /(?<!\p{L})(?:quels sont les|quelles sont les|quels étaient les|quelles étaient les|what are the|what were the|which are the|list|listez|liste|énumér\p{L}*|enumer\p{L}*|name the|citez|nommez)(?!\p{L})/u;
const YES_NO = /^(est-ce(?!\p{L})|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|y a-t-il|y avait-il|\p{L}+-t-(?:il|elle|on)\b|\p{L}+-(?:il|elle|ils|elles)\b)/u;
// A French verb inverted with its subject pronoun ("était-il", "a-t-elle"): the mark of a question.
const INVERTED_VERB = /\p{L}+-(?:t-)?(?:il|elle|ils|elles|on)(?!\p{L})/u;
// "Que" / "qu'" before an inverted verb asks "what" ("Qu'offre-t-elle ?", "Que propose-t-il ?"), not yes or no.
const WHAT_INVERTED = /^qu(?:'|e\s+)\p{L}+-(?:t-)?(?:il|elle|ils|elles|on)(?!\p{L})/u;
// A yes/no question that asks to be told something ("Do you know when…", "Can you tell me who…", "Pouvez-vous me
// dire où…", "Le communiqué précise-t-il combien…"): its interrogative asks the question (closed-class verbs of
// knowing and telling).
const INDIRECT = new RegExp(String.raw`(?<!\p{L})(?:know|knows|tell|tells|say|says|said|state|states|mention|mentions|specify|specifies|indicate|indicates|dire|dit|sais|sait|savez|savent|connaissez|précise|précisent|indique|indiquent|mentionne|mentionnent)(?:\s+(?:me|us|moi|nous|-moi|-nous|-il|-elle|-t-il|-t-elle))?\s+(?:exactly\s+|exactement\s+)?(?:${INTERROGATIVES.join('|')})(?!\p{L})`, 'u');
const WHICH_NOUN = /\b(?:quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|which|what)\s+(?:(?:est|sont|était|étaient|is|are|was|were)\s+)?(?:(?:le|la|les|l'|the)\s*)?(\p{L}[\p{L}-]*)(?:\s+(?:de la|de l'|du|des|de|d'|of the|of)\s*(\p{L}[\p{L}-]*))?/u;
const COUNTED = /\b(?:how many|how much|the number of|number of|combien d'|combien de|combien des|le nombre de|nombre de|nombre d')\s*(\p{L}[\p{L}-]*)/u;
// Nouns that name the asking, not the thing asked: "what is the name of the…", "quel est le titre du…".
const NAME_NOUNS = new Set(['nom', 'name', 'identite', 'identity', 'titre', 'title', 'type', 'kind', 'sorte']);
// Words about the documents or the asking, in questions about any corpus ("selon le communiqué", "according to"),
// and the verbs that ask for a list ("énumérez", "list").
const META_WORDS = new Set(['quoted', 'quote', 'cited', 'cite', 'cites', 'citee', 'citees', 'list', 'listez', 'enumerez', 'enumerer', 'enumerate', 'citez', 'nommez', 'communique', 'communiques', 'document', 'documents', 'texte', 'textes', 'article', 'press', 'release', 'releases', 'selon', 'according', 'mentionne', 'mentionnes', 'mentioned', 'mention', 'indique', 'stated', 'states', 'say', 'says', 'said', 'dit', 'declare', 'declared', 'tell', 'told']);

// A noun that only classifies the noun after it ("what kind of help", "quel type d'aide", "quelle forme de
// soutien"): closed class of French and English.
const CLASSIFIER_OF = /(?<!\p{L})(?:kinds?|types?|sorts?|forms?|categor(?:y|ies))\s+of\s+|(?<!\p{L})(?:types?|sortes?|genres?|formes?|cat[ée]gories?)\s+(?:de\s+|d['’]\s*)/giu;

// Words that are function words in questions though not in stopword lists ("one of", "l'une des").
const FUNCTION_WORDS = new Set(['one', 'ones', 'une', 'uns', 'unes', 'thing', 'things', 'chose', 'choses', 'lors']);

// Ordinal numbers of French and English (general vocabulary), and written with digits ("2e", "3rd").
const ORDINAL_RANKS: Record<string, number> = Object.fromEntries([
  ...'premier deuxieme troisieme quatrieme cinquieme sixieme septieme huitieme neuvieme dixieme'.split(' ').map((w, i) => [w, i + 1]),
  ...'first second third fourth fifth sixth seventh eighth ninth tenth'.split(' ').map((w, i) => [w, i + 1]),
  ['premiere', 1], ['seconde', 2],
]);
/** The rank of an ordinal written in words or digits ("septième", "third", "7e" → 7), or undefined. */
export const ordinalRank = (word: string) => ORDINAL_RANKS[word] ?? (/^(\d+)(?:e|eme|er|re|st|nd|rd|th)$/.exec(word) ? Number(/^\d+/.exec(word)![0]) : undefined);
const isOrdinal = (word: string) => ordinalRank(word) !== undefined;

// A French or English determiner ending a text (closed-class words: articles, possessives, demonstratives), maybe
// with an intensifier after it ("the very first", "la toute première").
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|its|their|his|her|our|this|that|these|those|le|la|les|l['’]|un|une|du|des|au|aux|son|sa|ses|leur|leurs|ce|cet|cette|ces|notre|nos)(?:\s+(?:very|tout|toute|tous|toutes))?\s*$/iu;

/**
 * Whether an ordinal of a given rank at `start` in a text ranks a noun: "first", "second" and "premier" do after a
 * determiner ("the first works", "les premiers chantiers"); without one they are an adverb, a unit or a title ("will
 * first pay", "when did they first meet", "Premier ministre"). Higher ordinals have no other sense.
 */
export function ranksNoun(text: string, start: number, rank: number): boolean {
  return rank > 2 || DETERMINER_BEFORE.test(text.slice(Math.max(0, start - 20), start));
}

/** The folded ordinal words of a text that rank a noun there (see `ranksNoun`). */
function rankingOrdinals(text: string): Set<string> {
  const ranking = new Set<string>();
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = fold(m[0]);
    const rank = ordinalRank(word);
    if (rank !== undefined && ranksNoun(text, m.index, rank)) ranking.add(word);
  }
  return ranking;
}
/** Every way of writing the ordinal of a rank in French and English ("7e", "septième", "seventh"). */
const ordinalForms = (rank: number) => [...Object.entries(ORDINAL_RANKS).filter(([, r]) => r === rank).map(([w]) => w), `${rank}e`, `${rank}eme`, `${rank}th`];
// Cardinal number words between an interrogative and its noun ("which three cities", "quels six pays").
const COUNT_AFTER_WH = /\b(which|what|quels|quelles)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+/u;

// Date questions that ask for a year, or for the day itself.
const YEAR_ASKED = /\b(quelles? années?|depuis quelle année|what years?|which years?|yrs?)\b/u;
const DAY_ASKED = /\b(quels? jours?|quelles? dates?|à quelles? dates?|what dates?|which dates?|what days?|which days?|exact dates?)\b/u;
const DAY_NOUNS = new Set(['date', 'dates', 'day', 'days', 'jour', 'jours']);

// Answer types whose focus noun only restates the type ("year" for a date, "city" for a place).
const NOUN_NAMES_TYPE: Partial<Record<AnswerType, AnswerType[]>> = { date: ['date'], duration: ['date'], place: ['place'] };

const CLASS_TYPES: Record<string, AnswerType> = { person: 'person', place: 'place', time: 'date', organisation: 'organisation', quantity: 'number', money: 'amount', reason: 'reason' };

// Interrogative words to recognise misspelt ("wich", "wat", "combein") when nothing else reads that way; a word of
// three letters or fewer is one edit from too many others ("who" from "two", "how" from "now").
const SPELLCHECKED_INTERROGATIVES = [...INTERROGATIVES, 'whose'].filter((q) => q.length >= 4);

/** One edit apart: insertion, deletion, substitution or a swap of two neighbours. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const swap = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return swap || a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/** A misspelt interrogative ("wich", "wat"): a word of the asking, not of the content; a dictionary word ("duel",
 * "comments") is no misspelling. */
const isMisspeltInterrogative = (word: string, knowledge: LexicalKnowledge) =>
  !isStopword(word) && SPELLCHECKED_INTERROGATIVES.some((q) => oneEditApart(word, q)) && knowledge.translate(word).length === 0;

function normalise(question: string): string {
  const text = question.toLowerCase().replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim();
  return text.replace(/\p{L}{3,}/gu, (word) => (isStopword(fold(word)) ? word : SPELLCHECKED_INTERROGATIVES.find((q) => oneEditApart(word, q)) ?? word));
}

/** The English nouns WordNet may know a noun by: itself and its singulars in English (in French too when the
 * dictionary has no translation); its dictionary translations' head words ("pays" is not "pay"). A plural the
 * dictionary lacks is looked up in the singular ("années" → "année" → "year"); a capitalised translation is a proper
 * name the lookup met by its stem ("annees" → "Anne"). */
function englishNouns(noun: string, language: AnswerLanguage, knowledge: LexicalKnowledge): { own: string[]; translated: string[][] } {
  const folded = fold(noun);
  const forms = [folded, ...singulars(folded)];
  const translated = forms.map((w) => knowledge.translate(w).filter((t) => !/^\p{Lu}/u.test(t)).flatMap((t) => words(t).find((w) => !isStopword(w)) ?? []));
  // A French noun the dictionary does not know may be the English word ("migrants", "initiative").
  return { own: language === 'en' || translated.every((t) => !t.length) ? forms : [], translated };
}

// Translations of a noun that vote on its type: the dictionary lists the usual senses first.
const TYPE_VOTES = 4;

/** The answer type a noun asks for ("minister" → person), through WordNet; French nouns through their translations. */
export function nounType(noun: string, language: AnswerLanguage, knowledge: LexicalKnowledge): AnswerType | null {
  const classes = knowledge.nounClasses;
  if (!classes) return null;
  const { own, translated } = englishNouns(noun, language, knowledge);
  const direct = own.map((w) => classes.classify(w)).find((c) => c) ?? null;
  const votes = new Map<string, number>();
  if (direct) votes.set(direct, 2);
  // The first form the dictionary knows (a plural it lacks is read in the singular).
  for (const head of (translated.find((t) => t.length) ?? []).slice(0, TYPE_VOTES)) {
    const cls = classes.classify(head);
    if (cls) votes.set(cls, (votes.get(cls) ?? 0) + 1);
  }
  const best = [...votes].sort((a, b) => b[1] - a[1])[0];
  return best ? CLASS_TYPES[best[0]] ?? null : null;
}

/**
 * Whether a noun names a kind of what a more general noun names, in either language, through WordNet's hypernyms:
 * "refugees" of "personnes", "enfants" of "persons". False without WordNet.
 */
export function nounIsKindOf(noun: { text: string; language: AnswerLanguage }, general: { text: string; language: AnswerLanguage }, knowledge: LexicalKnowledge): boolean {
  const classes = knowledge.nounClasses;
  if (!classes) return false;
  const specific = englishNouns(noun.text, noun.language, knowledge);
  const generic = englishNouns(general.text, general.language, knowledge);
  const generals = [...generic.own, ...generic.translated.flat()];
  return [...specific.own, ...specific.translated.flat()].some((n) => generals.some((g) => g !== n && classes.isKindOf(n, g)));
}

// compromise runs the steps listed in its world's `hooks` at each tagging. The last one groups the words into chunks
// (noun and verb phrases), which no pattern here reads (they name tags and groups): a fifth of a sentence's tagging,
// half of a word's. Each tagging here runs the steps before it, in their order.
const compromiseWorld = nlp.world() as { hooks: string[] };
const TAGGING_STEPS = compromiseWorld.hooks.filter((step) => step !== 'chunks');

/** An English text tagged by compromise for its parts of speech (without chunks). */
function tag(text: string): ReturnType<typeof nlp> {
  const steps = compromiseWorld.hooks;
  compromiseWorld.hooks = TAGGING_STEPS;
  try {
    return nlp(text);
  } finally {
    compromiseWorld.hooks = steps;
  }
}

/**
 * Tags a short English question now, e.g. once the server listens: compromise builds its match networks at its
 * first tagging (about 50 ms, against a few ms for later ones), which would otherwise delay the first English question.
 */
export function prepareTagger(): void {
  tag('Which organisation did the minister meet in May?');
}

// Words whose tagging alone is remembered (a question's words recur in others; a boolean a word: under 1 MB).
const TAGGED_WORDS = 10_000;

/** Whether compromise reads a word alone as an adverb or a comparative ("later", "more"). */
const readsAsAdverb = perText((word: string) => tag(word).has('(#Adverb|#Comparative)'), TAGGED_WORDS);

/** Whether compromise reads a word alone as a noun, and not as a verb ("areas", not "fund"). */
const readsAsNounOnly = perText((word: string) => {
  const tagged = tag(word);
  return tagged.has('#Noun') && !tagged.has('#Verb');
}, TAGGED_WORDS);

/** Words read after an English interrogative to find its noun phrase. */
const FOCUS_WINDOW = 12;

/**
 * The noun phrase an English question counts or asks for, with its adjectives ("rural households" in "how many
 * rural households will…"), through compromise's part-of-speech tags; null when there is none.
 */
export function englishFocusPhrase(question: string): string | null {
  // Tagging costs time in proportion to the words tagged: only the words from the interrogative on are read (the
  // phrase follows it), a dozen at most.
  const clause = /\b(?:many|much|which|what)\b.*/i.exec(question)?.[0].split(/\s+/).slice(0, FOCUS_WINDOW).join(' ');
  if (!clause) return null;
  const phrase = firstGroup(tag(clause.toLowerCase()), '(many|much|which|what) #Value? [<np>(#Adjective|#Noun)+]');
  // The tagger may read an auxiliary as an adjective ("which belgian city did iom's…"): the phrase ends before it.
  // A modifier that spells a function word opens it ("which eu official"): it is kept.
  const all = phrase?.split(/\s+/) ?? [];
  const end = all.findIndex((w, i) => i > 0 && isStopword(fold(w)) && all.slice(0, i).some((x) => !isStopword(fold(x))));
  const kept = end < 0 ? all : all.slice(0, end);
  // Nor does it end with an adverb read as an adjective ("which iom chief later hailed" → "iom chief").
  while (kept.length > 1 && readsAsAdverb(kept.at(-1)!)) kept.pop();
  return kept.length ? kept.join(' ') : null;
}

/**
 * The text of the `np` group of a compromise pattern's first match, or null. Only the first: the groups of later
 * matches would be joined to it ("which city … what yr" → "city yr").
 */
function firstGroup(doc: ReturnType<typeof nlp>, pattern: string): string | null {
  const group = doc.match(pattern).groups('np') as { eq(n: number): { text(): string } } | undefined;
  return group?.eq(0).text().trim() || null;
}

/** The answer type, the focus noun as written, and whether the focus is plural. */
export function answerTypeOf(asked: string, language: AnswerLanguage, knowledge: LexicalKnowledge): { type: AnswerType; focus: string | null; focusText: string | null; plural: boolean } {
  // "What kind of help", "quel type d'aide": the noun asked for is the one the classifier introduces.
  const question = asked.replace(CLASSIFIER_OF, '');
  // English puts adjectives before the noun: the phrase ends with the noun that is the focus ("what exact date").
  const phrase = language === 'en' ? englishFocusPhrase(normalise(question)) : null;
  const head = phrase?.split(/\s+/).at(-1) ?? null;
  const { type, focus, plural } = typeAndFocus(question, language, knowledge, head);
  return phrase && head && focus ? { type, focus: head, focusText: phrase, plural } : { type, focus, focusText: focus, plural };
}

function typeAndFocus(question: string, language: AnswerLanguage, knowledge: LexicalKnowledge, head: string | null): { type: AnswerType; focus: string | null; plural: boolean } {
  const q = normalise(question).replace(COUNT_AFTER_WH, '$1 ');
  const countedWord = COUNTED.exec(q)?.[1] ?? null;
  // "How much is a ticket": a function word after "how much" is no counted noun.
  const counted = countedWord && !isStopword(fold(countedWord)) ? countedWord : null;
  const whichMatch = WHICH_NOUN.exec(q);
  // "The areas in which X and Y cooperate", "the fund which backed": "which" after a noun (and its preposition)
  // opens a relative clause, not a question ("starting in which year" still asks).
  const before = whichMatch ? q.slice(0, whichMatch.index).match(/(\p{L}+)\s+(?:(?:in|of|at|by|for|to|from|with|on|under|through|during)\s+)?$/u)?.[1] : undefined;
  const antecedent = !!before && /^which/.test(whichMatch![0]) && !isStopword(fold(before)) && readsAsNounOnly(before);
  const which = whichMatch && !antecedent ? whichMatch : null;
  let noun = which ? (NAME_NOUNS.has(fold(which[1]!)) && which[2] ? which[2] : which[1]!) : null;
  if (noun && (isStopword(fold(noun)) || /^(est|sont|is|are|was|were)$/.test(noun))) noun = null;
  // "What was UNHCR's budget": a possessive says whose; the noun after it is the one asked for.
  if (which && noun === which[1]) {
    const after = q.slice(which.index + which[0].indexOf(noun) + noun.length);
    const owned = /^['’]s\s+(\p{L}[\p{L}-]*)/u.exec(after)?.[1];
    if (owned && !isStopword(fold(owned))) noun = head ?? owned;
  }
  // A modifier that spells a function word ("which EU official": "eu" is a form of French "avoir") hides the noun
  // that the English phrase ends with.
  if (!noun && which && head) noun = head;
  const focus = counted ?? noun;
  const plural = !!focus && /s$/.test(focus) && !/ss$/.test(focus);
  // The interrogative that comes first decides ("Who was director when…" asks for a person, not a date).
  const person = PERSON.exec(q);
  const found = PATTERNS.map(([type, pattern]) => ({ type, index: pattern.exec(q)?.index ?? -1 }))
    .concat([{ type: 'person' as AnswerType, index: person?.index ?? -1 }])
    .filter((f) => f.index >= 0)
    .sort((a, b) => a.index - b.index);
  const first = found[0];
  // A question that opens with an auxiliary, or a French one whose inverted verb comes before any interrogative,
  // asks yes or no: an interrogative after it opens a clause ("Was it signed when the minister visited?", "Le réseau
  // était-il présent quand…"), unless the question asks to be told ("Do you know when…").
  const opener = YES_NO.test(q) ? 0 : language === 'fr' && !WHAT_INVERTED.test(q) ? INVERTED_VERB.exec(q)?.index : undefined;
  const beforeOpener = (index: number | undefined) => index !== undefined && opener !== undefined && index < opener;
  if (opener !== undefined && !beforeOpener(first?.index) && !beforeOpener(which?.index) && !INDIRECT.test(q)) return { type: 'yesno', focus, plural };
  const whichFirst = which && (!first || which.index < first.index);
  if (first && !whichFirst) {
    if (first.type === 'person' && !focus) return { type: 'person', focus: whoFocus(question, q), plural };
    // "How much (initial) money": the noun that ends the phrase is what is counted.
    if (first.type === 'number' && counted && /money|argent|fund|fonds|budget|cost|cout/.test(fold(head ?? counted))) return { type: 'amount', focus, plural };
    // English "how much" with no noun after it ("how much did X pledge") asks for a sum, not a count of things.
    if (first.type === 'number' && !counted && HOW_MUCH_ALONE.test(q)) return { type: 'amount', focus, plural };
    return { type: first.type, focus, plural };
  }
  if (which && noun) {
    const byNoun = nounType(head ?? noun, language, knowledge);
    // "Which fund backed…" / "quel fonds a financé…" / "from which fund?" asks which one, not how much: the money
    // noun is the subject, or ends the question. "Quel budget le fonds a-t-il…", "what budget did…" and "what is the
    // budget" ask the value.
    const after = new RegExp(`\\b${head ?? noun}\\s+(\\p{L}+)`, 'u').exec(q.slice(which.index))?.[1] ?? '';
    const identity = byNoun === 'amount' && !/\s(?:est|sont|était|étaient|is|are|was|were)\s/u.test(which[0]) && !OBJECT_NEXT.test(after);
    if (byNoun && !identity) return { type: byNoun, focus, plural };
  }
  if (LIST.test(q) || (which && plural)) return { type: 'list', focus, plural: true };
  if (MANNER.test(q)) return { type: 'manner', focus, plural };
  if (YES_NO.test(q)) return { type: 'yesno', focus, plural };
  return { type: 'other', focus, plural };
}

// Words after a question's noun that make it the object of what follows (closed classes: articles, possessives,
// demonstratives, the auxiliary of an English question): "quel budget le fonds a-t-il", "what budget did it get".
const OBJECT_NEXT = /^(?:le|la|les|l|un|une|des|du|ce|cet|cette|ces|son|sa|ses|leur|leurs|the|a|an|this|that|these|those|its|his|her|their|did|does|do|will|would|can|could|should|has|have|had)$/u;

// What stands between "who"/"qui" and the word that says what the person did or is: auxiliaries and articles.
const WHO_PREDICATE = /(?:^|[^\p{L}])(?:qui|who)\s+(?:(?:a|avait|aura|est|était|sera|sont|étaient|has|had|have|is|was|are|were|will|would|did|does)\s+)?(?:(?:été|been)\s+)?(?:(?:le|la|les|l'|un|une|the|an?)\s*)?(\p{L}[\p{L}-]*)/u;

/**
 * The word that says what a "who" question asks about the person: the verb ("organisé" in "qui a organisé…",
 * "chaired") or the role ("deputy" in "who was the deputy director general"); not a name the question states.
 */
function whoFocus(question: string, normalised: string): string | null {
  // English puts adjectives before the noun: "who is the current president" asks for a president.
  const word = englishRoleHead(normalised) ?? WHO_PREDICATE.exec(normalised)?.[1];
  if (!word || isStopword(fold(word))) return null;
  return namesIn(question).has(fold(word)) ? null : word;
}

/** The noun that ends "who is/was the <adjectives> <noun>" in English, through compromise's tags; null otherwise. */
function englishRoleHead(normalised: string): string | null {
  const clause = /\bwho\s+(?:is|was|are|were)\s+(?:the|an?)\s+.*/u.exec(normalised)?.[0].split(/\s+/).slice(0, FOCUS_WINDOW).join(' ');
  if (!clause) return null;
  // compromise may tag "of" in a title ("president of france") as part of the noun phrase.
  return firstGroup(tag(clause), 'who #Copula (the|a|an) [<np>#Adjective+ #Noun+]')?.split(/\s+of\s+/u)[0]!.split(/\s+/).at(-1) || null;
}

/** Words written with a capital inside the question (not its first word, nor a month or a day, which English
 * capitalises), and acronyms anywhere: folded. */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;:'’]\s+|^)(\p{Lu}[\p{L}-]*)/gu)) {
    const isAcronym = /^\p{Lu}{2,}$/u.test(m[1]!);
    if (m.index === 0 && !isAcronym) continue;
    for (const w of words(m[1]!)) if (!isCalendarWord(w)) names.add(w);
  }
  return names;
}

// English nouns whose plural is not made with -s (closed class of the grammar): "people" is translated as "person".
const IRREGULAR_PLURALS: Record<string, string> = { people: 'person', persons: 'person', children: 'child', men: 'man', women: 'woman' };

const verbTransform = (nlp.methods() as { two: { transform: { verb: { toInfinitive: (word: string, model: unknown, tense: string) => string } } } }).two.transform.verb;
const verbModel = nlp.model();

/**
 * The infinitive of an English verb form the dictionary lacks, through compromise's conjugation model: an irregular
 * past ("held" → "hold", "fled" → "flee"), a gerund ("meeting" → "meet"), a third person ("hosts" → "host").
 */
export function verbLemmas(word: string): string[] {
  const tenses = ['PastTense', ...(/ing$/.test(word) ? ['Gerund'] : []), ...(/s$/.test(word) ? ['PresentTense'] : [])];
  return [...new Set(tenses.map((tense) => verbTransform.toInfinitive(word, verbModel, tense)))].filter((w) => w && w !== word);
}

/** Singular candidates of a plural of French or English ("countries" → "country", "délégations" → "délégation"). */
function singulars(word: string): string[] {
  const out: string[] = IRREGULAR_PLURALS[word] ? [IRREGULAR_PLURALS[word]!] : [];
  if (/ies$/.test(word)) out.push(word.replace(/ies$/, 'y'));
  if (/(?:x|s)$/.test(word) && word.length > 3) out.push(word.slice(0, -1));
  if (/aux$/.test(word)) out.push(word.replace(/aux$/, 'al'));
  return out;
}

// Words before a number that make it a bound of the answer, not a fact the evidence must repeat.
const COMPARISON = /\b(more|fewer|less|over|under|above|below|least|most|exceed\w*|plus|moins|depasse\w*|superieur\w*|inferieur\w*)\s+(than\s+|de\s+|que\s+|a\s+)?$/;

/**
 * The numbers a question states, which the evidence must state too: "84 000" and "84,000" read as one number; a
 * number after a comparison ("more than 80,000", "plus de 80 000") bounds the answer and is left out.
 */
export function requiredNumbers(question: string): string[] {
  const folded = joinDigitGroups(fold(question));
  const numbers = new Set<string>();
  for (const m of folded.matchAll(/\d+/g)) if (!COMPARISON.test(folded.slice(Math.max(0, m.index - 24), m.index))) numbers.add(m[0]);
  return [...numbers];
}

/**
 * The words of a name that a text must contain to state it: content words and acronyms, which may spell a function
 * word ("UN" in "UN Migration" folds to "un"; without it the name would be stated by any "migration").
 */
export function nameWords(name: string): string[] {
  const acronyms = new Set((name.match(/(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])/gu) ?? []).map(fold));
  return words(name).filter((w) => acronyms.has(w) || (w.length > 1 && !isStopword(w)));
}

/** The adjectives of a country's English names (WordNet) and their French translations ("belge"). */
function countryAdjectives(names: string[], knowledge: LexicalKnowledge): string[] {
  const english = names.flatMap((n) => knowledge.pertainyms?.adjectivesOf(n) ?? []).filter((a) => !a.includes(' '));
  const french = english.flatMap((a) => knowledge.translate(fold(a))).filter((t) => !t.includes(' '));
  return [...new Set([...english, ...french].map(fold))];
}

/** The countries (proper nouns, in English and French) an adjective pertains to: WordNet pertainyms of the English
 * word, or of a French word's translations ("belge" → "Belgian" → "Belgium", "Belgique"). */
function adjectiveCountries(word: string, language: AnswerLanguage, knowledge: LexicalKnowledge): string[] {
  if (!knowledge.pertainyms) return [];
  const english = language === 'en' ? [word] : knowledge.translate(word).filter((t) => !t.includes(' '));
  const nouns = english.flatMap((a) => knowledge.pertainyms!.nounsOf(a)).filter((n) => /^\p{Lu}/u.test(n) && !n.includes(' '));
  const french = nouns.flatMap((n) => knowledge.translate(fold(n))).filter((t) => /^\p{Lu}/u.test(t) && !t.includes(' '));
  return [...new Set([...nouns, ...french].map(fold))];
}

// "A eu lieu", "aura lieu", "a-t-elle eu lieu", "took place", "will take place": a verb of happening with its noun.
const HAPPEN_IDIOMS = /(?<!\p{L})(?:(?:a|ont|avait|avaient|aura|auront|aurait|avoir)(?:-t-(?:il|elle|ils|elles|on))?\s+(?:eu\s+)?(lieu)|(?:take|takes|took|taken|taking)\s+(place))(?!\p{L})/gu;

// Shorter words have too many dictionary neighbours to be read as typos ("aide" is one edit from "aids", "side", "aile"…).
const MIN_TYPO_LENGTH = 5;

/** Glossary kinds whose names are proper names. */
const PROPER_KINDS = new Set(['country', 'organisation']);

/** Key terms of one text: glossary names as single terms, the other content words with translations and synonyms. */
function termsOf(text: string, language: AnswerLanguage, expanded: ExpandedQuery, knowledge: LexicalKnowledge, fromHistory: boolean, focus: string | null, glossaryMatches = findGlossaryTerms(knowledge.glossary, text)): KeyTerm[] {
  const terms: KeyTerm[] = [];
  const other: AnswerLanguage = language === 'fr' ? 'en' : 'fr';
  const tokens = words(text);
  const names = namesIn(text);
  const grammatical = language === 'en' ? englishFunctionWords(text) : FRENCH_FUNCTION_WORDS;
  const covered = new Set<string>();
  for (const match of glossaryMatches) {
    // An acronym is kept even when it spells a function word ("EU" folds to "eu", a form of French "avoir").
    const matchWords = tokens.slice(match.from, match.to).filter((w) => !isStopword(w) || match.to - match.from === 1);
    if (matchWords.length === 0) continue;
    const forms: TermForm[] = [];
    for (const language of ['en', 'fr'] as const) {
      for (const variant of match.entry[language]) {
        const stems = nameWords(variant).map(stem);
        if (stems.length) forms.push({ stems, kind: variant === match.variant ? 'exact' : 'glossary' });
      }
    }
    // The other language may write a title word by word in another order ("deputy secretary-general", "secrétaire
    // général adjoint"), which the glossary does not list: each word's equivalents make a form too. Not a body's
    // name, which is translated whole ("Commission européenne" is no "comité européen").
    if (match.entry.kind === 'title' && matchWords.length > 1) for (const stems of wordByWordForms(matchWords, knowledge)) if (!forms.some((f) => f.stems.join(' ') === stems.join(' '))) forms.push({ stems, kind: 'translation' });
    // A country is also named by its adjective, in either language ("Belgium": "Belgian", "belge").
    if (match.entry.kind === 'country') for (const adjective of countryAdjectives(match.entry.en, knowledge)) forms.push({ stems: [stem(adjective)], kind: 'glossary' });
    matchWords.forEach((w) => covered.add(w));
    const isName = matchWords.some((w) => names.has(w));
    // A country or a body named with capitals is a proper name; a capitalised term or title ("Director General") is not.
    const isProperName = isName && PROPER_KINDS.has(match.entry.kind);
    terms.push({ words: matchWords, forms, isName, isProperName, isNumber: false, isOrdinal: false, isFocus: !!focus && matchWords.includes(focus), fromHistory, isMeta: false });
  }
  // "What was his title", "quelle est sa fonction": the office is what is asked, written beside the person's name
  // ("Alexander De Croo, Premier Ministre…"), never as the word "title".
  const officeAsked = new Set([...fold(text).matchAll(OWNED_OFFICE)].map((m) => m[1]!));
  const ranking = rankingOrdinals(text);
  for (const term of expanded.terms) {
    if (covered.has(term.word)) continue;
    const forms: TermForm[] = [{ stems: [term.stem], kind: 'exact' }];
    const accepts = translatesBack(term.word, language, knowledge);
    for (const s of term.translationStems) forms.push({ stems: [s], kind: 'translation', language: other, accepts });
    // A plural the dictionary lacks is looked up in the singular ("countries" → "country" → "pays").
    if (term.translationStems.length === 0 || IRREGULAR_PLURALS[term.word]) {
      for (const singular of [...singulars(term.word), ...(language === 'en' ? verbLemmas(term.word) : [])]) {
        for (const translation of knowledge.translate(singular)) {
          for (const s of contentWords(translation).map(stem)) if (!forms.some((f) => f.stems[0] === s)) forms.push({ stems: [s], kind: 'translation', language: other, accepts });
        }
      }
    }
    // A name no dictionary knows may be a typo of one it does ("Turky"): the dictionary words one edit away, and
    // their translations, are its forms, as weak as a cognate (it may be a name of its own). Only names: a common
    // word the dictionary lacks is more often an inflection it does not list ("rotating") than a typo.
    if (forms.length === 1 && names.has(term.word) && term.word.length >= MIN_TYPO_LENGTH && !/\p{N}/u.test(term.word) && !isCommonWord(knowledge, term.word)) {
      for (const neighbour of spellingNeighbours(term.word, knowledge.isHeadword)) {
        for (const s of [neighbour, ...knowledge.translate(neighbour).flatMap(contentWords)].map(stem)) if (!forms.some((f) => f.stems[0] === s)) forms.push({ stems: [s], kind: 'cognate' });
      }
    }
    // An adjective of a country names it too ("Belgian", "belge" → "Belgium", "Belgique").
    for (const name of adjectiveCountries(term.word, language, knowledge)) if (!forms.some((f) => f.stems[0] === stem(name))) forms.push({ stems: [stem(name)], kind: 'glossary' });
    const isNumber = /^\p{N}+$/u.test(term.word);
    // "First" as an adverb ("when did they first meet") ranks nothing: it is a function word of the question.
    const rank = ranking.has(term.word) ? ordinalRank(term.word) : undefined;
    const adverbialOrdinal = rank === undefined && isOrdinal(term.word);
    if (rank !== undefined) for (const w of ordinalForms(rank)) if (!forms.some((f) => f.stems[0] === stem(w))) forms.push({ stems: [stem(w)], kind: 'translation' });
    // A name is matched as written, translated or through the glossary: a thesaurus gives it hypernyms and
    // neighbours ("Madagascar" → "island"), which name other things.
    if (!isNumber && !names.has(term.word) && knowledge.thesaurus) {
      for (const synonym of knowledge.thesaurus.synonyms(term.word)) {
        const s = stem(synonym);
        if (!forms.some((f) => f.stems[0] === s)) forms.push({ stems: [s], kind: 'synonym' });
      }
    }
    terms.push({ words: [term.word], forms, isName: names.has(term.word), isProperName: names.has(term.word) && !hasCommonSense(knowledge, term.word), isNumber, isOrdinal: rank !== undefined, isFocus: term.word === focus, fromHistory, isMeta: adverbialOrdinal || META_WORDS.has(term.word) || FUNCTION_WORDS.has(term.word) || officeAsked.has(term.word) || (grammatical.has(term.word) && !names.has(term.word) && term.word !== focus) || isMisspeltInterrogative(term.word, knowledge) });
  }
  return terms;
}

/**
 * Whether a text word that shares a translation's stem is a form of that translation: the stemmer cuts unrelated
 * words alike ("fonds", funds, and "fonder", to found, are both "fond"). A form shares the translation's root
 * ("distribution" for "distribuer"), translates back to the question word, or shares a meaning with the translation
 * ("fondée" and "fonder": "establish"); a word the dictionary does not know is taken.
 */
function translatesBack(word: string, language: AnswerLanguage, knowledge: LexicalKnowledge): (text: string) => boolean {
  // Read at the first text word to check: most terms' translations meet no such word in a question's evidence.
  let known: { ownStems: Set<string>; written: string[]; meanings: Set<string> } | null = null;
  const seen = new Map<string, boolean>();
  return (text) => {
    let ok = seen.get(text);
    if (ok === undefined) {
      if (!known) {
        const own = [word, ...singulars(word), ...(language === 'en' ? verbLemmas(word) : [])];
        const written = [...new Set(own.flatMap((w) => knowledge.translate(w)).map(fold))];
        known = { ownStems: new Set(own.map(stem)), written, meanings: new Set(written.flatMap((w) => knowledge.translate(w)).map(fold)) };
      }
      const { ownStems, written, meanings } = known;
      ok = written.some((w) => sameRoot(w, text));
      if (!ok) {
        const back = knowledge.translate(text);
        ok = back.length === 0 || back.some((b) => meanings.has(fold(b)) || contentWords(b).some((w) => ownStems.has(stem(w))));
      }
      seen.set(text, ok);
    }
    return ok;
  };
}

// A noun naming a person's office after a possessive (closed classes of French and English: "his title", "X's
// position", "sa fonction", "son poste").
const OWNED_OFFICE = /(?:\b(?:his|her|their|its|son|sa|leur)|['’]s)\s+(?:official\s+|current\s+|actuel(?:le)?\s+)?(title|position|post|job|role|titre|fonction|poste)\b/gu;

// Equivalents of each word read for a word-by-word form (the glossary's first, then the dictionary's, most common
// sense first), and most forms one name may take that way: the combinations grow as their product.
const WORD_EQUIVALENTS = 3;
const WORD_BY_WORD_FORMS = 27;

/**
 * The stems of a name's words replaced each by an equivalent: the single-word glossary entries that name the word
 * ("deputy" / "adjoint"), then its dictionary translations; every combination, the word itself among its own
 * equivalents. Matched as a phrase in any order (`phraseTokens`).
 */
function wordByWordForms(nameWords: string[], knowledge: LexicalKnowledge): string[][] {
  const equivalents = nameWords.map((word) => {
    const own = stem(word);
    const glossary = (knowledge.glossary.byFirstWord.get(own) ?? []).filter((v) => v.words.length === 1).flatMap((v) => [...v.entry.en, ...v.entry.fr]);
    const translations = knowledge.translate(word).filter((t) => !t.includes(' '));
    const stems = [...glossary, ...translations].flatMap(contentWords).map(stem).filter((s) => s !== own);
    return [own, ...new Set(stems)].slice(0, 1 + WORD_EQUIVALENTS);
  });
  let forms: string[][] = [[]];
  for (const options of equivalents) forms = forms.flatMap((form) => options.map((s) => [...form, s])).slice(0, WORD_BY_WORD_FORMS);
  return forms.slice(1);
}

// Kinds of a noun looked for in the evidence for "what kind of X", the nearest first.
const NARROWER_KINDS = 150;
// Most translations a kind may have to be looked for in French too.
const UNAMBIGUOUS_TRANSLATIONS = 2;

/**
 * Adds to a noun's forms the kinds WordNet lists under it, in English (their folded stems also match French
 * cognates: "conference", "conférence") and through the dictionary in French, as `narrower` matches.
 */
function addNarrowerForms(term: KeyTerm, language: AnswerLanguage, knowledge: LexicalKnowledge): void {
  const classes = knowledge.nounClasses;
  if (!classes || term.words.length !== 1) return;
  const { own, translated } = englishNouns(term.words[0]!, language, knowledge);
  const kinds = new Set([...own, ...translated.flat()].flatMap((n) => classes.narrower(n, NARROWER_KINDS)));
  // A thesaurus may list the same word as a looser synonym: as a kind, it is matched even inside a name. The stems of
  // the forms held are kept in a set as they grow: a noun may have a hundred kinds or more (about 220 forms a "what kind
  // of" question), each of which was compared with every form held.
  const held = new Set(term.forms.filter((f) => f.kind !== 'synonym').map((f) => f.stems.join(' ')));
  const add = (stems: string[], language?: AnswerLanguage) => {
    const key = stems.join(' ');
    if (stems.length && !held.has(key)) {
      held.add(key);
      term.forms.push({ stems, kind: 'narrower', ...(language ? { language } : {}) });
    }
  };
  for (const kind of kinds) {
    add(contentWords(kind).map(stem));
    // Only an unambiguous kind is translated: "summit" is also "pointe", "haut", "comble".
    const french = knowledge.translate(kind);
    if (french.length <= UNAMBIGUOUS_TRANSLATIONS) for (const word of french) add(contentWords(word).map(stem), 'fr');
  }
}

// Tags of English words that say how or where, not what: the closed classes the stopword list leaves out.
const ENGLISH_FUNCTION_TAGS = '(#Preposition|#Adverb|#Conjunction|#Determiner|#Pronoun|#Modal|#Auxiliary)';

// English texts whose function words are remembered: a follow-up reads the previous question again, whose tagging
// is most of its analysis (a few words per text: under 1 MB).
const TAGGED_TEXTS = 2000;

/** The folded words of an English text that compromise tags as prepositions, adverbs and other function words
 * ("towards", "forward", "later", "also"): they carry no topic, whatever their rarity in the corpus. */
const englishFunctionWords = perText((text: string): Set<string> => {
  const tagged = tag(text).match(ENGLISH_FUNCTION_TAGS).out('array').flatMap((w: string) => words(w));
  // An adverb made from an adjective ("effectively") says what, and "since / until" the time the evidence states.
  return new Set(tagged.filter((w: string) => !/ly$/.test(w) && !TIME_RELATIONS.has(w)));
}, TAGGED_TEXTS);

// Prepositions of time whose translation the evidence writes with the date ("depuis 2017" for "since when").
const TIME_RELATIONS = new Set(['since', 'until', 'till', 'depuis', 'jusqu']);

// French prepositions, adverbs of manner, time and degree, and quantifiers that the stopword list leaves out (closed
// classes of the grammar): "vers", "selon", "aussi", "bien", "toute" say nothing of the topic.
const FRENCH_FUNCTION_WORDS = new Set(
  'vers envers parmi selon malgre lors aupres chez environ alors ensuite deja encore aussi toujours bien tres ainsi puis donc cependant toutefois egalement notamment plutot presque surtout seulement vraiment exactement actuellement desormais jamais souvent parfois beaucoup trop tant tellement assez peu plus moins tout toute tous toutes chaque aucun aucune plusieurs'.split(' '),
);

// "What did X say / declare…", "Qu'a déclaré X", "Que dit X": closed-class speech verbs of French and English, with
// the speaker between the auxiliary and the verb (English) or right after the verb (French).
const SPEAKER_EN = /\bwhat\s+(?:did|does|do|has|have|had)\s+(.+?)\s+(?:say|said|state|declare|tell|stress|announce|argue|add)\b/iu;
const SPEAKER_FR = /\b[Qq](?:u['’](?:a|ont|avait)|u['’]est-ce qu['’](?:a|ont)\s+\S+|ue)\s+(?:t-(?:il|elle)\s+)?(?:dit|déclaré|déclare|affirmé|affirme|souligné|annoncé|ajouté|expliqué|estimé)\s+(.+?)(?:\s+(?:lors|pendant|au sujet|à propos|sur|de|du|des|à|au|en|dans|concernant)\s|[?,.]|$)/u;

const NAME_PARTICLE = /^(?:de|da|van|von|le|la|di|du)$/u;

/**
 * The role of the speaker a "what did X say" question names without a name ("what did IOM's deputy director
 * general say", "qu'a dit le ministre"), as folded content words; none for a name or a pronoun ("what did she say"
 * refers to the previous answer, whose words may be reported without a speech verb).
 */
export function speakerRole(question: string): string[] {
  const named = SPEAKER_EN.exec(question)?.[1] ?? SPEAKER_FR.exec(question)?.[1];
  if (!named || quotedSpeaker(question).length > 0) return [];
  return contentWords(named.replace(/['’]s\b/gu, ''));
}

/** A speaker's role words if one of them names a person or a body ("the treasurer", "IOM's deputy director"), none
 * otherwise: "what does the note say" asks for the content of a document, which no attribution names. */
function speakerOfKind(role: string[], language: AnswerLanguage, knowledge: LexicalKnowledge): string[] {
  return role.some((w) => ['person', 'organisation'].includes(nounType(w, language, knowledge) ?? '')) ? role : [];
}

/**
 * The named speaker of a "what did X say" question, as the folded surname of its capitalised name (a pronoun or a
 * common noun — "the minister" — names no one the evidence must quote), or none.
 */
export function quotedSpeaker(question: string): string[] {
  const named = SPEAKER_EN.exec(question)?.[1] ?? SPEAKER_FR.exec(question)?.[1];
  if (!named) return [];
  const parts = named.split(/\s+/).filter((w) => !NAME_PARTICLE.test(w));
  // A person's name: every word capitalised, none an acronym ("IOM's Director General" is a role, not a name).
  if (!parts.every((w) => /^\p{Lu}[\p{Ll}'’.-]/u.test(w))) return [];
  // The surname names the speaker whatever precedes it in either language ("Director General Amy Pope" is quoted as
  // "a déclaré la Directrice générale Amy Pope"). Evidence tokens leave out function words and split a hyphenated
  // surname ("Smith-Jones") in two: so does the speaker.
  return fold(parts.at(-1)!.replace(/['’]s$/u, '')).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !isStopword(w));
}

// A release named by what it is about: "the Belgium release", "the 2020 EEAS press release about the meeting", "in
// its April statement", "selon le communiqué sur l'accord belge", "dans le communiqué où l'OIM salue le Pacte". The
// words before the document noun (English) and after it, up to a comma or the end, describe it. Document nouns and
// function words of French and English only.
const DESCRIBED_RELEASE = new RegExp(
  [
    String.raw`(?<!\p{L})(?:the|this|that|its|their|his|her)\s+((?:[\p{L}\p{N}'’.-]+\s+){0,5}?)(?:press\s+)?(?:releases?|statements?|communiqu[ée]s?)(?:\s+(?:about|on|of|concerning|covering|where|in which|that|which)\s+([^,;:?]+))?`,
    String.raw`(?<!\p{L})(?:le|ce|son|leur|du|au)\s+(?:communiqué|texte)((?:\s+(?!(?:sur|où|qui|consacré|relatif|concernant|de|du|des)(?!\p{L}))[\p{L}-]+){0,2})(?:\s+(?:sur|où|qui|consacré à|relatif à|concernant|de|du|des)\s+([^,;:?]+))?`,
  ].join('|'),
  'giu',
);

const SECOND_RELEASE = /(?<!\p{L})(?:and|et)\s+(?:in|dans|the other|celui|celle|l['’]autre)(?!\p{L})/iu;

/**
 * The folded content words that say which release a question asks about (see `DESCRIBED_RELEASE`); none when it
 * describes no release, or two ("in the Luxembourg release and in the 2020 one": each part is another document).
 */
export function releaseDescription(question: string): string[] {
  const texts = [...question.matchAll(DESCRIBED_RELEASE)].map((m) => m.slice(1).filter((g): g is string => !!g).join(' '));
  // "dans le communiqué sur X et dans celui sur Y" describes two.
  if (texts.some((t) => SECOND_RELEASE.test(t))) return [];
  const described = texts.map((text) => words(text).filter((w) => !isStopword(w)));
  const one = described.filter((w) => w.length > 0);
  return one.length === 1 ? [...new Set(one[0])] : [];
}

// Pronouns that stand for a person, folded, in English and French.
const PERSON_PRONOUN = /\b(?:he|she|him|her|his|hers|lui)\b/u;
// Pronouns of French and English that stand for a person or a thing (closed classes).
const AMBIGUOUS_PRONOUN = /\b(?:il|elle|ils|elles|son|sa|ses|leur|leurs|they|them|their)\b/u;

/**
 * Analyses a question once: its answer type and focus, its key terms with every form that may express them
 * (own stem, glossary equivalents, dictionary translations, thesaurus synonyms), the numbers it states, and for a
 * follow-up, the previous question's terms at a lower weight (what "it", "la", "et quand ?" refer to).
 */
export function analyseQuestion(
  input: { question: string; language: AnswerLanguage; history?: Turn[] },
  expand: (text: string) => ExpandedQuery,
  knowledge: LexicalKnowledge,
): QuestionAnalysis {
  const { type, focus, focusText, plural } = answerTypeOf(input.question, input.language, knowledge);
  const focusWord = focus ? fold(focus) : null;
  // The glossary's names are found once: for the terms, and for where the question writes them (`nameSpans`).
  const glossaryMatches = findGlossaryTerms(knowledge.glossary, input.question);
  const terms = termsOf(input.question, input.language, expand(input.question), knowledge, false, focusWord, glossaryMatches);
  // "Which year", "quelle ville": a noun that only names the kind of answer is not a word the evidence must contain.
  const focusKind = focus ? nounType(focus, input.language, knowledge) : null;
  const typeNoun = focus && NOUN_NAMES_TYPE[type]?.includes(focusKind ?? 'other');
  // Its adjectives qualify the kind of answer too ("what exact calendar date"): no word of the phrase is the topic.
  const typePhrase = new Set(typeNoun && focusText ? words(focusText) : []);
  // A name among them still says which one ("which Belgian city").
  if (typeNoun) for (const term of terms) if (term.isFocus || (!term.isName && term.words.every((w) => typePhrase.has(w)))) Object.assign(term, { isFocus: false, isMeta: true });
  // A classifier says what kind of thing is asked, not what it is ("kind" in "what kind of help").
  const classifiers = new Set([...input.question.matchAll(CLASSIFIER_OF)].map((m) => fold(m[0].trim().split(/[\s'’]+/u)[0]!)));
  for (const term of terms) if (term.words.length === 1 && classifiers.has(term.words[0]!)) Object.assign(term, { isFocus: false, isMeta: true });
  // It asks for a kind of the noun that follows: a kind WordNet lists under it answers ("conférence ministérielle"
  // for "what kind of meeting").
  if (classifiers.size > 0) for (const term of terms) if (term.isFocus && !term.fromHistory) addNarrowerForms(term, input.language, knowledge);
  // The noun of "avoir lieu" / "take place" says that something happened, not what: no text writes it for "se tenir".
  const idiom = new Set([...normalise(input.question).matchAll(HAPPEN_IDIOMS)].map((m) => fold(m[1] ?? m[2]!)));
  for (const term of terms) if (term.words.length === 1 && idiom.has(term.words[0]!)) Object.assign(term, { isFocus: false, isMeta: true });
  const previous = [...(input.history ?? [])].reverse().find((t) => t.role === 'user' && t.content.trim());
  const followUp = !!previous && isFollowUp(input.question);
  // Terms of an earlier turn join the question's at the history's weight, unless the question already has their words.
  const addHistoryTerms = (text: string) => {
    const own = new Set(terms.flatMap((t) => t.words));
    for (const term of termsOf(text, input.language, expand(text), knowledge, true, null)) {
      if (!term.words.some((w) => own.has(w))) terms.push({ ...term, isName: false, isProperName: false, isNumber: false, isOrdinal: false });
    }
  };
  if (previous && followUp) addHistoryTerms(previous.content);
  // "How did she describe it?", "Et comment il voit l'OIM, lui ?": a pronoun for a person stands for the person the
  // previous answer named (the question asked "who"; its answer says whom).
  const answered = [...(input.history ?? [])].reverse().find((t) => t.role === 'assistant' && t.content.trim());
  // A pronoun that may stand for a thing or a person ("son numéro", "elle") stands for the person when the previous
  // question asked who.
  const folded = fold(input.question);
  const askedWho = () => answerTypeOf(previous!.content, input.language, knowledge).type === 'person';
  if (followUp && answered && (PERSON_PRONOUN.test(folded) || (AMBIGUOUS_PRONOUN.test(folded) && askedWho()))) {
    // Read sentence by sentence: a name that ends one is not continued by the next one's first word ("Amy Pope. She…").
    const person = answered.content.split(/(?<=[.!?])\s+/u).flatMap((s) => personSpans(s, (w) => isCommonWord(knowledge, w)))[0]?.text;
    if (person) addHistoryTerms(person);
  }
  const numbers = requiredNumbers(input.question);
  const q = normalise(input.question);
  // "What exact calendar date": the noun that ends the phrase asks for a day, whatever adjectives come before it.
  const datePrecision = type !== 'date' ? null : YEAR_ASKED.test(q) ? 'year' : DAY_ASKED.test(q) || DAY_NOUNS.has(focusWord ?? '') ? 'day' : null;
  return { question: input.question, language: input.language, type, plural, focusText, terms, numbers, followUp, datePrecision, speaker: quotedSpeaker(input.question), speakerRole: speakerOfKind(speakerRole(input.question), input.language, knowledge), focusKind, documentWords: releaseDescription(input.question), nameSpans: glossaryNameSpans(input.question, glossaryMatches) };
}
