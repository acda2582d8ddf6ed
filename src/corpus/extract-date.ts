const months: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10,
  novembre: 11, decembre: 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};
const monthNames = Object.keys(months).join('|');

const patterns: Array<{ re: RegExp; parts: (m: RegExpMatchArray) => [number, number, number] }> = [
  // 2018-11-28
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/, parts: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  // 13/10/2020 or 13.10.2020 (day first, as in French and most European releases)
  { re: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/, parts: (m) => [+m[3]!, +m[2]!, +m[1]!] },
  // 28 novembre 2018, 1er octobre 2017, 28 November 2018
  {
    re: new RegExp(`\\b(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(${monthNames})\\s+(\\d{4})\\b`),
    parts: (m) => [+m[3]!, months[m[2]!]!, +m[1]!],
  },
  // November 28, 2018
  {
    re: new RegExp(`\\b(${monthNames})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`),
    parts: (m) => [+m[3]!, months[m[1]!]!, +m[2]!],
  },
];

function isValid(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Finds the first complete calendar date (day, month and year) stated in a text, as ISO `YYYY-MM-DD`.
 * Dates without a year ("30 avril") are not completed by guessing; they give null.
 */
export function extractDate(text: string): string | null {
  // Folded so that "décembre" and "Décembre" match the month table.
  const folded = text.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '');
  let best: { index: number; iso: string } | null = null;
  for (const { re, parts } of patterns) {
    for (const m of folded.matchAll(new RegExp(re.source, 'g'))) {
      const [y, mo, d] = parts(m);
      if (!isValid(y, mo, d)) continue;
      if (!best || m.index! < best.index) {
        best = { index: m.index!, iso: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
      }
      break;
    }
  }
  return best?.iso ?? null;
}

/** Parses an ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) into a comparable `YYYY-MM-DD` bound, or null. */
export function parseIsoDate(value: string, end: 'start' | 'end'): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) return null;
  const y = +m[1]!;
  const mo = m[2] ? +m[2] : end === 'start' ? 1 : 12;
  const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const d = m[3] ? +m[3] : end === 'start' ? 1 : lastDay;
  if (mo < 1 || mo > 12 || !isValid(y, mo, d)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
