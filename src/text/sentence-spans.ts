/** A span of a text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  const locale = language === 'und' ? 'fr' : language;
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/**
 * Abbreviations of French and English that end with a period without ending the sentence: titles before a name,
 * Latin and bibliographic short forms. General typography (Lexique des règles typographiques, Chicago Manual),
 * not words of any corpus. Compared case-sensitively for titles ("M.", "Mme.") and lower-cased for the rest.
 */
const TITLES = new Set(['M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Me', 'Mgr', 'Dr', 'Drs', 'Pr', 'Prof', 'Mr', 'Mrs', 'Ms', 'Messrs', 'St', 'Ste', 'Sr', 'Jr', 'Gen', 'Sen', 'Rep', 'Gov', 'Hon', 'Rev', 'Capt', 'Col', 'Lt', 'Sgt']);
const SHORT_FORMS = new Set(['p', 'pp', 'ex', 'cf', 'etc', 'vol', 'no', 'nos', 'n°', 'art', 'al', 'approx', 'env', 'vs', 'fig', 'ch', 'chap', 'éd', 'ed', 'eds', 'min', 'max', 'av', 'bd', 'tél', 'tel', 'ext', 'inc', 'ltd', 'co', 'corp', 'dept', 'ff', 'f']);

/** Whether a sentence piece ends with an abbreviation or an initial, so the next piece continues it. */
function endsWithAbbreviation(piece: string, next: string): boolean {
  const m = /(?:^|[\s(«“"'’])((?:\p{L}\.)*[\p{L}°]+)\.$/u.exec(piece);
  if (!m) return false;
  const word = m[1]!;
  // "U.S.", "p.ex.", "f.f.": dotted letters never end a sentence here.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word) || TITLES.has(word)) return true;
  // A single capital is an initial ("John F. Kennedy") when a capitalised word follows.
  if (/^\p{Lu}$/u.test(word)) return /^\s*\p{Lu}/u.test(next);
  const lower = word.toLowerCase();
  // "etc." often ends a sentence: it continues only into a lower-case word.
  if (lower === 'etc') return /^\s*\p{Ll}/u.test(next);
  return SHORT_FORMS.has(lower);
}

/**
 * Sentence spans with surrounding white space trimmed, from `Intl.Segmenter`, with the pieces it cuts after an
 * abbreviation ("M.", "Mme", "Dr.", "p. ex.", "U.S.") joined again, so that "…», a déclaré M. Vitorino." stays one
 * sentence. Each line is segmented on its own: sentences end at line breaks anyway, and V8's segmenter slows down
 * sharply on long strings.
 */
export function sentenceSpans(text: string, language = 'fr'): Span[] {
  const segmenter = segmenterFor(language);
  const spans: Span[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim()) {
      let joinNext = false;
      for (const { segment, index } of segmenter.segment(line)) {
        const lead = segment.length - segment.trimStart().length;
        const trimmed = segment.trim();
        if (!trimmed) continue;
        const span = { start: lineStart + index + lead, end: lineStart + index + lead + trimmed.length };
        const last = spans.at(-1);
        if (joinNext && last) last.end = span.end;
        else spans.push(span);
        joinNext = endsWithAbbreviation(text.slice((spans.at(-1) ?? span).start, span.end), line.slice(index + segment.length));
      }
    }
    lineStart = lineEnd + 1;
  }
  return spans;
}
