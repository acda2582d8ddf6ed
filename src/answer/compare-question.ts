import type { AnswerLanguage } from '../text/detect-language.js';

/** A question that asks which of two things came first: the two things, and one date question for each. */
export interface Comparison {
  /** The two things compared, as the asker wrote them. */
  items: [string, string];
  /** A "when" question for each thing, in the asker's language, answered like any other question part. */
  parts: [string, string];
}

// "Which came first / happened first / is older / took place earlier …" and "Laquelle a eu lieu en premier / est la
// plus ancienne …": the interrogative, up to three words ("which event", "quel événement"), a verb of happening or
// being, then a word of precedence. Closed-class words of both languages, not words of any corpus.
const ASKS_EARLIER = new RegExp(
  [
    String.raw`^(?:which|what)(?:\s+[\p{L}'’-]+){0,3}?\s+(?:came|happened|took\s+place|was\s+held|occurred|started|began|is|was|were)\s+(?:first|earlier|older|sooner|before|the\s+(?:oldest|older|earliest|first))\b`,
    String.raw`^(?:lequel|laquelle|lesquels|lesquelles|qu['’]est-ce\s+qui|quel(?:le)?(?:\s+[\p{L}'’-]+){0,2}?)\s+(?:a\s+eu\s+lieu|s['’]est\s+(?:tenue?|produite?|déroulée?|passée?)|est\s+(?:venue?|arrivée?|survenue?|intervenue?)|a\s+(?:commencé|débuté)|est|était)\s+(?:en\s+premier|d['’]abord|avant|plus\s+tôt|le\s+premier|la\s+première|(?:le\s+|la\s+)?plus\s+ancien(?:ne)?)`,
  ].join('|'),
  'iu',
);

// The two things are joined by "or / ou"; a comma before it ("…, or the conference") marks the join best.
const OR = /\s*,\s*(?:or|ou)\s+|\s+(?:or|ou)\s+/iu;

/**
 * The comparison a question asks for ("Which came first: the Geneva meeting or the Brussels conference?"), or
 * null: each thing is then asked about as "When …?" / "Quand … ?" and the answer compares the two dates found.
 */
export function comparisonOf(question: string, language: AnswerLanguage): Comparison | null {
  const text = question.trim();
  const asked = ASKS_EARLIER.exec(text);
  if (!asked) return null;
  // What follows the comparative, up to the end of the question (a second sentence, "Give the year…", is dropped).
  const rest = text.slice(asked[0].length).split(/[?？]/u)[0]!.replace(/^[\s:,;–—-]+/u, '');
  const join = (/\s*,\s*(?:or|ou)\s+/iu.exec(rest) ?? OR.exec(rest));
  if (!join) return null;
  const items = [rest.slice(0, join.index), rest.slice(join.index + join[0].length)].map((s) => s.replace(/^(?:between|entre)\s+/iu, '').replace(/[\s.,;:]+$/u, '').trim());
  // Each thing must be named by more than one word: "which came first, A or B" with single letters asks nothing.
  if (items.some((s) => s.split(/\s+/).length < 2)) return null;
  const [a, b] = items as [string, string];
  const when = (item: string) => (language === 'fr' ? `Quand : ${item} ?` : `When: ${item}?`);
  return { items: [a, b], parts: [when(a), when(b)] };
}

/** Which of two dates is earlier: -1 (the first), 1 (the second), or 0 when their known parts do not tell. */
export function compareDates(a: { year: number; month?: number; day?: number }, b: { year: number; month?: number; day?: number }): -1 | 0 | 1 {
  if (!Number.isFinite(a.year) || !Number.isFinite(b.year)) return 0;
  if (a.year !== b.year) return a.year < b.year ? -1 : 1;
  if (!a.month || !b.month) return 0;
  if (a.month !== b.month) return a.month < b.month ? -1 : 1;
  if (!a.day || !b.day || a.day === b.day) return 0;
  return a.day < b.day ? -1 : 1;
}
