import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes dictd's base-64 numbers (most significant digit first, no padding). */
export function decodeDictdNumber(text: string): number {
  let value = 0;
  for (const ch of text) {
    const digit = BASE64.indexOf(ch);
    if (digit < 0) throw new Error(`not a dictd number: ${text}`);
    value = value * 64 + digit;
  }
  return value;
}

/**
 * The translations in one FreeDict entry: the lines after the headword line, with sense numbers, part-of-speech
 * tags and parenthesised notes removed, split on commas and semicolons.
 */
export function parseFreedictEntry(entry: string): string[] {
  const [, ...lines] = entry.split('\n');
  const translations: string[] = [];
  for (const line of lines) {
    const cleaned = line.replace(/^\s*\d+\.\s*/, '').replace(/\([^)]*\)|<[^>]*>|\[[^\]]*\]/g, '').trim();
    if (!cleaned) continue;
    for (const part of cleaned.split(/[,;]/)) {
      const t = part.trim();
      if (t && !translations.includes(t)) translations.push(t);
    }
  }
  return translations;
}

/**
 * Reads a dictd dictionary (`.index` + `.dict` or gzip/dictzip `.dict.dz`) into headword → translations.
 * Offsets in the index count bytes of the decompressed data. Metadata entries (`00database…`) are skipped.
 */
export async function readDictd(indexPath: string, dictPath: string): Promise<Map<string, string[]>> {
  const [indexText, raw] = await Promise.all([readFile(indexPath, 'utf8'), readFile(dictPath)]);
  const data = dictPath.endsWith('.dz') || (raw[0] === 0x1f && raw[1] === 0x8b) ? gunzipSync(raw) : raw;
  const entries = new Map<string, string[]>();
  for (const line of indexText.split('\n')) {
    const [headword, offset, length] = line.split('\t');
    if (!headword || !offset || !length || headword.startsWith('00database') || headword.startsWith('00-database')) continue;
    const start = decodeDictdNumber(offset);
    const end = start + decodeDictdNumber(length);
    if (end > data.length) continue;
    const translations = parseFreedictEntry(data.subarray(start, end).toString('utf8'));
    if (translations.length === 0) continue;
    const existing = entries.get(headword);
    entries.set(headword, existing ? [...new Set([...existing, ...translations])] : translations);
  }
  return entries;
}
