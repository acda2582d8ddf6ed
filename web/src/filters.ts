import type { AskRequest, SourceSummary } from './api.js';
import { byId, el } from './dom.js';
import { formatDate, strings, type Lang } from './i18n.js';

/** The API's filters as the page offers them: some communiqués, a date range (ISO days), all optional. */
export type Filters = Pick<AskRequest, 'sources' | 'from' | 'to'>;

const list = byId<HTMLUListElement>('filter-sources');
const from = byId<HTMLInputElement>('filter-from');
const to = byId<HTMLInputElement>('filter-to');
const summary = byId<HTMLElement>('filters-summary');
let lang: Lang = 'en';

/** The filters currently chosen (empty when none). */
export function currentFilters(): Filters {
  const sources = [...list.querySelectorAll<HTMLInputElement>('input:checked')].map((box) => box.value);
  return { ...(sources.length ? { sources } : {}), ...(from.value ? { from: from.value } : {}), ...(to.value ? { to: to.value } : {}) };
}

/** The filters in words ("2 communiqués, depuis le 1 janvier 2019"), or '' when none is set. */
export function describeFilters(filters: Filters, language: Lang): string {
  return strings[language].filtersSummary(filters.sources?.length ?? 0, filters.from ? formatDate(filters.from, language) : '', filters.to ? formatDate(filters.to, language) : '');
}

function updateSummary() {
  const text = describeFilters(currentFilters(), lang);
  summary.textContent = `· ${text || strings[lang].filtersNone}`;
  summary.classList.toggle('active', Boolean(text));
}

/** Lists the communiqués to choose from (newest first) in `language`, keeping the current choice. */
export function renderFilters(sources: SourceSummary[], language: Lang): void {
  lang = language;
  const chosen = new Set(currentFilters().sources);
  const ordered = [...sources].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  list.replaceChildren(
    ...ordered.map((source) => {
      const box = el('input', { attrs: { type: 'checkbox', value: source.id } });
      box.checked = chosen.has(source.id);
      box.addEventListener('change', updateSummary);
      return el('li', {}, el('label', {}, box, el('span', { className: 'filter-title', text: source.title }), el('span', { className: 'meta', text: formatDate(source.date, lang) })));
    }),
  );
  updateSummary();
}

/** Clears every filter. */
export function clearFilters(): void {
  list.querySelectorAll<HTMLInputElement>('input:checked').forEach((box) => (box.checked = false));
  from.value = '';
  to.value = '';
  updateSummary();
}

from.addEventListener('change', updateSummary);
to.addEventListener('change', updateSummary);
