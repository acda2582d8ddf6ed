/**
 * Every threshold and weight of the extractive answer pipeline, in one place. Each has a name, a default and the
 * reason for it; code elsewhere reads them from here. Tuned on the dev split of `npm run eval` only.
 */
export interface AnswerPolicy {
  /**
   * Share of the question's key-term weight that a sentence (read in its passage, see `contextFactor`) must
   * cover to count as evidence. The main refusal threshold: `npm run eval` prints the refusal precision/recall curve
   * over it. Default 0.25: on the dev split it keeps false refusals near 5 % with four near-misses in five refused; the curve is printed by npm run eval.
   */
  minCoverage: number;
  /** How much a term counts when only the sentence's passage or the document's title states it, not the sentence
   * itself (the sentence's own words count 1). Default 0.5: the passage sets the topic, the sentence must state the rest. */
  contextFactor: number;
  /** How much a name of the question counts in a sentence that does not state it when its release's headline (title,
   * dateline and lead) does, against 1 for the sentence's own words. A release names its event or its actors at the
   * top and then leaves them out ("La conférence a été organisée par…" in the release on the Ghent conference): the
   * sentence that answers must not lose to the lead, which states the names and nothing asked. Default 0.8 (dev: fact
   * hit +3 at 0.8 to 1, +2 at 0.75, no refusal changed): below 1, so that of two sentences alike, the one that
   * states the name itself still wins over one of the same release that tells of something else ("Dans le monde,
   * 3 millions de réfugiés…" in the release on Denmark's resettlement). */
  headlineNameFactor: number;
  /** Share of the question's weight that the sentence must cover by its own words, thesaurus synonyms left out.
   * Default 0.2 (dev split: 0.1 refuses fewer near-misses, 0.3 refuses answerable questions): a sentence that
   * states too little of the question is not evidence, whatever its passage is about. */
  minOwnCoverage: number;
  /** How many of the question's heaviest known terms (the counted noun aside) make its topic: the evidence's sentence,
   * passage or title must state one of them. Default 3 (measured on dev: 2 refuses one more near-miss in 37 but three answerable questions in 118). */
  topicTerms: number;
  /** ...or this share of all those terms (by count): a question worded apart from the text ("bankrolling", "deal")
   * may have its heaviest words in no sentence, while the one that answers it states many of its others. Default 0.5
   * (dev: two answerable questions gained and one refusal became a wrong answer, no near-miss answered; 0.4 and 0.34
   * answer one near-miss, 0.6 gains nothing). */
  topicTermShare: number;
  /** How much a match counts, by how it was found. Own word 1; glossary names are exact equivalents (0.95); a
   * dictionary translation may be another sense (0.8); the question's own word in the sentence's machine translation
   * (0.75) is chosen in context but by a rough engine; a cognate shares a long prefix (0.6); a kind of what a
   * "what kind of X" question asks for ("conférence" for "meeting") names the answer, not X itself (0.6); a thesaurus
   * synonym is looser still (0.5). */
  matchWeights: { exact: number; glossary: number; translation: number; machine: number; cognate: number; narrower: number; synonym: number };
  /** Weight multiplier of the noun a question counts or asks for ("délégations" in "combien de délégations"). Default 2. */
  focusWeight: number;
  /** Weight of the previous question's terms in a follow-up, against the new question's 1. Default 0.5. */
  historyWeight: number;
  /** Share of the question's weight held by terms that no indexed chunk contains in any form, above which the
   * question is about something the communiqués never mention ("Brexit", "the Mediterranean"). Default 0.3. */
  maxUnknownShare: number;
  /** Score bonus of a sentence that holds the kind of answer asked for (a number near the counted noun for "how
   * many", a date for "when"…). Default 0.15: enough to win between sentences of close coverage, not over topic. */
  typeBonus: number;
  /** Score bonus for matched terms standing close together (see `compactness`). Default 0.1: breaks ties between
   * sentences of similar coverage in favour of the one that names the terms side by side. */
  proximityWeight: number;
  /** Weight of a sentence's preceding sentence when it is read with it (a sentence that continues the previous one:
   * "Ce chiffre pourrait atteindre…"). Default 0.85: the pair must cover clearly more to be quoted together. */
  pairFactor: number;
  /** Further bonus when that answer is a number with the very noun the question counts ("450 délégués" for "how
   * many delegates", over "23 pays" next to "delegations"). Default 0.1. */
  focusAnswerBonus: number;
  /** Weight of the passage's retrieval score (0..1) in a sentence's score. Default 0.1: a tie-breaker. */
  retrievalWeight: number;
  /** Factor on the score of a line that is not prose (a menu item, a header, a short label). Default 0.5. */
  nonProseFactor: number;
  /** A further quote must score at least this share of the best one's. Default 0.7. */
  extraQuoteRatio: number;
  /** ...and add at least this share of the question's weight that the quotes before it do not cover. Default 0.15. */
  extraQuoteGain: number;
  /** A sentence holding an answer of the asked type replaces the best sentence only when its coverage reaches this
   * share of the best one's. Default 0.85. */
  typedSwitchRatio: number;
  /** For a date, the sentence that holds one must cover at least this share of what the best sentence covers (that
   * one may give no date). Default 0.6 (dev: 4 more near-misses refused, no answerable question lost): below it,
   * the dated sentence tells of another event. (Counts are left out: a count in the other language's release is
   * matched through translations and covers less.) */
  typedFloorRatio: number;
  /** A second document that holds names the question mentions (and the first document lacks) is quoted when its
   * sentence reaches this share of `minCoverage`: the question's terms are split between the two. Default 0.6. */
  completionFactor: number;
  /** Sentences, best first, searched for a short answer of the asked type. Default 24: parsing dates and names is
   * the costly step, and a sentence below the first two dozen does not win with a type bonus anyway. */
  answerSearchDepth: number;
  /** Most quotes in one answer. Default 3. */
  maxQuotes: number;
  /** For a list question, another sentence of any document that covers the question at least this share of what the
   * best sentence covers is quoted as more items, whatever it adds to the terms covered (items are what differs,
   * not the question's words). Default 0.8 (dev: 0.7–0.9 gave the same answers; one list completed). */
  listItemRatio: number;
  /** A refusal suggests a communiqué only when one of its sentences reaches this share of `minCoverage` (and the
   * question is not about something the communiqués never mention): related, though not answering. Default 0.8:
   * near-misses (the right topic, a missing year) get their communiqué, unrelated questions get none. */
  suggestionFactor: number;
  /** Passages whose sentences compete (at least the requested k). Default 16: a wide pool finds the one sentence
   * that holds a fact (dev split: fact hit 0.837 at 12, 0.849 at 16 and 20, no refusal changed; 28 gains a little
   * more but is most of the seeds' 37 chunks); the cost grows linearly with it. */
  sentencePool: number;
  /** How many times `sentencePool` passages are read again when the first pool leaves no sentence of the asked type,
   * or none in a communiqué that names the question's names. Default 2 (dev split: two answerable questions gained,
   * one near-miss lost): the fact may stand in a passage that ranks lower; only such refusals pay for the search. */
  widerPoolFactor: number;
  /** Share of the weight of the words by which a question describes a release ("the Belgium release") that a
   * document's headline (title, dateline and lead) must state for its sentences to be preferred. Default 0.5: a
   * description is often longer than what the title says ("the release on the seventh EU-IOM strategic meeting"). */
  minDescribed: number;
  /** Share of the best candidate's coverage that a sentence of the communiqué the previous answer came from must
   * reach for a follow-up to be answered from that communiqué. Default 0.8: a conversation goes on about the same
   * release, unless the new question is plainly about another. */
  followUpRatio: number;
  /** Documents whose sentences' machine translations are kept for matching (least recently used dropped first).
   * Default 500: a communiqué's translated words take some tens of kilobytes, so the cache stays near 25 MB while
   * holding every document a small corpus's questions touch. */
  translatedDocuments: number;
}

