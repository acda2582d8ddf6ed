import { describe, expect, it } from 'vitest';
import { openSpeechVerbs } from '../../src/lexicon/speech-verbs.js';

describe('openSpeechVerbs', () => {
  it('tells verbs of saying from others by their most frequent WordNet sense', () => {
    const verbs = openSpeechVerbs()!;
    try {
      for (const verb of ['say', 'call', 'stress', 'declare', 'describe']) expect(verbs.isSpeechVerb(verb), verb).toBe(true);
      for (const verb of ['take', 'fund', 'welcome', 'establish', 'notaverb']) expect(verbs.isSpeechVerb(verb), verb).toBe(false);
    } finally {
      verbs.close();
    }
  });

  it('is absent without the WordNet database', () => {
    expect(openSpeechVerbs('/nonexistent')).toBeNull();
    expect(openSpeechVerbs(null)).toBeNull();
  });
});
