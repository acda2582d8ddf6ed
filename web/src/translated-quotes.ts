import type { Citation } from '../../src/answer/types.js';

/**
 * A piece of an answer's text: plain text, or a quoted passage that the answer follows with its machine
 * translation ("“…” [1]\n(machine translation: …)"), which the page shows as one block with a switch.
 */
export type AnswerPiece = { kind: 'text'; text: string } | { kind: 'quote'; citation: Citation & { translation: NonNullable<Citation['translation']> } };

/** Quotation marks and spaces around a quote ("“", "« ", " »", "”"): at most this many characters on each side. */
const MARKS = /^[\s“”«»"'‘’„]{0,3}$/;
/** The label before a translation in the answer's text ("machine translation: ", "traduction automatique : "). */
const LABEL = /^\([^\n()]{1,40}:\s?$/;

/**
 * Cuts an answer's text around each quote that carries a translation: from its opening quotation mark to the
 * closing parenthesis of the translation line after its `[n]`. A quote whose text does not have that shape
 * (an LLM answer, another wording) is left in the text as it is, so nothing is ever lost.
 */
export function splitTranslatedQuotes(text: string, citations: readonly Citation[]): AnswerPiece[] {
  const found: Array<{ start: number; end: number; citation: Extract<AnswerPiece, { kind: 'quote' }>['citation'] }> = [];
  for (const citation of citations) {
    const { translation } = citation;
    if (!translation || !citation.quote) continue;
    const marker = `[${citation.n}]`;
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      const quoteAt = text.lastIndexOf(citation.quote, at);
      if (quoteAt < 0 || !MARKS.test(text.slice(quoteAt + citation.quote.length, at))) continue;
      const after = at + marker.length;
      const translationAt = text.indexOf(`${translation.text})`, after);
      if (translationAt < 0 || !text.startsWith('\n(', after) || !LABEL.test(text.slice(after + 1, translationAt))) continue;
      let start = quoteAt;
      while (start > 0 && quoteAt - start < 3 && /[“«"„‘' ]/.test(text[start - 1]!)) start--;
      found.push({ start, end: translationAt + translation.text.length + 1, citation: citation as Extract<AnswerPiece, { kind: 'quote' }>['citation'] });
      break;
    }
  }
  found.sort((a, b) => a.start - b.start);
  const pieces: AnswerPiece[] = [];
  let position = 0;
  for (const quote of found) {
    if (quote.start < position) continue;
    if (quote.start > position) pieces.push({ kind: 'text', text: text.slice(position, quote.start) });
    pieces.push({ kind: 'quote', citation: quote.citation });
    position = quote.end;
  }
  if (position < text.length) pieces.push({ kind: 'text', text: text.slice(position) });
  return pieces;
}
