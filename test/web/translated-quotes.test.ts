import { describe, expect, it } from 'vitest';
import { messages } from '../../src/answer/messages.js';
import type { Citation } from '../../src/answer/types.js';
import { splitTranslatedQuotes } from '../../web/src/translated-quotes.js';

const citation = (n: number, quote: string, translation?: string): Citation => ({
  n, source: `doc-${n}`, title: `Titre ${n}`, date: null, quote, chunkId: `doc-${n}#0`, start: 0, end: quote.length, score: 1,
  ...(translation ? { translation: { text: translation, engine: 'apertium' } } : {}),
});

/** A quote line as the extractive answer writes it, with its translation line. */
const line = (language: 'fr' | 'en', c: Citation) => {
  const m = messages[language];
  return `${m.open}${c.quote}${m.close} [${c.n}]${c.translation ? `\n(${m.machineTranslation}: ${c.translation.text})` : ''}`;
};

describe('splitTranslatedQuotes', () => {
  it('cuts each translated quote of an English answer out of the text, from its opening mark to its translation', () => {
    const first = citation(1, '120 délégations y ont participé.', '120 delegations have taken part.');
    const second = citation(2, 'Le bureau (à Genève) ouvrira en mai.', 'The office (in Geneva) will open in May.');
    const text = `120 delegations [1].\n\nAccording to the communiqués (quoted in the original French):\n\n${line('en', first)}\n\n${line('en', second)}`;
    const pieces = splitTranslatedQuotes(text, [first, second]);
    expect(pieces.map((p) => (p.kind === 'text' ? p.text : p.citation.n))).toEqual(['120 delegations [1].\n\nAccording to the communiqués (quoted in the original French):\n\n', 1, '\n\n', 2]);
  });

  it('finds the quotes of a French answer over English sources, with French quotation marks', () => {
    const c = citation(1, 'The centre will train local workers.', 'Le centre formera des travailleurs locaux.');
    const text = `D’après le communiqué « Office » :\n\n${line('fr', c)}`;
    expect(splitTranslatedQuotes(text, [c])).toEqual([{ kind: 'text', text: 'D’après le communiqué « Office » :\n\n' }, { kind: 'quote', citation: c }]);
  });

  it('leaves quotes without a translation, and a text of another shape, as plain text', () => {
    const untranslated = citation(1, 'Un texte en français.');
    const elsewhere = citation(2, 'Une autre phrase.', 'Another sentence.');
    const text = `${line('fr', untranslated)}\nThe model says something else [2].`;
    expect(splitTranslatedQuotes(text, [untranslated, elsewhere])).toEqual([{ kind: 'text', text }]);
  });

  it('keeps every character of the text outside the cut quotes', () => {
    const c = citation(3, 'Une phrase.', 'A sentence.');
    const text = `Avant.\n${line('en', c)}\nAprès.`;
    const pieces = splitTranslatedQuotes(text, [c]);
    expect(pieces.filter((p) => p.kind === 'text').map((p) => (p.kind === 'text' ? p.text : '')).join('|')).toBe('Avant.\n|\nAprès.');
  });
});
