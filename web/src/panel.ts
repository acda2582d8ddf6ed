import { fetchSource } from './api.js';
import { sourceMeta } from './citation-view.js';
import { byId, el } from './dom.js';
import type { Lang } from './i18n.js';

const panel = byId<HTMLElement>('panel');
const text = byId<HTMLElement>('panel-text');

/** Whether the side panel is showing a communiqué. */
export const panelOpen = () => !panel.hidden;

/** Hides the side panel. */
export function closePanel(): void {
  panel.hidden = true;
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

/** Opens the side panel with a communiqué's full text, the cited span highlighted and scrolled into view. */
export async function openPanel(id: string, lang: Lang, start?: number, end?: number): Promise<void> {
  const doc = await fetchSource(id);
  byId('panel-title').textContent = doc.title;
  byId('panel-meta').textContent = sourceMeta(doc, lang);
  panel.hidden = false;
  if (start !== undefined && end !== undefined && end <= doc.text.length) {
    const mark = el('mark', { text: doc.text.slice(start, end), attrs: { id: 'cited-span' } });
    text.replaceChildren(doc.text.slice(0, start), mark, doc.text.slice(end));
    text.scrollTop = lineTopAbove(text, mark);
  } else {
    text.replaceChildren(doc.text);
    text.scrollTop = 0;
  }
  text.focus({ preventScroll: true });
}
