/**
 * Every threshold and weight of the claim checker, in one place. Each has a name, a default and the reason for it;
 * code elsewhere reads them from here. How words match (translations, glossary, synonyms, cognates) and how they
 * are weighed comes from the answer pipeline's {@link AnswerPolicy}, so that a claim and a question are read alike.
 * Tuned on the dev split of eval/claims.jsonl and on the claims written about the second corpus
 * (test/fixtures/corpus-b-claims.jsonl) only.
 */
export interface VerifyPolicy {
  /** Share of the claim's weighted terms that one evidence sentence (or a sentence read with the one before it),
   * read in its passage, must state for the claim to be supported, all its details (numbers, dates, names) included.
   * Terms only the passage states count at the answer policy's `contextFactor`. Default 0.5: on the dev split,
   * 0.5 was best (accuracy 0.90, whatever `minAligned` from 0.4 to 0.5); each 0.05 above loses a supported paraphrase or
   * translation that the dictionaries cover only in part. */
  minSupport: number;
  /** Share of the claim's weight the sentence must state by its own words, whatever its passage says. A sentence
   * that only shares the communiqué's topic with the claim supports nothing. Default 0.4 (dev: 0.3 calls one
   * invention supported). A contradicting sentence must reach it too; a number of the same counted thing there
   * counts as stating the claimed one (in a short claim the number is most of the weight: "Some 900 delegates took
   * part in the forum"). */
  minOwnSupport: number;
  /** Share of the claim's weight, leaving out the terms of the details that differ, that a sentence must state to
   * be "about the same thing": below it, a sentence with another number is another fact, not a contradiction.
   * Default 0.45, the middle of the dev split's plateau (0.4–0.5). */
  minAligned: number;
  /** Share of what a claim says of the people it names (the weight of its terms but those of the persons and
   * numbers: offices, bodies, places, verbs) that a supporting sentence must state by its own words, in any way (a
   * translation as much as the claim's own word) but a synonym of a word of its machine translation (a loose sense of
   * a machine's word: "office" for the "States" of "États membres"). A sentence that names the person, with the rest of the claim only in
   * its passage, does not say it of them (a contact line in a passage about the claim's agreement). Default 0.45: on
   * dev-10, 0.45–0.65 decide alike; 0.55 no longer supports "Hélène Marchetti's closing speech was given in Kisumu"
   * on the second corpus, 0.65 loses three claims of the dev split. */
  minOwnPredicate: number;
  /** How much more of what the claim says besides its names and numbers (its predicate) another sentence must state,
   * by its own words, than the supporting one, for a detail it gives in its place to contest the support: a
   * contact line that only names the claim's person ("Contact : M. X") gives way to "a indiqué M. Y, coordonnateur
   * du programme" for "X est le coordonnateur du programme". Default 0.3: on the second corpus's claims, 0.2 to 0.5
   * decide alike (the dev split has no such claim); a small margin would let a near tie overturn a support. */
  contestMargin: number;
  /** Share of the claim's weight a sentence must state to be shown as the nearest evidence of a claim that is not
   * found. Below it, nothing is shown: a loose match would suggest support that is not there. Default 0.3. */
  minShown: number;
  /** A negation of the evidence negates the words that follow it (the verb of "ne … pas" is inside it): it counts
   * only when a word the claim matched stands within this many characters after it (about ten words). A "cannot"
   * in a relative clause after the claim's words ("… cisterns that cannot be emptied") denies something else.
   * Default 60. */
  negationWindow: number;
  /** A source detail contradicts a claimed one only within this many characters of the source words matching the
   * claim's words around that detail (the "same slot"); further away it is another fact of the sentence.
   * Default 60 (about ten words: "la Conférence ministérielle sur l'opérationnalisation du Pacte à Gand"): on the
   * dev split, 55 to 70 decide alike; 40–50 miss a place named after a long noun phrase, 80 loses a claim. */
  slotWindow: number;
  /** Dictionary translations of a word read for its antonyms, and of an antonym read for its translations (the
   * dictionary lists a word's commonest senses first). A claim's word whose antonym stands in its place in a source
   * sentence, the source's word having the claim's among its own antonyms, says the opposite ("augmenté" for
   * "diminué"). Default 2: with every translation, loose senses give words an opposite they do not have in the
   * sentence; dev and the second corpus decide alike from 2 to 4. A translation that is a phrase ("en avant") has one
   * sense: it counts whatever its rank, when the antonym has the claim's word among its own antonyms. */
  antonymSenses: number;
  /** Passages retrieved per claim for `/api/verify`; their documents' sentences compete. Default 8: the sentence
   * that states a fact is often in the third or fifth passage of a claim written in the other language. */
  passages: number;
  /** Most evidence spans per claim. Default 2: the best sentence and one that states it too. */
  maxEvidence: number;
  /** A further evidence span must state at least this share of the best one's coverage. Default 0.8. */
  extraEvidenceRatio: number;
  /** Longest pair of sentences read together as one candidate, in characters (the answer pipeline's limit). Default 900. */
  maxPairLength: number;
  /** Shortest claim: a sentence with fewer weighted content words states no checkable fact ("Voici :"). Default 2. */
  minClaimTerms: number;
  /** Claims whose reading (analysis, weighted terms) is remembered per retriever, the least recently used forgotten
   * first. Default 2000: a few hundred kilobytes; an answer's or a pasted text's sentences come back when checked
   * again, and reading a claim (its part-of-speech tagging) is a quarter of checking it. Not a threshold of the
   * verdicts: any size decides alike. */
  claimCache: number;
}

/** The default policy (see each field for the reason of its value). */
export const defaultVerifyPolicy: VerifyPolicy = {
  minSupport: 0.5,
  minOwnSupport: 0.4,
  minOwnPredicate: 0.45,
  minAligned: 0.45,
  contestMargin: 0.3,
  minShown: 0.3,
  negationWindow: 60,
  slotWindow: 60,
  antonymSenses: 2,
  passages: 8,
  maxEvidence: 2,
  extraEvidenceRatio: 0.8,
  maxPairLength: 900,
  minClaimTerms: 2,
  claimCache: 2000,
};

/** The policy with some fields overridden, merged once. */
export function verifyPolicy(overrides: Partial<VerifyPolicy> = {}): VerifyPolicy {
  return { ...defaultVerifyPolicy, ...overrides };
}
