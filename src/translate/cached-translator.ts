import type { Language, Translation, Translator } from './translator.js';

/** Options of {@link createCachedTranslator}. */
export interface TranslationCacheOptions {
  /** Most translations kept; the least recently used goes first. */
  maxEntries: number;
}

/**
 * Puts a bounded LRU cache in front of a translator, keyed by text, language pair and engine: a quote that comes
 * back in the next answer costs a map look-up. Only the texts the cache lacks reach the engine, once each even
 * when repeated in one call; failures (nulls) are not cached, so they are tried again next time.
 */
export function createCachedTranslator(engine: Translator, { maxEntries }: TranslationCacheOptions): Translator {
  const cache = new Map<string, Translation>();
  const keyOf = (text: string, from: Language, to: Language) => `${engine.info.name}\u0000${from}>${to}\u0000${text}`;
  const remember = (key: string, translation: Translation) => {
    cache.delete(key);
    cache.set(key, translation);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
  };
  return {
    info: engine.info,
    async translate(texts, from, to, options) {
      const keys = texts.map((text) => keyOf(text, from, to));
      const results = keys.map((key) => cache.get(key) ?? null);
      for (const [i, found] of results.entries()) if (found) remember(keys[i]!, found);
      const missing = [...new Set(texts.filter((_, i) => !results[i]))];
      if (missing.length) {
        const translated = await engine.translate(missing, from, to, options);
        const byText = new Map(missing.map((text, i) => [text, translated[i] ?? null]));
        for (const [i, text] of texts.entries()) {
          if (results[i]) continue;
          results[i] = byText.get(text) ?? null;
          if (results[i]) remember(keys[i]!, results[i]!);
        }
      }
      return results;
    },
    close: () => engine.close(),
  };
}
