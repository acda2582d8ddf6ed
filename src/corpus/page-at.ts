import type { CorpusDocument } from './load-corpus.js';

/** The page (from 1) on which a character offset of a paged document's text falls; undefined for unpaged documents. */
export function pageAt(document: Pick<CorpusDocument, 'pages'>, offset: number): number | undefined {
  const pages = document.pages;
  if (!pages?.length) return undefined;
  let page = pages[0]!.page;
  for (const p of pages) {
    if (p.start > offset) break;
    page = p.page;
  }
  return page;
}
