import { alignSpan } from '../../src/translate/aligned-span.js';
import { fetchSource, fetchTranslatedSource, type SourceDocument, type TranslatedSource } from './api.js';
import { sourceMeta } from './citation-view.js';
import { byId, el } from './dom.js';
import { strings, type Lang } from './i18n.js';

const panel = byId<HTMLElement>('panel');
const text = byId<HTMLElement>('panel-text');
const views = byId<HTMLElement>('panel-views');

/** Which text the panel shows of a communiqué in the other language. */
type View = 'original' | 'translation';

/** What the panel shows: a communiqué, the cited span, and its translation once it has come. */
interface Shown {
  doc: SourceDocument;
  lang: Lang;
  start?: number;
  end?: number;
  translated: TranslatedSource | null;
}

let shown: Shown | null = null;
/** The reader's last choice: the panel opens on the translation (when there is one) until they pick the original. */
let preferred: View = 'translation';
/** Whether the server has a translator (`/api/health`); without one the panel never offers a translation. */
let translationOffered = true;
/** Counts openings, so that a slow fetch for a communiqué no longer shown is dropped. */
let opening = 0;

/** Whether the side panel is showing a communiqué. */
export const panelOpen = () => !panel.hidden;

/** Hides the side panel. */
export function closePanel(): void {
  panel.hidden = true;
}

/** Tells the panel whether the server can translate (from `/api/health`). */
export function offerTranslation(available: boolean): void {
  translationOffered = available;
}

/**
 * Where to scroll the text box (never the page, so its header stays in view) to show the mark a third of the way
 * down: the top of a whole line of the text before it, so that the first visible line is not cut under the header.
 */
function lineTopAbove(box: HTMLElement, mark: HTMLElement): number {
  const target = mark.offsetTop - box.clientHeight / 3;
  const before = mark.previousSibling;
  if (target <= 0 || !before) return 0;
  const range = document.createRange();
  range.selectNodeContents(before);
  const origin = box.getBoundingClientRect().top - box.scrollTop;
  const tops = [...range.getClientRects()].map((rect) => rect.top - origin).filter((top) => top >= target);
  // That line at the very top: with the padding above it, the end of the line before would show, cut.
  return Math.max(0, tops.length ? Math.min(...tops) : mark.offsetTop);
}

/** Shows `body` in the text box with `span` highlighted and scrolled into view (or from the top without one). */
function showText(body: string, language: string, span: { start: number; end: number } | null): void {
  text.lang = language;
  if (span && span.end <= body.length) {
    const mark = el('mark', { text: body.slice(span.start, span.end), attrs: { id: 'cited-span' } });
    text.replaceChildren(body.slice(0, span.start), mark, body.slice(span.end));
    text.scrollTop = lineTopAbove(text, mark);
  } else {
    text.replaceChildren(body);
    text.scrollTop = 0;
  }
}

/** The original / translation switch, with the machine-translation label (or a note while it is on its way). */
function renderViews(current: Shown, view: View, note?: string): void {
  const t = strings[current.lang];
  if (note !== undefined) {
    views.replaceChildren(el('span', { className: 'quote-label', text: note }));
    views.hidden = false;
    return;
  }
  const button = (choice: View, label: string) => {
    const b = el('button', { text: label, attrs: { type: 'button', 'aria-pressed': String(choice === view), 'data-view': choice } });
    b.addEventListener('click', () => {
      preferred = choice;
      render(current, choice);
      views.querySelector<HTMLButtonElement>(`[data-view="${choice}"]`)?.focus();
    });
    return b;
  };
  const engine = current.translated?.translationEngine === 'apertium' ? 'Apertium' : current.translated?.translationEngine;
  views.replaceChildren(
    el('div', { className: 'switch', attrs: { role: 'group', 'aria-label': t.documentView } }, button('original', t.originalView), button('translation', t.translationView)),
    ...(view === 'translation' ? [el('span', { className: 'quote-label', text: `${t.machineTranslation} · ${engine}` })] : []),
  );
  views.hidden = false;
}

/** Shows the communiqué in one view: the translation with the cited sentences highlighted, or the original. */
function render(current: Shown, view: View): void {
  const { doc, translated, start, end } = current;
  const cited = start !== undefined && end !== undefined ? { start, end } : null;
  const translation = view === 'translation' && translated?.translatedText != null && translated.alignment ? translated : null;
  panel.dataset.view = translation ? 'translation' : 'original';
  byId('panel-title').textContent = translation?.titleTranslation ?? doc.title;
  byId('panel-meta').textContent = sourceMeta(doc, current.lang);
  if (translation) showText(translation.translatedText!, current.lang, cited && alignSpan(translation.alignment!, cited.start, cited.end));
  else showText(doc.text, doc.language, cited);
  if (translated) renderViews(current, panel.dataset.view as View);
}

/**
 * Opens the side panel with a communiqué's full text, the cited span highlighted and scrolled into view. A
 * communiqué in the other language than the reader's is offered in machine translation too (sentence-aligned by
 * the server, so the cited sentences stay highlighted), shown first unless the reader chose the original.
 */
export async function openPanel(id: string, lang: Lang, start?: number, end?: number): Promise<void> {
  const ticket = ++opening;
  const doc = await fetchSource(id);
  if (ticket !== opening) return;
  const current: Shown = { doc, lang, start, end, translated: null };
  shown = current;
  views.hidden = true;
  panel.hidden = false;
  render(current, 'original');
  text.focus({ preventScroll: true });
  const foreign = (doc.language === 'fr' || doc.language === 'en') && doc.language !== lang;
  if (!foreign || !translationOffered) return;
  renderViews(current, 'original', strings[lang].translating);
  try {
    const translated = await fetchTranslatedSource(id, lang);
    if (shown !== current) return;
    // No translation (the engine failed or timed out): the original stays, said quietly.
    if (translated.translatedText == null) return renderViews(current, 'original', strings[lang].translationFailed);
    current.translated = translated;
    render(current, preferred);
  } catch {
    if (shown === current) renderViews(current, 'original', strings[lang].translationFailed);
  }
}
