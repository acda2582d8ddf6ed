import type { Language, TranslateOptions, Translator } from './translator.js';

/** A paragraph of a document's text: `text.slice(start, end)`, without surrounding blank lines. */
export interface ParagraphSpan {
  start: number;
  end: number;
}

/** A document's translation: the title, one translated paragraph per paragraph of the original, and the engine. */
export interface DocumentTranslation {
  titleTranslation: string | null;
  /** Null unless every paragraph was translated, so that a reader never gets a silently partial text. */
  translation: Array<ParagraphSpan & { text: string }> | null;
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
 * Translates a document's title and paragraphs into `to` in one translator call, paragraph by paragraph so that
 * each translation lines up with its span of the original (the web panel highlights cited spans through them).
 * Nothing is translated when the document is already in `to` or in neither French nor English.
 */
export async function translateDocument(
  translator: Translator,
  document: { title: string; text: string; language: string },
  to: Language,
  options?: TranslateOptions,
): Promise<DocumentTranslation> {
  const from = document.language === 'fr' || document.language === 'en' ? document.language : null;
  if (!from || from === to) return { titleTranslation: null, translation: null, translationEngine: null };
  const spans = paragraphSpans(document.text);
  const [title, ...paragraphs] = await translator.translate([document.title, ...spans.map((s) => document.text.slice(s.start, s.end))], from, to, options);
  const complete = paragraphs.every((p) => p !== null);
  return {
    titleTranslation: title?.text ?? null,
    translation: complete ? spans.map((s, i) => ({ ...s, text: paragraphs[i]!.text })) : null,
    translationEngine: (complete && paragraphs[0]?.engine) || title?.engine || null,
  };
}
