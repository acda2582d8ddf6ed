import { describe, expect, it } from 'vitest';
import { answerPolicy } from '../../src/answer/answer-policy.js';
import { documentUnits } from '../../src/answer/evidence-units.js';
import { coverage, isCognate, isDerivative, sameWordFamily, type WeightedTerm } from '../../src/answer/score-evidence.js';
import type { CorpusDocument } from '../../src/corpus/load-corpus.js';
import { stem } from '../../src/text/terms.js';

const document = (id: string, language: string, text: string): CorpusDocument => ({ id, title: id, date: null, language, text, hash: id });

/** A weighted question term of one word with the forms that match it (a plain content word unless `flags` say otherwise). */
const term = (word: string, forms: WeightedTerm['forms'], flags: Partial<WeightedTerm> = {}): WeightedTerm => ({
  words: [word], forms, isName: false, isProperName: false, isNumber: false, isOrdinal: false, isFocus: false, fromHistory: false, isMeta: false, weight: 1, unknown: false, ...flags,
});

describe('dictionary translations', () => {
  it('match only text in their language', () => {
    const policy = answerPolicy();
    const note = term('calcule', [{ stems: [stem('calcule')], kind: 'exact' }, { stems: [stem('note')], kind: 'translation', language: 'en' }]);
    const [unit] = documentUnits(document('fr.txt', 'fr', 'Les participants ont pris note des annonces.'));
    const [englishUnit] = documentUnits(document('en.txt', 'en', 'The participants took note of the pledges.'));
    expect(coverage([note], unit!, policy).matches[0]).toBeNull();
    expect(coverage([note], englishUnit!, policy).matches[0]?.kind).toBe('translation');
  });

  it('match a word of another part of speech that starts with the translation, in the translation\'s language only', () => {
    const policy = answerPolicy();
    const building = term('building', [{ stems: [stem('building')], kind: 'exact' }, { stems: [stem('construction')], kind: 'translation', language: 'fr' }]);
    // "construit" and "construction" have different stems; an English text's "construit" is no French verb.
    const [unit] = documentUnits(document('fr.txt', 'fr', 'Les coopératives ont construit trois puits.'));
    const [englishUnit] = documentUnits(document('en.txt', 'en', 'The cooperatives construit three wells.'));
    expect(coverage([building], unit!, policy).matches[0]).toMatchObject({ kind: 'cognate', tokens: [{ word: 'construit' }] });
    expect(coverage([building], englishUnit!, policy).matches[0]).toBeNull();
  });

  it('relate a text word to a term by the term\'s own translations, whatever term of the same word was read before', () => {
    const policy = answerPolicy();
    const [unit] = documentUnits(document('fr.txt', 'fr', 'Les coopératives ont construit trois puits.'));
    // The same word, read in one question without its translation, then in another with it (and the reverse).
    const bare = term('building', [{ stems: [stem('building')], kind: 'exact' }]);
    const translated = term('building', [{ stems: [stem('building')], kind: 'exact' }, { stems: [stem('construction')], kind: 'translation', language: 'fr' }]);
    expect(coverage([bare], unit!, policy).matches[0]).toBeNull();
    expect(coverage([translated], unit!, policy).matches[0]).toMatchObject({ kind: 'cognate', tokens: [{ word: 'construit' }] });
    expect(coverage([{ ...bare }], unit!, policy).matches[0]).toBeNull();
  });
});

