import { afterAll, describe, expect, it } from 'vitest';
import type { KeyTerm } from '../../src/answer/analyse-question.js';
import { answerPolicy } from '../../src/answer/answer-policy.js';
import { documentUnits } from '../../src/answer/evidence-units.js';
import { coverage, type WeightedTerm } from '../../src/answer/score-evidence.js';
import { createEvidenceTranslator } from '../../src/answer/translate-evidence.js';
import type { CorpusDocument } from '../../src/corpus/load-corpus.js';
import { createApertiumTranslator } from '../../src/translate/apertium-translator.js';
import { createNoTranslator, type Translator } from '../../src/translate/translator.js';
import { stem } from '../../src/text/terms.js';
import { apertiumDir, apertiumInstalled } from '../helpers/apertium.js';

// A real process chain whose stand-in "engine" turns two French words into English ones (one hop per pair stage).
const engine = createApertiumTranslator({ dir: '/nonexistent', stagesOf: () => [['sed', '-u', '-z', 's/puits/wells/g; s/forés/drilled/g']] });
afterAll(() => engine.close());

/** The engine, counting the texts it is asked for. */
function counting(translator: Translator) {
  const counter = { texts: 0 };
  const wrapped: Translator = { ...translator, translate: (texts, from, to, options) => ((counter.texts += texts.length), translator.translate(texts, from, to, options)) };
  return { wrapped, counter };
}

const document = (id: string, language: string, text: string): CorpusDocument => ({ id, title: id, date: null, language, text, hash: id });
const french = document('fonds-eau.txt', 'fr', 'Le fonds commun a financé le chantier.\n\nDouze puits ont été forés à Kayes en 2024.');
const english = document('appeal.txt', 'en', 'The appeal raised two million dollars.');

const term = (word: string): WeightedTerm => {
  const key: KeyTerm = { words: [word], forms: [{ stems: [stem(word)], kind: 'exact' }], isName: false, isProperName: false, isNumber: false, isOrdinal: false, isFocus: false, fromHistory: false, isMeta: false };
  return { ...key, weight: 1, unknown: false };
};

describe('createEvidenceTranslator', () => {
  it('lets a question word match a sentence in the other language through its machine translation', async () => {
    const translations = await createEvidenceTranslator(engine, 10).prepare([french], 'en');
    const unit = documentUnits(french).find((u) => u.text.includes('puits'))!;
    const terms = [term('wells'), term('drilled')];
    const policy = answerPolicy();
    expect(coverage(terms, unit, policy).value).toBe(0);
    const translated = coverage(terms, unit, policy, translations(french)![unit.position]);
    expect(translated.matches.map((m) => m?.kind)).toEqual(['machine', 'machine']);
    expect(translated.value).toBeCloseTo(policy.matchWeights.machine);
  });

  it.runIf(apertiumInstalled('the evidence-translation test with Apertium'))('finds an English word in the Apertium translation of a French sentence', async () => {
    const apertium = createApertiumTranslator({ dir: apertiumDir });
    try {
      const translations = await createEvidenceTranslator(apertium, 10).prepare([french], 'en');
      // "financé" is no English word: only its translation ("has funded") holds "funded".
      const unit = documentUnits(french).find((u) => u.text.includes('financé'))!;
      expect(coverage([term('funded')], unit, answerPolicy()).matches[0]).toBeNull();
      expect(coverage([term('funded')], unit, answerPolicy(), translations(french)![unit.position]).matches[0]?.kind).toBe('machine');
    } finally {
      await apertium.close();
    }
  });

  it('translates only documents written in the other language', async () => {
    const { wrapped, counter } = counting(engine);
    const translations = await createEvidenceTranslator(wrapped, 10).prepare([french, english], 'en');
    expect(translations(english)).toBeUndefined();
    expect(translations(french)).toHaveLength(documentUnits(french).length);
    expect(counter.texts).toBe(documentUnits(french).length);
  });

  it('translates a document once while it stays among the most recently used', async () => {
    const { wrapped, counter } = counting(engine);
    const evidence = createEvidenceTranslator(wrapped, 1);
    await evidence.prepare([french], 'en');
    await evidence.prepare([french], 'en');
    expect(counter.texts).toBe(documentUnits(french).length);
    // A second French document pushes the first out of a one-document cache: it is translated again.
    await evidence.prepare([document('autre.txt', 'fr', 'Un autre communiqué.')], 'en');
    await evidence.prepare([french], 'en');
    expect(counter.texts).toBe(2 * documentUnits(french).length + 1);
  });

  it('matches nothing when no translator is installed', async () => {
    const translations = await createEvidenceTranslator(createNoTranslator('not installed'), 10).prepare([french], 'en');
    expect(translations(french)).toBeUndefined();
  });
});
