import { createGlossary, domainGlossary, type Glossary, type GlossaryEntry } from './glossary.js';
import type { NounClasses } from './noun-classes.js';
import type { Pertainyms } from './pertainyms.js';
import type { SpeechVerbs } from './speech-verbs.js';
import type { Thesaurus } from './thesaurus.js';

/**
 * The open lexical resources the answer pipeline matches words with, each optional but the glossary: a
 * dictionary (FreeDict), the domain glossary, thesauri (MyThes) and WordNet noun classes. Node loads them from
 * files; on Workers or without the packages they are absent and matching falls back to stems and cognates.
 */
export interface LexicalKnowledge {
  glossary: Glossary;
  /** Dictionary translations of a folded word (both directions). */
  translate: (word: string) => string[];
  /** Whether a folded word is a dictionary headword as written (no stemming): cheap enough to test many spellings. */
  isHeadword: (word: string) => boolean;
  thesaurus: Thesaurus | null;
  nounClasses: NounClasses | null;
  /** English verbs of saying (WordNet), for a claim that reports what someone said. */
  speechVerbs?: SpeechVerbs | null;
  /** English adjectives of a noun (WordNet pertainyms: "Belgium" → "Belgian"), for a country the text names by its
   * adjective ("le gouvernement belge"). */
  pertainyms?: Pertainyms | null;
}

/** Whether a folded word is a dictionary word of French or English (names are not): for telling names from offices. */
export function isCommonWord(knowledge: LexicalKnowledge, word: string): boolean {
  return knowledge.translate(word).length > 0 || (knowledge.thesaurus?.synonyms(word).length ?? 0) > 0;
}

/** Whether a folded word has a common-noun sense: a dictionary translation in lower case. "Etats" (states) has;
 * "Bruxelles" (Brussels) and "Genève" (Geneva) have only capitalised ones, as names do. */
export function hasCommonSense(knowledge: LexicalKnowledge, word: string): boolean {
  return knowledge.translate(word).some((t) => t[0] !== undefined && t[0] === t[0].toLowerCase());
}

/** Knowledge with the given parts; the rest empty (the bundled glossary always). */
export function lexicalKnowledge(parts: Partial<LexicalKnowledge> = {}): LexicalKnowledge {
  return { glossary: domainGlossary, translate: () => [], isHeadword: () => false, thesaurus: null, nounClasses: null, ...parts };
}

/** The glossary with the acronyms a corpus defines added (mined at index time: see `mineAcronyms`). */
export function withAcronyms(glossary: Glossary, acronyms: GlossaryEntry[]): Glossary {
  return acronyms.length ? createGlossary([...glossary.entries, ...acronyms]) : glossary;
}

/**
 * Knowledge whose corpus acronyms follow the index: `refresh` takes the acronyms of the index served after
 * documents were added or removed or the corpus rebuilt (each index stores its own, mined when it was written),
 * and every holder of `knowledge` (answerer, claim checker) sees the new glossary on its next question.
 */
export function corpusKnowledge(base: LexicalKnowledge, acronyms: GlossaryEntry[]) {
  let glossary = withAcronyms(base.glossary, acronyms);
  const knowledge: LexicalKnowledge = {
    ...base,
    get glossary() {
      return glossary;
    },
  };
  return {
    knowledge,
    refresh(next: GlossaryEntry[]) {
      glossary = withAcronyms(base.glossary, next);
    },
  };
}
