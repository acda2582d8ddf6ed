import { createGlossary, domainGlossary, type Glossary } from './glossary.js';
import { mineAcronyms } from './mine-acronyms.js';
import type { NounClasses } from './noun-classes.js';
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
  thesaurus: Thesaurus | null;
  nounClasses: NounClasses | null;
}

/** Whether a folded word is a dictionary word of French or English (names are not): for telling names from offices. */
export function isCommonWord(knowledge: LexicalKnowledge, word: string): boolean {
  return knowledge.translate(word).length > 0 || (knowledge.thesaurus?.synonyms(word).length ?? 0) > 0;
}

/** Knowledge with the given parts; the rest empty (the bundled glossary always). */
export function lexicalKnowledge(parts: Partial<LexicalKnowledge> = {}): LexicalKnowledge {
  return { glossary: domainGlossary, translate: () => [], thesaurus: null, nounClasses: null, ...parts };
}

/** The knowledge with the acronyms the corpus defines added to its glossary (see `mineAcronyms`). */
export function withCorpusAcronyms(knowledge: LexicalKnowledge, documents: Iterable<{ text: string; language: string }>): LexicalKnowledge {
  const mined = mineAcronyms(documents, knowledge.translate);
  return mined.length ? { ...knowledge, glossary: createGlossary([...knowledge.glossary.entries, ...mined]) } : knowledge;
}

/**
 * Knowledge whose corpus acronyms follow the corpus: `refresh` mines them again after documents are added or
 * removed, and every holder of `knowledge` (answerer, claim checker) sees the new glossary on its next question.
 */
export function corpusKnowledge(base: LexicalKnowledge, documents: Iterable<{ text: string; language: string }>) {
  let current = withCorpusAcronyms(base, documents);
  const knowledge: LexicalKnowledge = {
    ...base,
    get glossary() {
      return current.glossary;
    },
  };
  return {
    knowledge,
    refresh(next: Iterable<{ text: string; language: string }>) {
      current = withCorpusAcronyms(base, next);
    },
  };
}