/** The default policy (see each field for the reason of its value). */
export const defaultAnswerPolicy: AnswerPolicy = {
  minCoverage: 0.25,
  contextFactor: 0.5,
  headlineNameFactor: 0.8,
  minOwnCoverage: 0.2,
  topicTerms: 3,
  topicTermShare: 0.5,
  matchWeights: { exact: 1, glossary: 0.95, translation: 0.8, machine: 0.75, cognate: 0.6, narrower: 0.6, synonym: 0.5 },
  focusWeight: 2,
  historyWeight: 0.5,
  maxUnknownShare: 0.3,
  typeBonus: 0.15,
  retrievalWeight: 0.1,
  focusAnswerBonus: 0.1,
  proximityWeight: 0.1,
  pairFactor: 0.85,
  nonProseFactor: 0.5,
  extraQuoteRatio: 0.7,
  extraQuoteGain: 0.15,
  typedSwitchRatio: 0.85,
  typedFloorRatio: 0.6,
  completionFactor: 0.6,
  answerSearchDepth: 24,
  maxQuotes: 3,
  listItemRatio: 0.8,
  suggestionFactor: 0.8,
  sentencePool: 16,
  widerPoolFactor: 2,
  minDescribed: 0.5,
  followUpRatio: 0.8,
  translatedDocuments: 500,
};

/** The policy with some fields overridden, merged once. */
export function answerPolicy(overrides: Partial<AnswerPolicy> = {}): AnswerPolicy {
  return { ...defaultAnswerPolicy, ...overrides, matchWeights: { ...defaultAnswerPolicy.matchWeights, ...overrides.matchWeights } };
}