describe('word families', () => {
  it('tell a word\'s own forms from an unrelated word that two stemmers cut alike', () => {
    expect(sameWordFamily('aid', 'aide')).toBe(true);
    expect(sameWordFamily('refugees', 'refugies')).toBe(true);
    expect(sameWordFamily('organisation', 'organisee')).toBe(true);
    expect(sameWordFamily('population', 'populistes')).toBe(false);
  });

  it('match a question noun to a form of its verb, beside a translation that begins with another letter', () => {
    const policy = answerPolicy();
    const creation = term('creation', [{ stems: [stem('creation')], kind: 'exact' }, { stems: [stem('fondation')], kind: 'translation', language: 'fr' }]);
    const [unit] = documentUnits(document('fr.txt', 'fr', 'Le fonds fiduciaire a été créé en 2015 par la Commission.'));
    expect(coverage([creation], unit!, policy).matches[0]).toMatchObject({ kind: 'cognate', tokens: [{ word: 'cree' }] });
  });

  it('match a term with more forms than the sentence has stems by its best form, the first of equal weight', () => {
    const policy = answerPolicy();
    const [unit] = documentUnits(document('en.txt', 'en', 'The summit and the conclave drew a large gathering.'));
    const narrower = (words: string[]) => words.map((w) => ({ stems: [stem(w)], kind: 'narrower' as const }));
    const kinds = Array.from({ length: 30 }, (_, i) => `colloquium${i}`);
    const meeting = (order: string[]) => term('meeting', [{ stems: [stem('meeting')], kind: 'exact' }, ...narrower([...kinds, ...order]), { stems: [stem('gathering')], kind: 'synonym' }]);
    expect(coverage([meeting(['summit', 'conclave'])], unit!, policy).matches[0]).toMatchObject({ kind: 'narrower', tokens: [{ word: 'summit' }] });
    expect(coverage([meeting(['conclave', 'summit'])], unit!, policy).matches[0]).toMatchObject({ kind: 'narrower', tokens: [{ word: 'conclave' }] });
  });

  it('do not match a question word to a text word of another family by its stem', () => {
    const policy = answerPolicy();
    const population = term('population', [{ stems: [stem('population')], kind: 'exact' }]);
    const [unit] = documentUnits(document('fr.txt', 'fr', 'Les agendas populistes exploitent la migration.'));
    expect(coverage([population], unit!, policy).matches[0]).toBeNull();
  });

  it('do not match a name to a shorter word ("France" is no "franc")', () => {
    const policy = answerPolicy();
    const france = term('france', [{ stems: [stem('france')], kind: 'exact' }], { isName: true, isProperName: true });
    const [franc] = documentUnits(document('fr.txt', 'fr', 'Chaque franc investi compte.'));
    const [country] = documentUnits(document('fr2.txt', 'fr', 'La France investit dans le fonds.'));
    expect(coverage([france], franc!, policy).matches[0]).toBeNull();
    expect(coverage([france], country!, policy).matches[0]?.kind).toBe('exact');
  });

  it('do not match a thesaurus synonym of a common word to a capitalised word inside a name', () => {
    const policy = answerPolicy();
    const population = term('population', [{ stems: [stem('population')], kind: 'exact' }, { stems: [stem('nation')], kind: 'synonym' }]);
    const [name] = documentUnits(document('fr.txt', 'fr', 'Le ministre a défendu le pacte des Nations unies.'));
    const [common] = documentUnits(document('fr2.txt', 'fr', 'Chaque nation accueille des réfugiés.'));
    const [first] = documentUnits(document('fr3.txt', 'fr', 'Nation et territoire forment un tout.'));
    expect(coverage([population], name!, policy).matches[0]).toBeNull();
    expect(coverage([population], common!, policy).matches[0]?.kind).toBe('synonym');
    expect(coverage([population], first!, policy).matches[0]?.kind).toBe('synonym');
  });

  it('count as cognates words sharing a long prefix, or a short one that is most of both', () => {
    expect(isCognate('venezuelan', 'venezueliens')).toBe(true);
    expect(isCognate('develop', 'developpement')).toBe(true);
    expect(isCognate('venezuala', 'venezueliens')).toBe(true);
    expect(isCognate('population', 'populistes')).toBe(false);
  });
});

describe('isDerivative', () => {
  it('relates a noun of action to the forms of its verb, in French and English', () => {
    for (const [noun, verb] of [['creation', 'creee'], ['adoption', 'adopte'], ['lancement', 'lances'], ['signature', 'signed'], ['organisation', 'organiser']]) expect(isDerivative(noun, verb), `${noun}/${verb}`).toBe(true);
    expect(isDerivative('creee', 'creation')).toBe(true);
  });

  it('relates a noun of the agent to the forms of its verb, in French and English', () => {
    for (const [noun, verb] of [['fondateur', 'fonde'], ['organisatrice', 'organisee'], ['creator', 'created']]) expect(isDerivative(noun, verb), `${noun}/${verb}`).toBe(true);
  });

  it('does not relate words that only share the beginning of a root', () => {
    for (const [a, b] of [['creation', 'credit'], ['station', 'stage'], ['nation', 'naissance'], ['adoption', 'adoptif'], ['fondateur', 'fonds']]) expect(isDerivative(a, b), `${a}/${b}`).toBe(false);
  });
});
