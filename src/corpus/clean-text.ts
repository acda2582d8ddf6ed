/** Result of cleaning one scraped page. */
export interface CleanedText {
  title: string | null;
  text: string;
  /** Lines of navigation removed from the top of the page. */
  strippedLines: number;
}

const MENU_LINE_MAX = 40;
const MENU_WORDS_MAX = 4;
const LIST_LINE_MAX = 80;
const TITLE_MAX = 250;

/** A line that looks like navigation: a bullet, a lone dash, a repeated line, a label of a few words. */
function isMenuLike(line: string, previous: string | undefined): boolean {
  if (/^[-–—•*·]$/.test(line)) return true;
  if (/^[-–—•*·]\s/.test(line) && line.length <= LIST_LINE_MAX) return true;
  if (line === previous) return true;
  // Menu labels are a few words; a headline of five words or more is kept even when short.
  return line.length <= MENU_LINE_MAX && line.split(' ').length <= MENU_WORDS_MAX && !/[.!?:;»"”]$/.test(line);
}

/** A line that ends a sentence and is long enough to be prose rather than a heading. */
function isParagraph(line: string): boolean {
  return line.length > 60 && /[.!?»"”)]$/.test(line);
}

/**
 * Finds where a leading navigation block ends: the last menu-like line of a run at the top of the page in which
 * at least three quarters of the lines look like navigation. The scan stops at the first two consecutive lines of
 * prose, so an article that opens with a short heading keeps it. Returns the number of lines to drop.
 */
function navigationEnd(lines: string[]): number {
  let menu = 0;
  let other = 0;
  let proseRun = 0;
  let cut = 0;
  let previous: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    if (isMenuLike(line, previous)) {
      menu++;
      proseRun = 0;
      if (menu >= 3 && menu / (menu + other) >= 0.75) cut = i + 1;
    } else {
      other++;
      proseRun++;
      if (proseRun >= 2) break;
    }
    previous = line;
  }
  return cut;
}

function containsDateline(line: string): boolean {
  return /\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b/.test(line);
}

/**
 * Picks a title: the longest heading-like line (no closing sentence punctuation, not a dateline) among the lines
 * before the first paragraph of prose. Site names and section labels that precede a headline are shorter than it.
 */
export function findTitle(lines: string[]): string | null {
  let best: string | null = null;
  for (const line of lines) {
    if (line === '') continue;
    if (isParagraph(line)) break;
    if (line.length > TITLE_MAX || containsDateline(line) || /[.!?]$/.test(line) || !/\p{L}{2}/u.test(line)) continue;
    if (!best || line.length > best.length) best = line;
  }
  return best;
}

/** Unicode NFC, `\n` line endings, no-break spaces as spaces and runs of spaces folded, each line trimmed. */
export function normalizeLines(raw: string): string[] {
  const normalized = raw
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[^\S\n]+/g, ' ');
  return normalized.split('\n').map((l) => l.trim());
}

/**
 * Normalises a scraped page (see {@link normalizeLines}, blank lines folded), strips the navigation block at its
 * top with a general menu-density rule, and picks its title.
 */
export function cleanText(raw: string): CleanedText {
  const lines = normalizeLines(raw);
  const cut = navigationEnd(lines);
  const about = aboutParagraphs(lines.slice(0, cut));
  const body = lines.slice(cut).join('\n').replace(/\n{3,}/g, '\n\n').trim();
  const title = findTitle(body.split('\n'));
  // The page's own text comes first (its title, dateline and lead); the blurbs of the menu follow it.
  const text = about.length ? `${body}\n\n${about.join('\n\n')}` : body;
  return { title, text, strippedLines: lines.slice(0, cut).filter((l) => l !== '').length - about.length };
}

/**
 * The paragraphs of prose inside a navigation block: a menu may open on a blurb about the publisher ("Who we are:
 * the organisation was founded in…"), which is content. A label the scraper glued to its blurb ("Who we areThe
 * organisation…", after the label's own line) is taken off.
 */
function aboutParagraphs(head: string[]): string[] {
  const out: string[] = [];
  let previous = '';
  for (const line of head) {
    if (line === '') continue;
    if (isParagraph(line)) out.push(previous && line.startsWith(previous) && line.length > previous.length ? line.slice(previous.length).trim() : line);
    previous = line;
  }
  return out;
}
