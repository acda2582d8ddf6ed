import { analyseQuestion, verbLemmas, type MatchKind, type QuestionAnalysis } from '../answer/analyse-question.js';
import { answerPolicy, type AnswerPolicy } from '../answer/answer-policy.js';
import { documentUnits, tokenize, type EvidenceUnit } from '../answer/evidence-units.js';
import { TITLE } from '../answer/extract-answer.js';
import { gatherEvidence, inContext, pairUnit, type ScoredUnit } from '../answer/gather-evidence.js';
import { eventDay } from '../answer/publication-day.js';
import { documentBag } from '../answer/select-evidence.js';
import { coverage, matchTerm, termStems, tokenBag, unionBag, weighTerms, type Bag, type WeightedTerm } from '../answer/score-evidence.js';
import { createEvidenceTranslator, type UnitTranslations } from '../answer/translate-evidence.js';
import type { CorpusDocument } from '../corpus/load-corpus.js';
import { perDocument } from '../corpus/per-document.js';
import { isCommonWord, lexicalKnowledge, type LexicalKnowledge } from '../lexicon/lexical-knowledge.js';
import type { Passage, Retriever } from '../retrieval/retriever.js';
import { detectAnswerLanguage, type AnswerLanguage } from '../text/detect-language.js';
import type { Translator } from '../translate/translator.js';
import { perText } from '../text/per-text.js';
import { fold, isStopword, stem } from '../text/terms.js';
import { extractDetails, quoteSpans, statesDetail, type Detail, type Evidence } from './claim-details.js';
import { judgeClaim, phraseWords, type Candidate, type Opposites } from './judge-claim.js';
import { splitClaims, withoutMarkers, type ClaimSpan } from './split-claims.js';
import type { CheckedClaim, VerifyInput, VerifyResult } from './types.js';
import { verifyPolicy, type VerifyPolicy } from './verify-policy.js';

/** Dependencies and settings of {@link createVerifier}. */
export interface VerifierDeps {
  /** Dictionaries, glossary, thesauri and noun classes (the Runtime's `knowledge`). */
  knowledge?: LexicalKnowledge;
  /** Thresholds of the checker (see {@link VerifyPolicy}). */
  policy?: Partial<VerifyPolicy>;
  /** How words match and weigh, shared with the answer pipeline (see {@link AnswerPolicy}). */
  answerPolicy?: Partial<AnswerPolicy>;
  /** Machine translation: a claim's own words are also matched in the translation of other-language sentences
   * (as the answer pipeline matches a question's); without it, only dictionaries, glossary and cognates cross. */
  translator?: Translator;
}

/** The words of some sentences' machine translations as one bag; undefined when none is translated. */
function translatedBag(bags: Array<Bag | undefined>): Bag | undefined {
  const present = bags.filter((b): b is Bag => !!b);
  return present.length ? unionBag(present) : undefined;
}

// French and English pronouns and demonstratives that stand for something named before ("120 délégations y ont
// participé", "It was attended by…"): closed-class words of the two languages.
const ANAPHOR = /(?<![\p{L}'’])(?:y|il|ils|elle|elles|celle|celui|ceux|celles|ce|cet|cette|ces|it|they|there|this|these|those|he|she|such)(?![\p{L}'’])/iu;

// A courtesy title that ends a text, before a person's name (the answer pipeline's titles).
const TITLE_BEFORE = new RegExp(`(?:^|\\s)(${TITLE.source})$`, 'u');
// A courtesy title that opens a person's name as a detail holds it ("Dr. Amara Lindqvist").
const TITLE_START = new RegExp(`^${TITLE.source}`, 'u');

/** Whether a sentence's first clause refers back to what an earlier sentence named: then it opens no new topic, even
 * at the start of a paragraph. */
