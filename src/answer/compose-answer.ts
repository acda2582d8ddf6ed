import type { AnswerLanguage } from '../text/detect-language.js';
import { fold } from '../text/terms.js';
import type { QuestionAnalysis } from './analyse-question.js';
import type { AnswerSpan } from './extract-answer.js';
import { messages } from './messages.js';
import type { ScoredUnit } from './gather-evidence.js';
import { underSameHeading } from './evidence-units.js';
import { compareDates } from './compare-question.js';
import type { Citation } from './types.js';

// Answer types whose short answer is a name picked among others of the same sentence.
const NAME_TYPES: ReadonlySet<string> = new Set(['person', 'place', 'organisation']);

const LOCALES: Record<AnswerLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date formatter per locale and options, built once (building one costs more than formatting). */
function dateFormat(language: AnswerLanguage, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(LOCALES[language], options)));
  return format;
}

/** "A, B and C" / "A, B et C" in the asker's language (one formatter per language, built once). */
const listFormat = byLanguage((language) => new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }));

/** Numbers in the asker's language, at most two decimals (one formatter per language, built once). */
const numberFormat = byLanguage((language) => new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 }));

/** A value per answer language, made at its first use: Intl formatters cost more to build than to use. */
function byLanguage<T>(make: (language: AnswerLanguage) => T): (language: AnswerLanguage) => T {
  const made = new Map<AnswerLanguage, T>();
  return (language) => {
    if (!made.has(language)) made.set(language, make(language));
    return made.get(language)!;
  };
}

// Scale words of French and English number names (the long scale of French: milliard = 10⁹).
const SCALES: Record<string, Record<AnswerLanguage, string>> = {
  million: { fr: 'million', en: 'million' },
  millions: { fr: 'millions', en: 'million' },
  milliard: { fr: 'milliard', en: 'billion' },
  milliards: { fr: 'milliards', en: 'billion' },
  billion: { fr: 'milliard', en: 'billion' },
  billions: { fr: 'milliards', en: 'billion' },
};

