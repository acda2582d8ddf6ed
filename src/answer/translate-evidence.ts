import type { CorpusDocument } from '../corpus/load-corpus.js';
import type { Language, Translator } from '../translate/translator.js';
import { documentUnits, tokenize } from './evidence-units.js';
import { tokenBag, type Bag } from './score-evidence.js';

/** Each evidence unit's machine translation as words to match (by position in `documentUnits`), for one language. */
export type UnitTranslations = (document: CorpusDocument) => Bag[] | undefined;

const NONE: UnitTranslations = () => undefined;

const isLanguage = (l: string): l is Language => l === 'fr' || l === 'en';

/**
 * Machine translations of the evidence sentences of documents written in the other language, so that a question's
 * own words can be matched where the dictionaries miss ("how was the meeting held" against "s'est tenue par
 * vidéoconférence", translated "has been held by videoconference"). Each document is translated once, all its
 * sentences in one call, and kept for the `maxDocuments` most recently used; a failed translation is tried again
 * next time.
 */
export function createEvidenceTranslator(translator: Translator, maxDocuments: number) {
  // Least recently used first (a Map keeps insertion order); keyed by document id and target language.
  const cache = new Map<string, { document: CorpusDocument; bags: Promise<Bag[] | null> }>();

  function translateDocument(document: CorpusDocument, to: Language, signal?: AbortSignal): Promise<Bag[] | null> {
    const key = `${to}:${document.id}`;
    const cached = cache.get(key);
    cache.delete(key);
    // A document replaced by a re-index is a new object: its old translation is stale.
    if (cached && cached.document === document) {
      cache.set(key, cached);
      return cached.bags;
    }
    const units = documentUnits(document);
    const bags = translator.translate(units.map((u) => u.text), document.language as Language, to, { signal }).then((translations) => {
      if (translations.some((t) => !t)) {
        cache.delete(key);
        return null;
      }
      return translations.map((t) => tokenBag(tokenize(t!.text), to));
    });
    cache.set(key, { document, bags });
    if (cache.size > maxDocuments) cache.delete(cache.keys().next().value!);
    return bags;
  }

  /** The translations into `language` of these documents' sentences (those in the other language), once ready. */
  async function prepare(documents: Iterable<CorpusDocument>, language: string, signal?: AbortSignal): Promise<UnitTranslations> {
    if (translator.info.engine === 'none' || !isLanguage(language)) return NONE;
    const foreign = [...documents].filter((d) => isLanguage(d.language) && d.language !== language);
    if (foreign.length === 0) return NONE;
    const bags = new Map<CorpusDocument, Bag[]>();
    await Promise.all(foreign.map(async (d) => {
      const translated = await translateDocument(d, language, signal);
      if (translated) bags.set(d, translated);
    }));
    return (document) => bags.get(document);
  }

  return { prepare };
}

/** Built by {@link createEvidenceTranslator}. */
export type EvidenceTranslator = ReturnType<typeof createEvidenceTranslator>;
