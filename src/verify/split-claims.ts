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
 * Splits a text into claims: its sentences (abbreviation-aware), and inside a sentence the clauses a semicolon
 * joins, each of which states a fact of its own. Markers that open a piece ("[1] Next…" after a full stop) belong
 * to the claim before them.
 */
export function splitClaims(text: string, language: string): ClaimSpan[] {
  const spans: ClaimSpan[] = [];
  for (const sentence of sentenceSpans(text, language)) {
    let start = sentence.start;
    const body = text.slice(sentence.start, sentence.end);
    for (const m of body.matchAll(/;\s+/g)) {
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