/** A date span written for the asker: "28 November 2018" / "28 novembre 2018", "July 2012", "2009". */
export function formatDate(span: AnswerSpan, language: AnswerLanguage): string {
  const date = span.date;
  if (!date) return span.text;
  const range = /^(\d{1,2})(?:er)?\s+(?:et|and|-|–|au)\s+/u.exec(span.text);
  const hasYear = Number.isFinite(date.year);
  const when = new Date(Date.UTC(hasYear ? date.year : 2000, (date.month ?? 1) - 1, date.day ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', ...(date.day ? { day: 'numeric' } : {}), ...(date.month ? { month: 'long' } : {}), ...(hasYear ? { year: 'numeric' } : {}) };
  if (!date.month) return String(date.year);
  const text = dateFormat(language, options).format(when);
  return range ? `${range[1]}–${text}` : text;
}

/** A number span written for the asker: the number in their format, the scale word, then the counted noun as they asked. */
export function formatCount(span: AnswerSpan, analysis: QuestionAnalysis, sourceLanguage: string): string {
  // The asker's noun may only replace the source's when the number counts it ("120 délégations" for "how many
  // delegations"); a number of something else keeps its own noun ("six missions", not "6 minors").
  if (span.value === undefined || !span.countsFocus) return span.text;
  if (sourceLanguage === analysis.language) return span.text;
  const scale = /\b(millions?|milliards?|billions?)\b/iu.exec(span.text)?.[1]?.toLowerCase();
  const percent = /%|pour cent|per ?cent/u.test(span.text) ? ' %' : '';
  const number = numberFormat(analysis.language).format(span.value);
  const scaleWord = scale ? ` ${SCALES[scale]?.[analysis.language] ?? scale}` : '';
  // The noun only, not the asker's adjectives: "34 pays" is "34 countries", not "34 African countries".
  const head = analysis.language === 'en' ? analysis.focusText?.split(/\s+/).at(-1) : analysis.focusText;
  const noun = head && !percent ? ` ${head}` : '';
  return `${number}${percent.trim() ? (analysis.language === 'fr' ? ' %' : '%') : ''}${scaleWord}${noun}`;
}

/** The fact first, in the asker's language, with the citation of the quote it comes from. */
function leadSentence(answer: { span: AnswerSpan; n: number; sourceLanguage: string }, analysis: QuestionAnalysis, opening = true): string {
  const { span, n } = answer;
  const fr = analysis.language === 'fr';
  let fact: string;
  if (span.date) {
    const formatted = formatDate(span, analysis.language);
    const yearOnly = !span.date.month;
    fact = fr ? `${yearOnly ? 'En' : span.date.day ? 'Le' : 'En'} ${formatted}` : `${yearOnly || !span.date.day ? 'In' : 'On'} ${formatted}`;
  } else if (span.value !== undefined) fact = formatCount(span, analysis, answer.sourceLanguage);
  else fact = span.text;
  return `${opening ? capitalise(fact) : fact.charAt(0).toLowerCase() + fact.slice(1)} [${n}].`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The line that introduces the quotes: which communiqué(s), and in which language they are quoted. */
function sourceLine(quotes: ScoredUnit[], language: AnswerLanguage): string {
  const m = messages[language];
  const foreign = quotes.map((q) => q.passage.chunk.language).find((l) => l !== language && l !== 'und');
  const documents = new Set(quotes.map((q) => q.unit.docId));
  if (documents.size === 1) {
    const { title, date } = quotes[0]!.passage.chunk;
    return m.fromDocument(title, date ? dateFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)) : null, foreign ?? null);
  }
  return foreign ? m.leadInTranslated(foreign) : m.leadIn;
}

/** One part of a question, answered from its quotes (with its short answer), or not found. */
export type ComposedPart =
  | { analysis: QuestionAnalysis; answerable: true; quotes: ScoredUnit[]; answer: { span: AnswerSpan; quote: ScoredUnit } | null }
  | { analysis: QuestionAnalysis; answerable: false };

/**
 * The answer: for each part of the question, the fact first in the asker's language (a number with the noun they
 * counted, a date in their date format, a name as written) with its [n], or a plain statement that the
 * communiqués do not say it; then the communiqué(s) the quotes come from; then the verbatim quotes, each with its
 * citation, each followed by its machine translation when one is given. A short answer lies inside its quote, so it
 * can be checked there.
 */
export function composeAnswer(parts: ComposedPart[], language: AnswerLanguage, translations: Array<string | null> = [], compared?: [string, string]): { text: string; citations: Citation[] } {
  const m = messages[language];
  const ordered: ScoredUnit[] = [];
  const numberOf = (s: ScoredUnit) => {
    let i = ordered.findIndex((o) => o.unit.docId === s.unit.docId && o.unit.start === s.unit.start && o.unit.end === s.unit.end);
    if (i < 0) i = ordered.push(s) - 1;
    return i + 1;
  };
  const lines: string[] = [];
  // For a comparison ("which came first: A or B"), each thing's date with its citation, to compare below.
  const dated: Array<{ date: NonNullable<AnswerSpan['date']>; n: number } | null> = [];
  for (const [index, part] of parts.entries()) {
    if (!part.answerable) {
      if (parts.length > 1) lines.push(m.partNotFound(part.analysis.question));
      continue;
    }
    const { answer } = part;
    // A name leads only when the sentence holds no other name of that kind: "Bruxelles" is no answer to "which
    // countries host…" when the sentence names Latin America too; the quote then answers on its own.
    const clear = (span: AnswerSpan) => !NAME_TYPES.has(part.analysis.type) || (span.among ?? 1) === 1;
    if (answer && clear(answer.span)) {
      const n = numberOf(answer.quote);
      // Lines of one list (under one heading) quoted with it give their names too: "X [1] and Y [2]."
      const items = part.quotes.filter((q) => q !== answer.quote && NAME_TYPES.has(part.analysis.type) && q.answer && clear(q.answer) && underSameHeading(q.unit, answer.quote.unit));
      // A lead that would only repeat the quote word for word adds nothing.
      if (items.length) lines.push(`${listFormat(language).format([`${answer.span.text} [${n}]`, ...items.map((q) => `${q.answer!.text} [${numberOf(q)}]`)])}.`);
      else if (compared) lines.push(`${capitalise(compared[index]!)}${m.colon} ${leadSentence({ span: answer.span, n, sourceLanguage: answer.quote.passage.chunk.language }, part.analysis, false)}`);
      else if (fold(answer.span.text) !== fold(answer.quote.unit.text)) lines.push(leadSentence({ span: answer.span, n, sourceLanguage: answer.quote.passage.chunk.language }, part.analysis));
      dated[index] = answer.span.date ? { date: answer.span.date, n } : null;
    }
    for (const q of part.quotes) numberOf(q);
  }
  if (compared && dated[0] && dated[1]) {
    const order = compareDates(dated[0].date, dated[1].date);
    // The verdict leads, cited by both dates; dates that do not tell (same year, no month) give none.
    if (order !== 0) {
      const [first, then] = order < 0 ? [0, 1] : [1, 0];
      lines.unshift(m.cameFirst(`${compared[first]} [${dated[first]!.n}]`, `${compared[then]} [${dated[then]!.n}]`));
    }
  }
  const citations: Citation[] = ordered.map((s, i) => ({
    n: i + 1,
    source: s.unit.docId,
    title: s.passage.chunk.title,
    date: s.passage.chunk.date,
    quote: s.unit.text,
    chunkId: s.passage.chunk.id,
    start: s.unit.start,
    end: s.unit.end,
    score: Number(s.blended.toFixed(4)),
    page: s.passage.chunk.page,
  }));
  lines.push(sourceLine(ordered, language));
  citations.forEach((c, i) => {
    const translation = translations[i];
    // The machine translation follows its quote, labelled as such: a reader of the other language can check the
    // passage, and the quote itself stays verbatim.
    lines.push(`${m.open}${c.quote}${m.close} [${c.n}]${translation ? `\n(${m.machineTranslation}: ${translation})` : ''}`);
  });
  return { text: lines.join('\n\n'), citations };
}
