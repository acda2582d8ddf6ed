const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Characters per sub-word token in the estimate (BPE vocabularies split long words into pieces of about four). */
const CHARS_PER_TOKEN = 4;

/**
 * An approximate token count, for `usage` in OpenAI-compatible responses: no model tokenizer is involved here
 * (answers may not come from a model at all), so each word counts one token per started 4 characters and each
 * punctuation mark one token, close to what BPE tokenizers give for English and French prose.
 */
export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (isWordLike) tokens += Math.ceil(segment.length / CHARS_PER_TOKEN);
    else if (segment.trim()) tokens += segment.trim().length;
  }
  return tokens;
}
