/** What a page's head says about the release it carries; each field null when the page does not say. */
export interface HtmlMetadata {
  title: string | null;
  date: string | null;
  language: string | null;
  publisher: string | null;
  url: string | null;
}

type Json = Record<string, unknown>;

/** Types of JSON-LD object that describe the page's article (schema.org), preferred over WebPage or Organization. */
const ARTICLE_TYPE = /article|report|release|posting|creativework/i;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** A name given as a string, an object with `name`, or a list of either: the first one. */
function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') return text((value as Json).name) ?? text((value as Json).alternateName);
  return text(value);
}

/** `2024-03-07T09:00:00+01:00`, `2024-03-07` → `2024-03-07`; anything else → null (the dateline is tried instead). */
export function isoDay(value: string | null | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value?.trim() ?? '');
  return m ? m[1]! : null;
}

/** `fr-FR`, `fr_FR`, `FR` → `fr`: the primary language subtag, as the rest of the pipeline names languages. */
export function primaryLanguage(value: string | null | undefined): string | null {
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(value?.trim() ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

/** Every object in the page's JSON-LD blocks (top level, arrays and `@graph`), skipping blocks that do not parse. */
function jsonLdObjects(document: Document): Json[] {
  const objects: Json[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      objects.push(value as Json);
      if ((value as Json)['@graph']) visit((value as Json)['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken block is common on real sites; the other sources of metadata still count.
    }
  }
  return objects;
}

/**
 * Reads a page's metadata from JSON-LD (`headline`, `datePublished`, `publisher`, `inLanguage`, `url`), Open Graph
 * and `<meta>` tags, `<link rel="canonical">`, `<html lang>` and `<title>`, in that order of trust: structured data
 * describes the article itself, the others often the site.
 */
export function readHtmlMetadata(document: Document): HtmlMetadata {
  const meta = (...keys: string[]) => {
    for (const key of keys) {
      const value = text(document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content'));
      if (value) return value;
    }
    return null;
  };
  const objects = jsonLdObjects(document);
  const article = objects.find((o) => ARTICLE_TYPE.test(String(o['@type'] ?? '')) && o.datePublished !== undefined) ?? objects.find((o) => ARTICLE_TYPE.test(String(o['@type'] ?? ''))) ?? {};
  const mainEntity = article.mainEntityOfPage;
  return {
    title: text(article.headline) ?? meta('og:title', 'twitter:title') ?? text(document.querySelector('title')?.textContent),
    date: isoDay(text(article.datePublished)) ?? isoDay(meta('article:published_time', 'date', 'dc.date', 'DC.date.issued')) ?? isoDay(document.querySelector('time[datetime]')?.getAttribute('datetime')),
    language: primaryLanguage(nameOf(article.inLanguage)) ?? primaryLanguage(document.documentElement?.getAttribute('lang')) ?? primaryLanguage(meta('og:locale')),
    publisher: nameOf(article.publisher) ?? meta('og:site_name', 'publisher') ?? nameOf(objects.find((o) => /organization/i.test(String(o['@type'] ?? '')))),
    url:
      text(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
      meta('og:url') ??
      text(article.url) ??
      (typeof mainEntity === 'string' ? text(mainEntity) : text((mainEntity as Json | undefined)?.['@id'])),
  };
}
