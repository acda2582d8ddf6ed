import { perDocument } from '../corpus/per-document.js';
import { sentenceSpans } from '../text/sentence-spans.js';
import { fold, isStopword, stem } from '../text/terms.js';

/** A word of a unit with its stem and offsets in the document. */
export interface UnitToken {
  word: string;
  stem: string;
  start: number;
  end: number;
}

/** A quotable span of a document (a sentence, or a whole quotation with its attribution), tokenized once. */
export interface EvidenceUnit {
  docId: string;
  start: number;
  end: number;
  text: string;
  /** Content words in order, with offsets. */
  tokens: UnitToken[];
  stems: Set<string>;
  /** A sentence of running text, not a menu item, heading or label. */
  prose: boolean;
  /** Index of the unit in its document. */
  position: number;
  /** Its document's language. */
  language: string;
  /** Positions of the lines that head it, outermost first ("Contacts :", then "OIM :"): see `headingsOf`. */
  headings: number[];
}

const MAX_UNIT = 700;

/** Quotation marks still open at the end of a text: French guillemets and English curly quotes. */
function openQuotes(text: string): number {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/«/g) - count(/»/g) + count(/“/g) - count(/”/g);
}

/** Whether two spans of a text, the first before the second, stand in one paragraph (no line break between them). */
export function sameParagraph(text: string, first: { end: number }, second: { start: number }): boolean {
  return !text.slice(first.end, second.start).includes('\n');
}

/**
 * Sentence spans for answers, with a quotation kept whole: when a sentence opens « or “ and a later sentence of the
 * same paragraph closes it, they form one unit, so the attribution ("», a déclaré X", "”, said X") stays with the
 * words it attributes. Units stay under 700 characters.
 */
export function answerUnits(text: string, language: string): Array<{ start: number; end: number }> {
  const units: Array<{ start: number; end: number }> = [];
  for (const span of sentenceSpans(text, language)) {
    const last = units.at(-1);
    const joinable = last && openQuotes(text.slice(last.start, last.end)) > 0 && sameParagraph(text, last, span) && span.end - last.start <= MAX_UNIT;
    if (joinable) last.end = span.end;
    else units.push({ ...span });
  }
  return units;
}

/** Content-word tokens of a span of text with their offsets (relative to `offset`). */
export function tokenize(text: string, offset = 0): UnitToken[] {
  const tokens: UnitToken[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = fold(m[0]);
    if (word.length < 2 || isStopword(word)) continue;
    tokens.push({ word, stem: stem(word), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return tokens;
}

/** Running text ends like a sentence, or is long; a menu item or a heading does not. */
function isProse(text: string, tokens: number): boolean {
  return /[.!?»”:;)]$/u.test(text) ? tokens >= 4 : tokens >= 12;
}

/** A unit that stands alone on its line and ends with a colon ("Pour plus d'informations, contacter :", "HCR:"). */
function isHeading(text: string, span: { start: number; end: number }): boolean {
  return /:\s*$/.test(text.slice(span.start, span.end)) && /(^|\n)[ \t]*$/.test(text.slice(Math.max(0, span.start - 200), span.start)) && /^[ \t]*(\n|$)/.test(text.slice(span.end, span.end + 200));
}

/**
 * The heading lines each unit stands under: a line ending with a colon heads the lines after it until a blank
 * line; a heading right after another nests in it ("contacter :" then "HCR:"), a later one replaces the innermost
 * ("OIM:" after the HCR lines). A contact line "A Genève: Angela Wells, …" is about the body its heading names.
 */
export function headingsOf(text: string, spans: Array<{ start: number; end: number }>): number[][] {
  const stack: number[] = [];
  let previousHeading = false;
  return spans.map((span, i) => {
    if (i > 0 && /\n[ \t]*\n/.test(text.slice(spans[i - 1]!.end, span.start))) stack.length = 0;
    const headings = [...stack];
    const heading = isHeading(text, span);
    if (heading) {
      if (!previousHeading) stack.pop();
      stack.push(i);
    }
    previousHeading = heading;
    return headings;
  });
}

/** Whether two units stand under the same innermost heading of one document (items of one list). */
export function underSameHeading(a: EvidenceUnit, b: EvidenceUnit): boolean {
  return a.docId === b.docId && a.headings.length > 0 && a.headings.at(-1) === b.headings.at(-1);
}

/**
 * The folded words a document writes in lower case somewhere: "ministre" in "le ministre" is a common word there,
 * while "Wells" or "Pope", dictionary words too, are only ever names in it.
 */
export const lowercaseWords = perDocument((document) => {
  const found = new Set<string>();
  for (const m of document.text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}]*/gu)) found.add(fold(m[0]));
  return found;
});

/** A document's evidence units, computed once per loaded document (not on every question). */
export const documentUnits = perDocument((document): EvidenceUnit[] => {
  const spans = answerUnits(document.text, document.language);
  const headings = headingsOf(document.text, spans);
  return spans.map((span, position) => {
    const text = document.text.slice(span.start, span.end);
    const tokens = tokenize(text, span.start);
    // A line under a heading is content set out as a list (contacts, key figures), not site navigation.
    const prose = isProse(text, tokens.length) || headings[position]!.length > 0;
    return { docId: document.id, ...span, text, tokens, stems: new Set(tokens.map((t) => t.stem)), prose, position, language: document.language, headings: headings[position]! };
  });
});
