/** One sentence of an original text and where its translation sits in the translated text. */
export interface AlignedSentence {
  /** The sentence in the original: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** Its translation in the translated text: `translatedText.slice(translatedStart, translatedEnd)`. */
  translatedStart: number;
  translatedEnd: number;
}

/**
 * Where a span of the original (a cited quote) lies in the translation: from the translation of the first sentence
 * it touches to that of the last. A quote that starts or ends inside a sentence takes the whole sentence, since a
 * translation has no word-level correspondence to cut at. Null when the span touches no sentence (blank text).
 */
export function alignSpan(sentences: readonly AlignedSentence[], start: number, end: number): { start: number; end: number } | null {
  const touched = sentences.filter((s) => s.start < Math.max(end, start + 1) && s.end > start);
  if (touched.length === 0) return null;
  return { start: Math.min(...touched.map((s) => s.translatedStart)), end: Math.max(...touched.map((s) => s.translatedEnd)) };
}
