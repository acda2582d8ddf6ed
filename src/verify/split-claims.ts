import { sentenceSpans } from '../text/sentence-spans.js';

/** A claim's place in the checked text: `text` is the text at `start..end`. */
export interface ClaimSpan {
  text: string;
  start: number;
  end: number;
}

/** Citation markers ("[2]") and the space before them: not words of the claim. */
export const MARKER = /\s?\[\d{1,3}\]/g;

/** A claim's words without its citation markers, for matching. */
export function withoutMarkers(text: string): string {
  return text.replace(MARKER, '').trim();
}

/**
 * A sentence span cut where a full stop after a word or number of three characters or more is followed by a number: the
 * segmenter keeps "…la conférence. 150 délégations…" together, but a sentence may open with a number.
 */
function splitBeforeDigits(text: string, span: { start: number; end: number }): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = span.start;
  for (const m of text.slice(span.start, span.end).matchAll(/(?<=[\p{L}\p{N}]{3}[.!?])\s+(?=\d)/gu)) {
    out.push({ start, end: span.start + m.index });
    start = span.start + m.index + m[0].length;
  }
  out.push({ start, end: span.end });
  return out;
}

/**
 * Splits a text into claims: its sentences (abbreviation-aware), and inside a sentence the clauses a semicolon
 * joins, each of which states a fact of its own. Markers that open a piece ("[1] Next…" after a full stop) belong
 * to the claim before them.
 */
export function splitClaims(text: string, language: string): ClaimSpan[] {
  const spans: ClaimSpan[] = [];
  for (const sentence of sentenceSpans(text, language).flatMap((s) => splitBeforeDigits(text, s))) {
    let start = sentence.start;
    const body = text.slice(sentence.start, sentence.end);
    for (const m of body.matchAll(/\s*;\s+/g)) {
      const end = sentence.start + m.index;
      if (/\p{L}/u.test(text.slice(start, end))) spans.push({ text: text.slice(start, end), start, end });
      start = end + m[0].length;
    }
    spans.push({ text: text.slice(start, sentence.end), start, end: sentence.end });
  }
  for (let i = 1; i < spans.length; i++) {
    const lead = /^(?:\[\d{1,3}\]\s*)+/.exec(spans[i]!.text);
    if (!lead) continue;
    const previous = spans[i - 1]!;
    previous.end = spans[i]!.start + lead[0].trimEnd().length;
    previous.text = text.slice(previous.start, previous.end);
    spans[i] = { ...spans[i]!, start: spans[i]!.start + lead[0].length, text: spans[i]!.text.slice(lead[0].length) };
  }
  return spans.filter((s) => /\p{L}/u.test(s.text));
}
