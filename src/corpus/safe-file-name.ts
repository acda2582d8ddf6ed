/** Characters never kept in a shown file name: controls (C0, C1, NUL), bidi overrides and isolates, zero-width marks. */
const UNSAFE = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/** Longest shown file name, in code points. */
const MAX_SHOWN = 120;
/** Longest slug in a stored file name, in characters. */
const MAX_SLUG = 48;

/**
 * The name of an uploaded file as it may be shown (in responses and the admin page): Unicode NFC, its last path
 * segment only, without controls or invisible direction marks, at most 120 code points. Never used as a path.
 */
export function shownFileName(name: string): string {
  const last = name.normalize('NFC').replace(UNSAFE, '').split(/[/\\]/).pop() ?? '';
  const trimmed = [...last.trim()].slice(0, MAX_SHOWN).join('').trim();
  return trimmed.replace(/^\.+$/, '') || 'untitled';
}

/**
 * The name an upload is stored under in the corpus folder: an ASCII slug of its name (accents folded, anything
 * else a dash), then the first 12 hex digits of the content's sha256, then the extension its content calls for.
 * Same content, same name; no separator, dot segment or control character can reach the file system.
 */
export function storedFileName(name: string, sha256: string, extension: string): string {
  const base = shownFileName(name).replace(/\.[^.]{1,8}$/, '');
  const slug = base
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return `${slug || 'document'}-${sha256.slice(0, 12)}${extension}`;
}
