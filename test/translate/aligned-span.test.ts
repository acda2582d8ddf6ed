import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { domainGlossary, localiseAcronyms } from '../../src/lexicon/glossary.js';
import { sentenceSpans } from '../../src/text/sentence-spans.js';
import { alignSpan } from '../../src/translate/aligned-span.js';
import { createApertiumTranslator } from '../../src/translate/apertium-translator.js';
import { translateDocument } from '../../src/translate/translate-document.js';
import { apertiumDir, apertiumInstalled } from '../helpers/apertium.js';

/** The second, invented corpus: one French and one English communiqué. */
const corpus = resolve(import.meta.dirname, '../fixtures/translation-corpus');
const french = readFileSync(resolve(corpus, 'fr-ouverture-bureau.txt'), 'utf8');
const english = readFileSync(resolve(corpus, 'en-office-opening.txt'), 'utf8');
const titleOf = (text: string) => text.split('\n')[0]!;

// A real process chain whose stand-in engine upper-cases what it is given: each translation is recognisable.
const upper = createApertiumTranslator({ dir: '/nonexistent', stagesOf: () => [['sed', '-u', '-z', 's/.*/\\U&/']] });
const real = createApertiumTranslator({ dir: apertiumDir });
afterAll(() => Promise.all([upper.close(), real.close()]));

describe('alignSpan', () => {
  it.each([
    ['French', french, 'fr', 'en'],
    ['English', english, 'en', 'fr'],
  ] as const)('aligns each sentence of the %s communiqué, cited whole, with its own translation only', async (_name, text, from, to) => {
    const result = await translateDocument(upper, { title: titleOf(text), text, language: from }, to);
    const sentences = sentenceSpans(text, from);
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    for (const s of sentences) {
      const aligned = alignSpan(result.alignment!, s.start, s.end)!;
      expect(result.translatedText!.slice(aligned.start, aligned.end)).toBe(localiseAcronyms(domainGlossary, text.slice(s.start, s.end).toUpperCase(), to));
    }
  });

  it('widens a quote that starts and ends inside sentences to the whole translated sentences', async () => {
    const result = await translateDocument(upper, { title: titleOf(english), text: english, language: 'en' }, 'fr');
    // From "resource centre" in the dateline sentence to "legal information" in the next one.
    const start = english.indexOf('resource centre for migrants');
    const end = english.indexOf('legal information') + 'legal information'.length;
    const aligned = alignSpan(result.alignment!, start, end)!;
    const shown = result.translatedText!.slice(aligned.start, aligned.end);
    expect(shown.startsWith('BRUSSELS, 12 MARCH 2021')).toBe(true);
    expect(shown.endsWith('WILL TRAIN LOCAL WORKERS.')).toBe(true);
    expect(shown).not.toMatch(/MIGRANTS NEED/);
  });

  it('finds nothing for a span of blank lines between paragraphs', async () => {
    const result = await translateDocument(upper, { title: titleOf(french), text: french, language: 'fr' }, 'en');
    const gap = french.indexOf('\n\n');
    expect(alignSpan(result.alignment!, gap, gap + 2)).toBeNull();
  });

  it.runIf(apertiumInstalled('the installed-Apertium alignment test'))('aligns a cited French sentence with its English translation from installed Apertium', async () => {
    const result = await translateDocument(real, { title: titleOf(french), text: french, language: 'fr' }, 'en');
    const start = french.indexOf('Le bureau donnera');
    const aligned = alignSpan(result.alignment!, start, french.indexOf('sociaux.') + 'sociaux.'.length)!;
    const shown = result.translatedText!.slice(aligned.start, aligned.end);
    expect(shown).toMatch(/\brefugees\b/);
    expect(shown).not.toMatch(/4 May 2020|UNHCR/);
  });
});
