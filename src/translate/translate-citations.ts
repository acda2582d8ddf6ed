import { detectLanguage } from '../text/detect-language.js';
import type { Language, Translation, Translator } from './translator.js';

/** Options of {@link translateCitations}. */
export interface TranslateCitationsOptions<C> {
  /** The language of a citation's document (an ISO code such as the chunk's `language`); detected from the quote by default. */
  languageOf?: (citation: C) => string;
  /** The answer's signal: when the client goes away, the citations come back as they are. */
  signal?: AbortSignal;
}

/**
 * Adds `translation: { text, engine }` to each citation whose document is in the other language than the answer
 * (French quotes in an English answer, English quotes in a French one), and `titleTranslation` (the communiqué's
 * title, for source cards), with one translator call for all of them (each title once).
 * The verbatim `quote` and its span are left as they are: a translation is shown beside a quote, never as one.
 * A citation the engine could not translate comes back without `translation`; this never rejects.
 */
export async function translateCitations<C extends { quote: string; title: string }>(
  translator: Translator,
  citations: readonly C[],
  answerLanguage: Language,
  options: TranslateCitationsOptions<C> = {},
): Promise<Array<C & { translation?: Translation; titleTranslation?: string }>> {
  const languageOf = options.languageOf ?? ((c: C) => detectLanguage(c.quote));
  const other: Language = answerLanguage === 'fr' ? 'en' : 'fr';
  const foreign = citations.filter((c) => languageOf(c) === other);
  if (foreign.length === 0) return [...citations];
  const titles = [...new Set(foreign.map((c) => c.title))];
  const translations = await translator.translate([...foreign.map((c) => c.quote), ...titles], other, answerLanguage, { signal: options.signal });
  const byCitation = new Map(foreign.map((c, i) => [c, translations[i]]));
  const byTitle = new Map(titles.map((title, i) => [title, translations[foreign.length + i]?.text]));
  return citations.map((c) => {
    const translation = byCitation.get(c);
    const titleTranslation = byCitation.has(c) ? byTitle.get(c.title) : undefined;
    return translation || titleTranslation ? { ...c, ...(translation ? { translation } : {}), ...(titleTranslation ? { titleTranslation } : {}) } : c;
  });
}
