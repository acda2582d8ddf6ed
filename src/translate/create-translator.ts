import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppConfig } from '../config/config.js';
import { AppError } from '../errors.js';
import { apertiumMissing } from './apertium-mode.js';
import type { TextSpan } from './apertium-stream.js';
import { createApertiumTranslator } from './apertium-translator.js';
import { createCachedTranslator } from './cached-translator.js';
import { createLlmTranslator } from './llm-translator.js';
import { translationPolicy } from './translation-policy.js';
import { createNoTranslator, type TranslationLog, type Translator } from './translator.js';

/** What {@link createTranslator} builds from besides the configuration. */
export interface TranslatorDeps {
  /** The configured chat model, or null in the extractive mode. */
  chatModel: BaseChatModel | null;
  /** Its name, carried by each of its translations. */
  model: string;
  /** One line per translation failure. */
  log?: TranslationLog;
  /** The translation prompt; prompts/translate.md by default. */
  promptTemplate?: string;
  /** Spans of a text a word-by-word engine must leave as written (people's names); none by default. */
  keep?: (text: string) => TextSpan[];
}

/** Reads the versioned translation prompt, `prompts/translate.md`. */
export function loadTranslatePrompt(path = resolve(import.meta.dirname, '../../prompts/translate.md')): string {
  return readFileSync(path, 'utf8');
}

/**
 * The translator `TRANSLATION` asks for, behind the LRU cache: `llm` (the chat model), `apertium` (installed
 * Debian packages), `none`, or `auto` — the LLM when one is configured, else Apertium when installed, else none.
 * An engine asked for by name that is not available is a configuration error; `auto` says why it chose (`info.reason`).
 */
export function createTranslator(config: AppConfig['translation'], deps: TranslatorDeps): Translator {
  const log = deps.log ?? (() => {});
  const timeoutMs = config.timeoutMs ?? translationPolicy.timeoutMs;
  const apertiumReason = apertiumMissing(config.apertiumDir);
  const llmReason = deps.chatModel ? null : 'no chat model is configured (LLM_PROVIDER=none)';
  if (config.mode === 'llm' && llmReason) throw new AppError('config', `TRANSLATION=llm but ${llmReason}.`);
  if (config.mode === 'apertium' && apertiumReason) throw new AppError('config', `TRANSLATION=apertium but ${apertiumReason}.`);

  let engine: Translator;
  if (deps.chatModel && (config.mode === 'llm' || config.mode === 'auto')) {
    engine = createLlmTranslator({ chatModel: deps.chatModel, model: deps.model, promptTemplate: deps.promptTemplate ?? loadTranslatePrompt(), timeoutMs, log });
  } else if (!apertiumReason && (config.mode === 'apertium' || config.mode === 'auto')) {
    engine = createApertiumTranslator({ dir: config.apertiumDir, timeoutMs, log, ...(deps.keep ? { keep: deps.keep } : {}) });
  } else {
    const why = config.mode === 'none' ? 'TRANSLATION=none' : `${llmReason}, and ${apertiumReason}`;
    return createNoTranslator(why);
  }
  const cached = createCachedTranslator(engine, { maxEntries: translationPolicy.cacheEntries });
  if (config.mode !== 'auto') return cached;
  const reason = llmReason ? `auto: ${llmReason}; ${engine.info.reason}` : `auto: ${engine.info.reason}`;
  return { ...cached, info: { ...cached.info, reason } };
}
