import type { Citation, Suggestion } from '../../src/answer/types.js';
import { el } from './dom.js';
import { formatDate, strings, type Lang } from './i18n.js';

/**
 * How the page shows citations: the `[n]` links in an answer, the source cards under it (one per communiqué) and
 * the suggestion cards of a refusal. Everything about rendering a citation lives here.
 */

/** Opens a communiqué in the side panel, at a cited span when one is given. */
export type OpenSource = (source: string, start?: number, end?: number) => void;

/** What a card shows of a communiqué; the API may add a `publisher`, which is shown when present, never guessed. */
export interface SourceInfo {
  title: string;
  date: string | null;
  publisher?: string | null;
}

/** "Publisher · 29 octobre 2019", or the readable date alone when the data names no publisher. */
export function sourceMeta(info: SourceInfo, lang: Lang): string {
  return [info.publisher?.trim(), formatDate(info.date, lang)].filter(Boolean).join(' · ');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether the answer already quotes this text word for word (extractive answers do): then a card does not repeat it. */
export function quotedIn(answer: string, quote: string): boolean {
  return squash(quote).length > 0 && squash(answer).includes(squash(quote));
}

/** The answer's text with each `[n]` a link to its passage; hovering or focusing it shows what it points to. */
export function renderAnswerText(text: string, citations: Citation[], lang: Lang, open: OpenSource): HTMLElement {
  const answer = el('div', { className: 'answer' });
  const byN = new Map(citations.map((c) => [c.n, c]));
  for (const part of text.split(/(\[\d+\])/)) {
    const m = /^\[(\d+)\]$/.exec(part);
    const citation = m ? byN.get(Number(m[1])) : undefined;
    if (!citation) {
      answer.append(part);
      continue;
    }
    // When the quote sits right before its [n], the tip names the communiqué instead of repeating the quote.
    const tip = quotedIn(text, citation.quote) ? `${citation.title} — ${sourceMeta(citation, lang)}` : citation.quote;
    const link = el(
      'a',
      { className: 'cite', text: `[${citation.n}]`, attrs: { href: '#', 'aria-label': `${strings[lang].sources} ${citation.n}: ${citation.title}` } },
      el('span', { className: 'tip', text: tip, attrs: { role: 'tooltip' } }),
    );
    link.addEventListener('click', (event) => {
      event.preventDefault();
      open(citation.source, citation.start, citation.end);
    });
    answer.append(link);
  }
  return answer;
}

/** One card per cited communiqué (its citations grouped under its title), in the order of first citation. */
export function renderSourceCards(citations: Citation[], answer: string, lang: Lang, open: OpenSource): HTMLElement {
  const groups = new Map<string, Citation[]>();
  for (const c of citations) groups.set(c.source, [...(groups.get(c.source) ?? []), c]);
  const cards = [...groups.values()].map((group) => {
    const passageButton = (c: Citation, ...content: Array<Node | string>) => {
      // A paged source (PDF) names the page of each passage, as a printed reference would.
      const page = c.page ? [el('span', { className: 'page', text: `p. ${c.page}` })] : [];
      const button = el('button', { className: 'passage', attrs: { type: 'button', title: strings[lang].openPassage(c.n) } }, el('span', { className: 'n', text: `[${c.n}]` }), ...page, ...content);
      button.addEventListener('click', () => open(c.source, c.start, c.end));
      return button;
    };
    // Passages the answer already quotes are listed by number only; the others show their quote.
    const quoted = group.filter((c) => quotedIn(answer, c.quote));
    const shown = group.filter((c) => !quotedIn(answer, c.quote));
    const rows: HTMLElement[] = shown.map((c) => el('li', {}, passageButton(c, el('mark', { className: 'quote', text: c.quote }))));
    if (quoted.length) rows.unshift(el('li', { className: 'quoted' }, ...quoted.map((c) => passageButton(c)), el('span', { className: 'see', text: strings[lang].quotedInAnswer(quoted.length) })));
    const first = group[0]!;
    return card(first, first.source, lang, () => open(first.source), el('ul', { className: 'passages' }, ...rows));
  });
  return el('div', { className: 'cards', attrs: { role: 'list', 'aria-label': strings[lang].sources } }, ...cards);
}

/** The communiqués a refusal points to, as cards that open them. */
export function renderSuggestionCards(suggestions: Suggestion[], lang: Lang, open: OpenSource): HTMLElement {
  return el('div', { className: 'cards', attrs: { role: 'list' } }, ...suggestions.map((s) => card(s, s.source, lang, () => open(s.source))));
}

function card(info: SourceInfo, source: string, lang: Lang, onTitle: () => void, ...extra: HTMLElement[]): HTMLElement {
  const title = el('button', { className: 'card-title', text: info.title, attrs: { type: 'button' } });
  title.addEventListener('click', onTitle);
  return el('article', { className: 'card', attrs: { role: 'listitem', 'data-source': source } }, title, el('p', { className: 'meta', text: sourceMeta(info, lang) }), ...extra);
}

/** The answer as plain text with a reference list, for the clipboard. */
export function referencesText(text: string, citations: Citation[], lang: Lang): string {
  if (!citations.length) return text;
  return `${text}\n\n${strings[lang].references}:\n${citations.map((c) => `[${c.n}] ${c.title} (${sourceMeta(c, lang)})`).join('\n')}`;
}
