import type { Citation, Suggestion } from '../../src/answer/types.js';
import { el } from './dom.js';
import { formatDate, strings, type Lang } from './i18n.js';
import { splitTranslatedQuotes, type AnswerPiece } from './translated-quotes.js';

/**
 * How the page shows citations: the `[n]` links in an answer, the source cards under it (one per communiqué) and
 * the suggestion cards of a refusal. Everything about rendering a citation lives here.
 */

/** Opens a communiqué in the side panel, at a cited span when one is given. */
export type OpenSource = (source: string, start?: number, end?: number) => void;

/** What a card shows of a communiqué; the API may add a `publisher`, which is shown when present, never guessed. */
export interface SourceInfo {
  title: string;
  /** The title machine-translated into the answer's language, when the communiqué is in the other one. */
  titleTranslation?: string;
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

/** The `[n]` link of a citation: hovering or focusing it shows `tip`, clicking opens the cited span. */
function citeLink(citation: Citation, tip: string, lang: Lang, open: OpenSource): HTMLAnchorElement {
  const link = el(
    'a',
    { className: 'cite', text: `[${citation.n}]`, attrs: { href: '#', 'aria-label': `${strings[lang].sources} ${citation.n}: ${citation.title}` } },
    el('span', { className: 'tip', text: tip, attrs: { role: 'tooltip' } }),
  );
  link.addEventListener('click', (event) => {
    event.preventDefault();
    open(citation.source, citation.start, citation.end);
  });
  return link;
}

/** Appends `text` with each `[n]` a link; `whole` is the answer's full text (a quote it holds is not repeated in tips). */
function appendCited(into: HTMLElement, text: string, whole: string, citations: Citation[], lang: Lang, open: OpenSource): void {
  const byN = new Map(citations.map((c) => [c.n, c]));
  for (const part of text.split(/(\[\d+\])/)) {
    const m = /^\[(\d+)\]$/.exec(part);
    const citation = m ? byN.get(Number(m[1])) : undefined;
    if (!citation) {
      if (part) into.append(part);
      continue;
    }
    // When the quote sits right before its [n], the tip names the communiqué instead of repeating the quote.
    const tip = quotedIn(whole, citation.quote) ? `${citation.titleTranslation ?? citation.title} — ${sourceMeta(citation, lang)}` : citation.translation ? `${citation.quote}\n\n${strings[lang].machineTranslation}: ${citation.translation.text}` : citation.quote;
    into.append(citeLink(citation, tip, lang, open));
  }
}

/** The quotes the reader switched to their original text; kept while the page lives, across re-renders. */
const originalsShown = new WeakSet<Citation>();

/** The name of a translation engine as readers know it. */
const engineName = (engine: string) => (engine === 'apertium' ? 'Apertium' : engine);

/**
 * A quote in the other language, shown by default as its machine translation — labelled as such, never in
 * quotation marks, its `[n]` tip holding the verbatim quote — with a switch to the original (and back), which is
 * what the citation is.
 */
function translatedQuote(citation: Extract<AnswerPiece, { kind: 'quote' }>['citation'], whole: string, citations: Citation[], lang: Lang, open: OpenSource, answerLanguage?: Lang): HTMLElement {
  const t = strings[lang];
  const originalLanguage = answerLanguage ? (answerLanguage === 'fr' ? 'en' : 'fr') : undefined;
  const label = el('span', { className: 'quote-label' });
  const toggle = el('button', { className: 'quote-switch', attrs: { type: 'button' } });
  const translation = el('p', { className: 'quote-translation', attrs: answerLanguage ? { lang: answerLanguage } : {} }, citation.translation.text, ' ', citeLink(citation, `${t.original}: ${citation.quote}`, lang, open));
  const original = el('blockquote', { className: 'quote-original', attrs: originalLanguage ? { lang: originalLanguage } : {} }, `${t.quoteOpen}${citation.quote}${t.quoteClose} `);
  appendCited(original, `[${citation.n}]`, whole, citations, lang, open);
  const block = el('div', { className: 'quote-block' }, el('div', { className: 'quote-head' }, label, toggle), translation, original);
  const show = () => {
    const originalShown = originalsShown.has(citation);
    block.dataset.view = originalShown ? 'original' : 'translation';
    translation.hidden = originalShown;
    original.hidden = !originalShown;
    label.textContent = originalShown ? t.originalText : `${t.machineTranslation} · ${engineName(citation.translation.engine)}`;
    toggle.textContent = originalShown ? t.showTranslation : t.showOriginal;
  };
  toggle.addEventListener('click', () => {
    if (originalsShown.has(citation)) originalsShown.delete(citation);
    else originalsShown.add(citation);
    show();
  });
  show();
  return block;
}

/**
 * The answer's text with each `[n]` a link to its passage; hovering or focusing it shows what it points to. A quote
 * the answer follows with its machine translation becomes a block showing the translation, with a switch to the
 * original. `answerLanguage` (the answer's, when known) marks which language each text is in.
 */
export function renderAnswerText(text: string, citations: Citation[], lang: Lang, open: OpenSource, answerLanguage?: Lang): HTMLElement {
  const answer = el('div', { className: 'answer' });
  const pieces = splitTranslatedQuotes(text, citations);
  pieces.forEach((piece, i) => {
    if (piece.kind === 'quote') return answer.append(translatedQuote(piece.citation, text, citations, lang, open, answerLanguage));
    // The line breaks that separated a quote from its neighbours are the block's own margins now.
    let part = piece.text;
    if (pieces[i - 1]?.kind === 'quote') part = part.replace(/^\n+/, '');
    if (pieces[i + 1]?.kind === 'quote') part = part.replace(/\n+$/, '');
    appendCited(answer, part, text, citations, lang, open);
  });
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
    const rows: HTMLElement[] = shown.map((c) =>
      el('li', {}, passageButton(c, el('mark', { className: 'quote', text: c.quote })), ...(c.translation ? [el('p', { className: 'card-translation' }, el('span', { className: 'quote-label', text: strings[lang].machineTranslation }), ' ', c.translation.text)] : [])),
    );
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
  const title = el('button', { className: 'card-title', text: info.titleTranslation ?? info.title, attrs: { type: 'button' } });
  title.addEventListener('click', onTitle);
  // A translated title is the reader's; the original, under it, is the one to cite.
  const original = info.titleTranslation ? [el('p', { className: 'original-title' }, el('span', { className: 'quote-label', text: strings[lang].originalTitle }), ' ', info.title)] : [];
  return el('article', { className: 'card', attrs: { role: 'listitem', 'data-source': source } }, title, ...original, el('p', { className: 'meta', text: sourceMeta(info, lang) }), ...extra);
}

/** The answer as plain text with a reference list, for the clipboard. */
export function referencesText(text: string, citations: Citation[], lang: Lang): string {
  if (!citations.length) return text;
  return `${text}\n\n${strings[lang].references}:\n${citations.map((c) => `[${c.n}] ${c.title} (${sourceMeta(c, lang)})`).join('\n')}`;
}
