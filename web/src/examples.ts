import type { SourceSummary } from './api.js';
import { strings, type Lang } from './i18n.js';

const MAX_TITLE = 80;

/** A title cut at a word boundary to at most MAX_TITLE characters ("…" when cut). */
function shortTitle(title: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_TITLE) return clean;
  const cut = clean.slice(0, MAX_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_TITLE / 2)).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** Example questions built from the indexed communiqués' titles, the most recent first (whatever the corpus). */
export function exampleQuestions(sources: SourceSummary[], lang: Lang, count = 3): string[] {
  return [...sources]
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
    .slice(0, count)
    .map((source) => strings[lang].exampleQuestion(shortTitle(source.title)));
}
