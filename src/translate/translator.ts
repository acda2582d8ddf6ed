/** The two languages the assistant translates between. */
export type Language = 'fr' | 'en';

/** A machine translation of one text, with the engine that made it ("apertium" or the LLM's model name). */
export interface Translation {
  text: string;
  engine: string;
}

/** Options of one {@link Translator.translate} call. */
export interface TranslateOptions {
  /** Aborted when the client goes away: the call resolves at once with nulls for what is not done. */
  signal?: AbortSignal;
}

/** What translates, as the log and `/api/health` report it. */
export interface TranslatorInfo {
  engine: 'apertium' | 'llm' | 'none';
  /** The name each translation carries: "apertium", the model name, or "none". */
  name: string;
  /** Why this engine was chosen (or why there is none). */
  reason: string;
}

/**
 * Machine translation between French and English. One call takes all the texts of an answer (or a document)
 * so that an engine can batch them. It never rejects: a text that could not be translated comes back as null,
 * and the failure is logged once by the implementation, so a translation failure never fails an answer.
 */
export interface Translator {
  readonly info: TranslatorInfo;
  /** One translation (or null) per text, in order. */
  translate(texts: readonly string[], from: Language, to: Language, options?: TranslateOptions): Promise<Array<Translation | null>>;
  /** Stops child processes and timers; a later call starts them again. */
  close(): Promise<void>;
}

/** Where translators write their one line per failure. */
export type TranslationLog = (line: string) => void;

/** The translator when no engine is available: every text comes back untranslated. */
export function createNoTranslator(reason: string): Translator {
  return {
    info: { engine: 'none', name: 'none', reason },
    translate: async (texts) => texts.map(() => null),
    close: async () => {},
  };
}
