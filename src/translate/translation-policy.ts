/**
 * Limits of machine translation, in one place: each with its default and why.
 */
export interface TranslationPolicy {
  /**
   * Longest wait for one text through one engine (ms). Default 10 000: a warm Apertium pipeline answers a quote
   * in about 10 ms and a cold start costs 0.3–1 s on two loaded cores, so only a stuck process reaches this;
   * an LLM gets the same bound because a late translation is worth less than the answer without it.
   */
  timeoutMs: number;
  /**
   * Translations kept in the LRU cache. Default 2 000: quotes are at most a chunk (~700 characters), so the cache
   * stays under a few megabytes while holding every quote of a small corpus's frequent answers.
   */
  cacheEntries: number;
  /**
   * Longest text sent to an engine, in characters; longer texts are not translated. Default 20 000: far above a
   * quote or a paragraph, it only stops a pathological document from holding a pipeline for seconds.
   */
  maxTextChars: number;
  /** Time given to child processes to exit after SIGTERM before SIGKILL (ms). Default 2 000. */
  killGraceMs: number;
}

/** Defaults of {@link TranslationPolicy}. */
export const translationPolicy: TranslationPolicy = {
  timeoutMs: 10_000,
  cacheEntries: 2_000,
  maxTextChars: 20_000,
  killGraceMs: 2_000,
};
