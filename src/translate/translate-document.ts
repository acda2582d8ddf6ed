import { sentenceSpans } from '../text/sentence-spans.js';
import type { AlignedSentence } from './aligned-span.js';
import type { Language, TranslateOptions, Translator } from './translator.js';

/** A paragraph of a document's text: `text.slice(start, end)`, without surrounding blank lines. */
export interface ParagraphSpan {
  start: number;
  end: number;
}

/**
 * A document's translation: the title, the whole text translated sentence by sentence (line breaks and paragraphs
 * kept where the original has them), where each sentence of the original went, and the same text cut into the
 * original's paragraphs.
 */
export interface DocumentTranslation {
  titleTranslation: string | null;
  /** Null unless every sentence was translated, so that a reader never gets a silently partial text. */
  translation: Array<ParagraphSpan & { text: string }> | null;
  /** The translated document; null as `translation` is. */
  translatedText: string | null;
  /** One entry per sentence of the original, in order: its span there and its translation's span in `translatedText`. */
  alignment: AlignedSentence[] | null;
  translationEngine: string | null;
}

/** The paragraphs of a text: runs of lines with something on them, separated by blank lines. */
export function paragraphSpans(text: string): ParagraphSpan[] {
  return [...text.matchAll(/[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g)].map((m) => {
    const leading = m[0].length - m[0].trimStart().length;
    return { start: m.index + leading, end: m.index + m[0].trimEnd().length };
  });
}

/**
 * The translated text assembled from one translation per sentence: the white space between two sentences of the
 * original (a space, a line break, a blank line) is kept between their translations, so the layout survives.
 */
export function assembleTranslation(text: string, sentences: readonly ParagraphSpan[], translations: readonly string[]): { translatedText: string; alignment: AlignedSentence[] } {
  let translatedText = '';
  const alignment = sentences.map((s, i) => {
    // Between sentences the original holds only white space (sentence spans are trimmed segments of whole lines).
    if (i > 0) translatedText += text.slice(sentences[i - 1]!.end, s.start);
    const translatedStart = translatedText.length;
    translatedText += translations[i]!;
    return { start: s.start, end: s.end, translatedStart, translatedEnd: translatedText.length };
  });
  return { translatedText, alignment };
}

const untranslated: DocumentTranslation = { titleTranslation: null, translation: null, translatedText: null, alignment: null, translationEngine: null };

/**
 * Translates a document's title and text into `to` in one translator call, sentence by sentence, so that each
 * sentence of the original maps to its translation: the web panel highlights a cited span in the translated text
 * through that alignment (`alignSpan` in aligned-span.ts). Nothing is translated when the document is already in `to` or in
 * neither French nor English.
 */
export async function translateDocument(
  translator: Translator,
  document: { title: string; text: string; language: string },
  to: Language,
  options?: TranslateOptions,
): Promise<DocumentTranslation> {
  const from = document.language === 'fr' || document.language === 'en' ? document.language : null;
  if (!from || from === to) return untranslated;
  const sentences = sentenceSpans(document.text, from);
  const [title, ...translated] = await translator.translate([document.title, ...sentences.map((s) => document.text.slice(s.start, s.end))], from, to, options);
  const titleTranslation = title?.text ?? null;
  if (!translated.every((t) => t !== null)) return { ...untranslated, titleTranslation, translationEngine: title?.engine ?? null };
  const { translatedText, alignment } = assembleTranslation(document.text, sentences, translated.map((t) => t!.text));
  const translation = paragraphSpans(document.text).map((p) => {
    const inside = alignment.filter((s) => s.start >= p.start && s.end <= p.end);
    return { ...p, text: inside.length ? translatedText.slice(inside[0]!.translatedStart, inside.at(-1)!.translatedEnd) : '' };
  });
  return { titleTranslation, translation, translatedText, alignment, translationEngine: translated[0]?.engine ?? title?.engine ?? null };
}
