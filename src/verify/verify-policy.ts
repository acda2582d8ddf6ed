/**
 * Every threshold and weight of the claim checker, in one place. Each has a name, a default and the reason for it;
 * code elsewhere reads them from here. How words match (translations, glossary, synonyms, cognates) and how they
 * are weighed comes from the answer pipeline's {@link AnswerPolicy}, so that a claim and a question are read alike.
 * Tuned on the dev split of eval/claims.jsonl only.
 */
export interface VerifyPolicy {
  /** Share of the claim's weighted terms that one evidence sentence (or a sentence read with the one before it),
   * read in its passage, must state for the claim to be supported, all its details (numbers, dates, names) included.
   * Terms only the passage states count at the answer policy's `contextFactor`. */
  minSupport: number;
  /** Share of the claim's weight the sentence must state by its own words, whatever its passage says. A sentence
   * that only shares the communiqué's topic with the claim supports nothing. */
  minOwnSupport: number;
  /** Share of the claim's weight, leaving out the terms of the details that differ, that a sentence must state to
   * be "about the same thing": below it, a sentence with another number is another fact, not a contradiction. */
  minAligned: number;
  /** Share of the claim's weight a sentence must state to be shown as the nearest evidence of a claim that is not
   * found. Below it, nothing is shown: a loose match would suggest support that is not there. */
  minShown: number;
  /** A negation is read in the evidence only this many characters around the words the claim matched: a "not"
   * elsewhere in a long sentence is about something else. */
  negationWindow: number;
  /** A source detail contradicts a claimed one only within this many characters of the source words matching the
   * claim's words around that detail (the "same slot"); further away it is another fact of the sentence. */
  slotWindow: number;
  /** Passages retrieved per claim for `/api/verify`; their documents' sentences compete. */
  passages: number;
  /** Most evidence spans per claim. */
  maxEvidence: number;
  /** A further evidence span must state at least this share of the best one's coverage. */
  extraEvidenceRatio: number;
  /** Factor on a sentence pair's coverage (a sentence read with the one before it): the pair must state clearly
   * more than the sentence alone to be quoted whole. */
  pairFactor: number;
  /** Shortest claim: a sentence with fewer weighted content words states no checkable fact ("Voici :"). */
  minClaimTerms: number;
}

/** The default policy (see each field for the reason of its value). */
export const defaultVerifyPolicy: VerifyPolicy = {
  minSupport: 0.6,
  minOwnSupport: 0.4,
  minAligned: 0.5,
  minShown: 0.3,
  negationWindow: 60,
  slotWindow: 40,
  passages: 8,
  maxEvidence: 2,
  extraEvidenceRatio: 0.8,
  pairFactor: 0.9,
  minClaimTerms: 2,
};

/** The policy with some fields overridden, merged once. */
export function verifyPolicy(overrides: Partial<VerifyPolicy> = {}): VerifyPolicy {
  return { ...defaultVerifyPolicy, ...overrides };
}
