import { describe, expect, it } from 'vitest';
import { fromApertiumStream, toApertiumStream } from '../../src/translate/apertium-stream.js';

describe('Apertium stream format', () => {
  it('escapes the stream format\'s reserved characters and reads them back unchanged', () => {
    const text = 'Taux [estimé] : 50 % ^ $ a/b <c> {d} @e \\ f';
    const block = toApertiumStream(text);
    expect(block).toBe(String.raw`Taux \[estimé\] : 50 % \^ \$ a\/b \<c\> \{d\} \@e \\ f[]`);
    expect(fromApertiumStream(block)).toBe(text);
  });

  it('keeps line breaks as superblanks and drops NUL and other control characters', () => {
    const block = toApertiumStream('Première ligne.\n\nSeconde\u0000 ligne.\u0007');
    expect(block).toBe('Première ligne.[\n\n]Seconde ligne.[]');
    expect(fromApertiumStream(block)).toBe('Première ligne.\n\nSeconde ligne.');
  });

  it('writes kept spans as superblanks, escaped, and reads them back as written', () => {
    const text = ' a déclaré Luc De Smet [porte-parole], avec Ana Luc.\n';
    const span = (name: string) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length });
    const block = toApertiumStream(text, [span('Luc De Smet [porte-parole]'), span('Ana Luc')]);
    expect(block).toBe(String.raw`a déclaré [Luc De Smet \[porte-parole\]], avec [Ana Luc].[]`);
    expect(fromApertiumStream(block)).toBe(text.trim());
  });

  it('removes unknown-word marks but keeps escaped characters that look like them', () => {
    expect(fromApertiumStream('The **OIM and #*migrantes met @Vitorino in 1951.[]')).toBe('The OIM and migrantes met Vitorino in 1951.');
    expect(fromApertiumStream('Write to \\@*HCR or 3 * 4.[]')).toBe('Write to @HCR or 3 * 4.');
  });
});
