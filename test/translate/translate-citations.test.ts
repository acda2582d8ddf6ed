import { afterAll, describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/types.js';
import { createApertiumTranslator } from '../../src/translate/apertium-translator.js';
import { translateCitations } from '../../src/translate/translate-citations.js';
import { paragraphSpans, translateDocument } from '../../src/translate/translate-document.js';
import { apertiumDir, apertiumInstalled } from '../helpers/apertium.js';

// A real process chain whose stand-in "engine" marks what it was given, so that what was translated shows.
const marking = createApertiumTranslator({ dir: '/nonexistent', stagesOf: () => [['sed', '-u', '-z', 's/^/T: /']] });
const real = createApertiumTranslator({ dir: apertiumDir });
afterAll(() => Promise.all([marking.close(), real.close()]));

const citation = (n: number, quote: string): Citation => ({ n, source: `doc-${n}`, title: `Titre ${n}`, date: null, quote, chunkId: `doc-${n}#0`, start: 0, end: quote.length, score: 1 });
const french = "L'Organisation internationale pour les migrations a ouvert un bureau à Bruxelles pour aider les réfugiés.";
const english = 'The International Organization for Migration opened an office in Brussels to help refugees.';

describe('translateCitations', () => {
  it('adds a translation to the citations in the other language only, leaving every quote verbatim', async () => {
    const citations = [citation(1, french), citation(2, english)];
    const translated = await translateCitations(marking, citations, 'en');
    // Two hops (fr-es, spa-eng), each marked by the stand-in.
    expect(translated[0]).toEqual({ ...citations[0], translation: { text: `T: T: ${french}`, engine: 'apertium' }, titleTranslation: 'T: T: Titre 1' });
    expect(translated[1]).toEqual(citations[1]);
    const intoFrench = await translateCitations(marking, citations, 'fr');
    expect(intoFrench.map((c) => c.translation?.text)).toEqual([undefined, `T: T: ${english}`]);
  });

  it('takes the document language from the caller when given', async () => {
    // Too short to detect; the caller knows (the chunk's language). The glossary then writes IOM as French readers know it.
    const citations = [citation(1, 'HCR'), citation(2, 'IOM')];
    const translated = await translateCitations(marking, citations, 'fr', { languageOf: (c) => (c.n === 2 ? 'en' : 'fr') });
    expect(translated.map((c) => c.translation?.text)).toEqual([undefined, 'T: T: OIM']);
  });

  it('translates the title of each foreign citation once, for every citation of that communiqué', async () => {
    const calls: string[][] = [];
    const counting = { ...marking, translate: (texts: readonly string[], from: 'fr' | 'en', to: 'fr' | 'en') => (calls.push([...texts]), marking.translate(texts, from, to)) };
    const citations = [citation(1, french), { ...citation(2, `${french} Encore.`), title: 'Titre 1' }, citation(3, english)];
    const translated = await translateCitations(counting, citations, 'en');
    expect(translated.map((c) => c.titleTranslation)).toEqual(['T: T: Titre 1', 'T: T: Titre 1', undefined]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.filter((t) => t === 'Titre 1')).toHaveLength(1);
  });

  it('returns the citations without translations when the client has gone', async () => {
    const citations = [citation(1, french)];
    const aborted = AbortSignal.abort();
    expect(await translateCitations(marking, citations, 'en', { signal: aborted })).toEqual(citations);
  });

  it.runIf(apertiumInstalled('the installed-Apertium citation test'))('translates a French citation for an English answer with installed Apertium', async () => {
    const [translated] = await translateCitations(real, [citation(1, "L'OIM a été créée à Bruxelles en 1951.")], 'en');
    expect(translated!.quote).toBe("L'OIM a été créée à Bruxelles en 1951.");
    expect(translated!.translation?.text).toMatch(/\bIOM\b.*\bBrussels\b.*\b1951\b/);
  });
});

describe('translateDocument', () => {
  const text = 'Titre\n\nPremier paragraphe, sur une ligne. Deuxième phrase,\nsur deux lignes.\n \n\n  Second paragraphe.  \n';
  const marked = (t: string) => `T: T: ${t}`;

  it('splits a text into paragraphs whose spans point into the original', () => {
    const spans = paragraphSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Titre', 'Premier paragraphe, sur une ligne. Deuxième phrase,\nsur deux lignes.', 'Second paragraphe.']);
  });

  it('translates sentence by sentence and keeps the white space between sentences, line breaks and blank lines included', async () => {
    const result = await translateDocument(marking, { title: 'Titre', text, language: 'fr' }, 'en');
    expect(result.titleTranslation).toBe('T: T: Titre');
    expect(result.translationEngine).toBe('apertium');
    expect(result.translatedText).toBe('T: T: Titre\n\nT: T: Premier paragraphe, sur une ligne. T: T: Deuxième phrase,\nT: T: sur deux lignes.\n \n\n  T: T: Second paragraphe.');
  });

  it('maps every sentence of the original to its own translation', async () => {
    const result = await translateDocument(marking, { title: 'Titre', text, language: 'fr' }, 'en');
    const pairs = result.alignment!.map((s) => [text.slice(s.start, s.end), result.translatedText!.slice(s.translatedStart, s.translatedEnd)]);
    expect(pairs).toEqual(['Titre', 'Premier paragraphe, sur une ligne.', 'Deuxième phrase,', 'sur deux lignes.', 'Second paragraphe.'].map((s) => [s, marked(s)]));
  });

  it('cuts the translated text into the paragraphs of the original', async () => {
    const result = await translateDocument(marking, { title: 'Titre', text, language: 'fr' }, 'en');
    expect(result.translation!.map((p) => [text.slice(p.start, p.end), p.text])).toEqual([
      ['Titre', 'T: T: Titre'],
      ['Premier paragraphe, sur une ligne. Deuxième phrase,\nsur deux lignes.', 'T: T: Premier paragraphe, sur une ligne. T: T: Deuxième phrase,\nT: T: sur deux lignes.'],
      ['Second paragraphe.', 'T: T: Second paragraphe.'],
    ]);
  });

  it('translates nothing when the document is already in the asked language', async () => {
    expect(await translateDocument(marking, { title: 'Titre', text, language: 'fr' }, 'fr')).toEqual({ titleTranslation: null, translation: null, translatedText: null, alignment: null, translationEngine: null });
  });
});
