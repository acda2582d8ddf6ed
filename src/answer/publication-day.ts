import type { CorpusDocument } from '../corpus/load-corpus.js';
import { documentUnits, type EvidenceUnit } from './evidence-units.js';
import { dateSpans, type AnswerSpan } from './extract-answer.js';

// Words that date an event by the day of publication, in days from it: closed-class words of French and English.
const DEICTIC_DAYS: Array<[RegExp, number]> = [
  [/(?:^|[^\p{L}])(?:aujourd'hui|aujourd’hui|ce jour|ce matin|ce soir|cet après-midi|today|this morning|this afternoon|tonight)(?:[^\p{L}]|$)/iu, 0],
  [/(?:^|[^\p{L}])(?:hier|yesterday)(?:[^\p{L}]|$)/iu, -1],
];

/** How many days from the day of publication a sentence dates its event by ("signé aujourd'hui": 0, "yesterday":
 * -1), or undefined when it says no such word. */
export function deicticDays(text: string): number | undefined {
  return DEICTIC_DAYS.find(([words]) => words.test(text))?.[1];
}

/** The day a date span falls `days` after, keeping what it does not know (a dateline without its year). */
export function shiftDays(span: AnswerSpan, days: number): AnswerSpan {
  if (days === 0 || !span.date?.day || !span.date.month) return span;
  const year = Number.isFinite(span.date.year) ? span.date.year : 2001; // any year that is not a leap year
  const shifted = new Date(Date.UTC(year, span.date.month - 1, span.date.day + days));
  return { ...span, date: { year: Number.isFinite(span.date.year) ? shifted.getUTCFullYear() : NaN, month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() } };
}

// How many of a communiqué's first units are read for its dateline (title, source line, dateline, lead).
const HEADER_UNITS = 4;

/** A communiqué's dateline: the first unit of its header that holds a day's date, with that date; null if none. */
export function datelineOf(document: CorpusDocument): { unit: EvidenceUnit; span: AnswerSpan } | null {
  for (const unit of documentUnits(document).slice(0, HEADER_UNITS)) {
    const span = dateSpans(unit.text).find((s) => s.date?.day);
    if (span) return { unit, span };
  }
  return null;
}

/**
 * The day a sentence of a communiqué dates its event by, when it says so by the day of publication ("se sont
 * réunis aujourd'hui", "signed yesterday"): its dateline's date shifted by those days; null otherwise, and when the
 * sentence writes a year of its own: the word then dates another of its clauses, or means "nowadays" ("Fondé en
 * 1987, le réseau regroupe aujourd'hui 58 États membres").
 */
export function eventDay(text: string, document: CorpusDocument): AnswerSpan['date'] | null {
  const days = deicticDays(text);
  if (days === undefined || dateSpans(text).some((s) => Number.isFinite(s.date?.year))) return null;
  const dateline = datelineOf(document);
  return dateline ? shiftDays(dateline.span, days).date ?? null : null;
}