function refersBack(sentence: string): boolean {
  return ANAPHOR.test(sentence.split(/[,;:(]/u)[0]!);
}

/** What a claim's text says, read once (see `readClaim`). */
interface ClaimReading {
  analysis: QuestionAnalysis;
  terms: WeightedTerm[];
  parts: ImplicitParts;
  bag: Bag;
}

/** A claim's parts that a sentence may state otherwise than in the claim's words (see `implicitParts`). */
interface ImplicitParts {
  restatable: Detail[];
  /** Indexes of the terms that are verbs of saying. */
  saying: Set<number>;
  speakers: Detail[];
}

// Words whose opposites and verbs of saying are remembered (the words of claims recur).
const WORDS = 20_000;

/** A communiqué's title with its lead (the first sentence of running text after it) as one unit, the lines between
 * them blanked, and how far apart they stand; null when there is none. Made once per document. */
const titleWithLead = perDocument((document): { unit: EvidenceUnit; quote: string; positions: number[]; length: number } | null => {
  const units = documentUnits(document);
  const title = units.find((u) => u.text === document.title);
  const lead = title && units.find((u) => u.position > title.position && u.prose);
  if (!title || !lead) return null;
  // The lines between them (a dateline, "Press releases") are quoted but state nothing: their details are blanked.
  const paired = pairUnit(document.text, title, lead);
  const [from, to] = [title.end - title.start, lead.start - title.start];
  const unit = { ...paired, text: paired.text.slice(0, from) + paired.text.slice(from, to).replace(/[^\n]/g, ' ') + paired.text.slice(to) };
  return { unit, quote: paired.text, positions: [title.position, lead.position], length: lead.end - title.start };
});

/** A communiqué's title read with its lead (see `titleWithLead`); null when there is none or the two are further
 * apart than `maxLength` (each verifier's policy: the reading is remembered, not the verdict on its length). */
function titleLead(document: CorpusDocument, maxLength: number): { unit: EvidenceUnit; quote: string; positions: number[] } | null {
  const made = titleWithLead(document);
  return made && made.length <= maxLength ? made : null;
}

/** Where a claim's evidence may come from: a fresh search per claim, or fixed passages (those an LLM was given). */
export type EvidenceSource = { search: { k?: number; filters?: VerifyInput } } | { passages: Passage[] };

/**
 * Checks claims against the communiqués: splits a text into claims, finds each claim's evidence sentences in the
 * retrieved passages' documents (scored with the answer pipeline's term analysis, so translations, glossary names,
 * synonyms and cognates count), and judges each claim supported, contradicted (with the detail that differs) or
 * not found. Evidence is quoted verbatim with its offsets.
 */
export function createVerifier(deps: VerifierDeps = {}) {
  const policy = verifyPolicy(deps.policy);
  const matching = answerPolicy(deps.answerPolicy);
  const knowledge = deps.knowledge ?? lexicalKnowledge();
  const common = (w: string) => isCommonWord(knowledge, w);
  const evidenceTranslator = deps.translator ? createEvidenceTranslator(deps.translator, matching.translatedDocuments) : null;

  // The answer pipeline's evidence gathering, without its short-answer search (a claim asks for no answer).
  const gathering: AnswerPolicy = { ...matching, answerSearchDepth: 0 };

  /**
   * The other reading of a gathered sentence: alone when evidence gathering read it with the sentence before it,
   * and with that sentence when it read it alone. Gathering keeps the reading that covers more of the claim, but a
   * claim may be stated by the one sentence (its neighbour adds a rival number) or by the two together (the second
   * says "it" for the first's subject).
   */
  function otherReading(scored: ScoredUnit, terms: WeightedTerm[], document: CorpusDocument, translations?: UnitTranslations): ScoredUnit | null {
    if (scored.unit.headings.length) return null;
    const units = documentUnits(document);
    const translated = translations?.(document);
    const single = units[scored.unit.position]!;
    const before = units[scored.unit.position - 1];
    let unit: EvidenceUnit;
    let bags: Array<Bag | undefined>;
    if (scored.unit.start !== single.start) [unit, bags] = [single, [translated?.[single.position]]];
    else if (before && (!document.text.slice(before.end, single.start).includes('\n') || (before.prose && single.prose && refersBack(single.text))) && single.end - before.start <= policy.maxPairLength) {
      [unit, bags] = [pairUnit(document.text, before, single), [translated?.[before.position], translated?.[single.position]]];
    } else return null;
    const own = coverage(terms, unit, matching, translatedBag(bags));
    return { ...scored, unit, coverage: own, blended: inContext(terms, own, scored.context, matching) };
  }

  /**
   * A communiqué's title read with its lead (the first sentence of running text after it), scored as evidence.
   * Evidence gathering leaves titles out (an answer cites them anyway), but a headline states facts a claim may
   * repeat, and its lead says the rest ("lors de la septième réunion stratégique UE-OIM" … "se sont réunis
   * aujourd'hui en vidéoconférence"). The two are read alone: the title's words are the topic every passage of its
   * communiqué shares, so a passage adds nothing to what they state.
   */
  function titleReading(best: ScoredUnit, terms: WeightedTerm[], document: CorpusDocument, translations?: UnitTranslations): (ScoredUnit & { quote: string }) | null {
    const lead = titleLead(document, policy.maxPairLength);
    if (!lead) return null;
    const translated = translations?.(document);
    const own = coverage(terms, lead.unit, matching, translated && translatedBag(lead.positions.map((p) => translated[p])));
    return { ...best, unit: lead.unit, quote: lead.quote, coverage: own, context: { value: 0, matches: own.matches.map(() => null) }, blended: own.value };
  }

  /** The places a communiqué names where things happen: those of its datelines and those after a preposition of
   * place, as one text and its words. Read once per document. */
  const placesOf = perDocument((document) => {
    const text = document.text.split('\n').flatMap((line) => extractDetails(line, common, knowledge.glossary).filter((d) => d.kind === 'place' && d.locative).map((d) => d.text)).join(' ; ');
    return { text, bag: tokenBag(tokenize(text)) };
  });

  /**
   * A claim's words are conjugated or plural ("instaure", "left"), and the thesaurus lists a word under its lemma
   * only: such a term also matches the synonyms of its lemma. Its weight, from the corpus's frequencies of its forms,
   * is left as it was: loose synonyms are frequent words and would lighten it.
   */
  function withLemmaSynonyms(terms: WeightedTerm[]): WeightedTerm[] {
    const thesaurus = knowledge.thesaurus;
    if (!thesaurus) return terms;
    return terms.map((t) => {
      if (t.isName || t.isNumber || t.words.length !== 1 || t.forms.some((f) => f.kind === 'synonym')) return t;
      const known = new Set(t.forms.map((f) => f.stems.join(' ')));
      const added = thesaurus.synonymsOfForm(t.words[0]!).map(stem).filter((s) => !known.has(s) && !!known.add(s));
      return added.length ? { ...t, forms: [...t.forms, ...added.map((s) => ({ stems: [s], kind: 'synonym' as const }))] } : t;
    });
  }

  /**
   * A claim's terms with the courtesy titles of its persons weighing nothing: "Ms." says nothing the name does not,
   * and the two languages write it otherwise ("Mme", "Dr" without a full stop), so a source sentence would lack it.
   */
  function withoutTitles(text: string, terms: WeightedTerm[]): WeightedTerm[] {
    const titles = new Set(extractDetails(text, common, knowledge.glossary)
      .filter((d) => d.kind === 'person')
      .flatMap((d) => tokenize(`${TITLE_BEFORE.exec(text.slice(0, d.start))?.[1] ?? ''} ${TITLE_START.exec(d.text)?.[0] ?? ''}`).map((t) => t.word)));
    return titles.size ? terms.map((t) => (t.words.length === 1 && titles.has(t.words[0]!) ? { ...t, weight: 0 } : t)) : terms;
  }

  // A claim term with its thesaurus synonyms only, for matching in a machine translation (its own word is matched
  // there already by evidence gathering).
  const synonymTerms = new WeakMap<WeightedTerm, WeightedTerm>();
  const synonymsOf = (t: WeightedTerm) => {
    let own = synonymTerms.get(t);
    if (!own) synonymTerms.set(t, (own = { ...t, forms: t.forms.filter((f) => f.kind === 'synonym') }));
    return own;
  };

  /**
   * What says the opposite of a claim's (folded) word, in French and English: the stems of the English thesaurus's
   * antonyms of the word, of its lemma and of their dictionary translations ("augmenté" → "augmenter" → "increase" →
   * "decrease"), with the antonyms' translations ("diminuer"); and the translations of an antonym that are phrases
   * ("backwards" → "ahead" → "en avant"), when the two words are each other's antonyms.
   */
  const opposites = perText((word): Opposites => {
    const thesaurus = knowledge.thesaurus;
    const forms = thesaurus ? [word, ...verbLemmas(word), ...thesaurus.lemmasOf(word)] : [];
    const first = (w: string) => knowledge.translate(w).slice(0, policy.antonymSenses);
    const own = [...forms, ...forms.flatMap(first)].map(fold);
    const antonyms = new Set(own.flatMap((f) => thesaurus!.antonymsOfForm(f)));
    const stems = new Set([...antonyms, ...[...antonyms].flatMap(first)].filter((w) => !/[\s'’]/u.test(w)).map((w) => stem(fold(w))));
    // A word is not its own opposite (a word and its antonym may share a translation).
    for (const f of forms) stems.delete(stem(f));
    // A phrase has one sense, where a single word's loose senses give it opposites it does not have: every phrase
    // the dictionary gives for an antonym counts, the antonym having the claim's word among its own antonyms.
    const mutual = [...antonyms].filter((a) => thesaurus!.antonymsOfForm(a).some((b) => own.includes(b)));
    const phrases = mutual.flatMap((a) => knowledge.translate(a)).flatMap((t) => {
      const words = phraseWords(t);
      return words.length > 1 && words.some((w) => !isStopword(w)) ? [words] : [];
    });
    return { stems, phrases };
  }, WORDS);

  // Whether a claim's (folded) word is a verb of saying: the claim's own verb (English) or its dictionary
  // translations (French), each with its infinitive. Asked only when there is a list of verbs of saying.
  const isSaying = perText((word) => [word, ...knowledge.translate(word)].flatMap((w) => [w, ...verbLemmas(w)]).some((l) => knowledge.speechVerbs!.isSpeechVerb(l)), WORDS);

  /**
   * What a claim says that a sentence may state otherwise than in the claim's words: its numbers, ranks and dates
   * (with the words they are written in), and its verbs of saying with the people it names (who said it).
   */
  function implicitParts(text: string, terms: WeightedTerm[]): ImplicitParts {
    const details = extractDetails(text, common, knowledge.glossary);
    const restatable = details
      .filter((d) => !d.words && !d.factor)
      .map((d) => ({ ...d, words: d.text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(fold) }));
    const speech = knowledge.speechVerbs;
    const speakers = details.filter((d) => d.kind === 'person');
    const saying = new Set(!speech || !speakers.length ? [] : terms.flatMap((t, i) => {
      // A verb of saying may weigh nothing ("said" is a meta word of questions): it still says the claim reports speech.
      if (t.isName || t.isNumber || t.words.length !== 1) return [];
      return isSaying(t.words[0]!) ? [i] : [];
    }));
    return { restatable, saying, speakers };
  }

  /**
   * Who speaks in a sentence that quotes someone: the names outside its quotation marks; for a sentence of a
   * quotation that runs over several sentences, those of its paragraph ("« … dignes de ce nom », a déclaré X" closes
   * the quote its first sentence opens).
   */
  function speakersOf(unit: EvidenceUnit, document: CorpusDocument): Detail[] {
    if (!/[«»“”"]/u.test(unit.text)) return [];
    const own = quoteSpans(unit.text).length ? extractDetails(unit.text, common, knowledge.glossary).filter((d) => d.speaker) : [];
    if (own.length) return own;
    const text = document.text;
    const end = text.indexOf('\n', unit.end);
    return extractDetails(text.slice(text.lastIndexOf('\n', unit.start) + 1, end < 0 ? text.length : end), common, knowledge.glossary).filter((d) => d.speaker);
  }

  /**
   * A reading with the claim's parts it states otherwise counted as stated: a number, rank or date written
   * otherwise ("120" for "cent vingt", "6" for "six", "octobre 2020" for "aujourd'hui" in a communiqué of
   * 13 October 2020: `dated`) as the claim's own words; a verb of saying ("called", "stressed") as a synonym where
   * the sentence quotes the person the claim names ("« … », a déclaré Amy Pope").
   */
  function withImplicitParts<T extends ScoredUnit>(scored: T, terms: WeightedTerm[], parts: ImplicitParts, speakers: Detail[], dated: Evidence['dated'], translated?: () => Bag | undefined): T & Pick<Candidate, 'machineSynonyms'> {
    const quotesSpeaker = parts.speakers.some((p) => speakers.some((s) => p.words!.every((w) => s.words!.includes(w))));
    // The claim's synonyms in the sentence's machine translation count only where they can lift it to minShown.
    const total = terms.reduce((sum, t) => sum + t.weight, 0);
    const open = terms.reduce((sum, t, i) => sum + (scored.coverage.matches[i] ? 0 : t.weight), 0);
    const machine = scored.blended + (open / total) * matching.matchWeights.synonym >= policy.minShown ? translated?.() : undefined;
    const machineSynonyms = new Set<number>();
    const implied = terms.map((t, i): MatchKind | null => {
      if (scored.coverage.matches[i] || t.weight <= 0) return null;
      if (quotesSpeaker && parts.saying.has(i)) return 'synonym';
      const holder = parts.restatable.find((d) => t.words.every((w) => d.words!.includes(w)));
      if (holder && statesDetail(holder, { text: scored.unit.text, bag: scored.unit, dated }, terms, matching)) return 'exact';
      const kind = machine ? matchTerm(synonymsOf(t), machine, matching)?.kind ?? null : null;
      if (kind) machineSynonyms.add(i);
      return kind;
    });
    if (!implied.some(Boolean)) return scored;
    const matches = scored.coverage.matches.map((m, i) => m ?? (implied[i] ? { kind: implied[i]!, tokens: [] } : null));
    const own = { value: terms.reduce((sum, t, i) => sum + (matches[i] ? t.weight * matching.matchWeights[matches[i]!.kind] : 0), 0) / total, matches };
    return { ...scored, coverage: own, blended: inContext(terms, own, scored.context, matching), ...(machineSynonyms.size ? { machineSynonyms } : {}) };
  }

  /** The passages' sentences (and their communiqués' titles) scored as evidence of the claim, each alone and with
   * the one before it, most covering (read in its passage) first. */
  function candidatesOf(analysis: QuestionAnalysis, terms: WeightedTerm[], parts: ImplicitParts, passages: Passage[], documents: Map<string, CorpusDocument>, translations?: UnitTranslations): Candidate[] {
    const gathered = gatherEvidence(analysis, terms, passages, documents, gathering, { translations });
    const titled = new Set<string>();
    return gathered
      .flatMap((scored) => {
        const document = documents.get(scored.unit.docId)!;
        // The other reading covers at most a little more than this one (gathering kept the better of the two, a pair
        // weighed at the answer policy's pairFactor): below minShown, neither can support or contradict the claim.
        const readings = [scored, scored.blended >= policy.minShown ? otherReading(scored, terms, document, translations) : null];
        // The first gathered sentence of a communiqué is its best: its passage is the title's context.
        if (!titled.has(document.id)) {
          titled.add(document.id);
          readings.push(titleReading(scored, terms, document, translations));
        }
        const translated = translations?.(document);
        // The machine translation of a reading: of the sentences it spans.
        const machineOf = (s: ScoredUnit) => () => translated && translatedBag(documentUnits(document).flatMap((u) => (u.start >= s.unit.start && u.end <= s.unit.end ? [translated[u.position]] : [])));
        return readings.filter((r): r is ScoredUnit & { quote?: string } => !!r).map((s) => {
          const speakers = parts.saying.size ? speakersOf(s.unit, document) : [];
          const dated = eventDay(s.unit.text, document);
          return { ...withImplicitParts(s, terms, parts, speakers, dated, machineOf(s)), document: documentBag(document), places: placesOf(document), speakers, dated };
        });
      })
      .sort((a, b) => b.blended - a.blended || b.passage.score - a.passage.score);
  }

  // What a claim's text says, read once per retriever (a reindex brings a new one) and corpus build: the same
  // sentence comes back across requests (a text checked again, an answer's sentences) and across the claims of an
  // eval. Its terms keep their identity, so the answer pipeline's per-term caches (cognates) stay warm too.
  const readings = new WeakMap<Retriever, Map<string, Promise<ClaimReading | null>>>();

  /** A claim's analysis, weighted terms, implicit parts and words; null when it states nothing checkable (too few
   * weighted words). Remembered per retriever, the least recently used forgotten past `policy.claimCache`. */
  async function readClaim(text: string, language: AnswerLanguage, retriever: Retriever): Promise<ClaimReading | null> {
    const stats = await retriever.corpus.stats();
    let known = readings.get(retriever);
    if (!known) readings.set(retriever, (known = new Map()));
    const key = `${language}\u0000${stats.chunks}\u0000${stats.builtAt ?? ''}\u0000${text}`;
    let reading = known.get(key);
    if (reading) known.delete(key);
    else {
      reading = (async () => {
        const analysis = analyseQuestion({ question: text, language }, (q) => retriever.expand(q), knowledge);
        const frequencies = await retriever.corpus.documentFrequencies(termStems(analysis));
        const terms = withoutTitles(text, withLemmaSynonyms(weighTerms(analysis, frequencies, stats.chunks, matching)));
        if (terms.filter((t) => t.weight > 0).length < policy.minClaimTerms) return null;
        return { analysis, terms, parts: implicitParts(text, terms), bag: tokenBag(tokenize(text)) };
      })();
      // A failed reading (a store error) is not remembered.
      reading.catch(() => known.delete(key));
    }
    known.set(key, reading);
    if (known.size > policy.claimCache) known.delete(known.keys().next().value!);
    return reading;
  }

  /** Checks one claim; null when it states nothing checkable (too few weighted words). */
  async function checkClaim(claim: ClaimSpan, language: AnswerLanguage, retriever: Retriever, source: EvidenceSource): Promise<CheckedClaim | null> {
    const text = withoutMarkers(claim.text);
    const passages = 'passages' in source
      ? source.passages
      : await retriever.search(text, { k: source.search.k ?? policy.passages, filters: { sources: source.search.filters?.sources, from: source.search.filters?.from, to: source.search.filters?.to } });
    const [reading, documents] = await Promise.all([
      readClaim(text, language, retriever),
      retriever.corpus.getDocuments([...new Set(passages.map((p) => p.chunk.docId))]),
    ]);
    if (!reading) return null;
    const { analysis, terms, parts, bag } = reading;
    const translations = await evidenceTranslator?.prepare(documents.values(), language);
    const candidates = candidatesOf(analysis, terms, parts, passages, documents, translations);
    const judged = judgeClaim(text, bag, candidates, { terms, answerPolicy: matching, policy, glossary: knowledge.glossary, isCommonWord: common, reportsSpeech: parts.saying.size > 0, opposites });
    return { text: claim.text, start: claim.start, end: claim.end, ...judged };
  }

  /**
   * Checks every claim of a text; sentences that state nothing checkable are left out. Without a given language,
   * each claim is read in its own (a pasted text may mix French and English); `detected` is the whole text's
   * language when the caller has detected it already.
   */
  async function checkText(text: string, language: AnswerLanguage | 'auto', retriever: Retriever, source: EvidenceSource, detected?: AnswerLanguage): Promise<CheckedClaim[]> {
    const claims: CheckedClaim[] = [];
    const textLanguage = language === 'auto' ? detected ?? detectAnswerLanguage(text) : language;
    for (const span of splitClaims(text, textLanguage)) {
      const checked = await checkClaim(span, language === 'auto' ? detectAnswerLanguage(withoutMarkers(span.text)) : language, retriever, source);
      if (checked) claims.push(checked);
    }
    return claims;
  }

  /** `POST /api/verify`: the text's claims, each checked against passages retrieved for it. */
  async function verify(input: VerifyInput, retriever: Retriever): Promise<VerifyResult> {
    const started = performance.now();
    const language: AnswerLanguage = !input.language || input.language === 'auto' ? detectAnswerLanguage(input.text) : input.language;
    const claims = await checkText(input.text, input.language ?? 'auto', retriever, { search: { filters: input } }, language);
    return { language, claims, timings: { totalMs: Math.round((performance.now() - started) * 10) / 10 } };
  }

  return { verify, checkText, policy };
}

/** A verifier built by {@link createVerifier}. */
export type Verifier = ReturnType<typeof createVerifier>;
