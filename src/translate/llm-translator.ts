import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { domainGlossary, localiseAcronyms, type Glossary } from '../lexicon/glossary.js';
import { translationPolicy } from './translation-policy.js';
import type { Language, Translation, TranslationLog, Translator } from './translator.js';

const LANGUAGE_NAMES: Record<Language, string> = { fr: 'French', en: 'English' };

/** Dependencies and settings of {@link createLlmTranslator}. */
export interface LlmTranslatorOptions {
  chatModel: BaseChatModel;
  /** The model's name, which every translation carries as its engine. */
  model: string;
  /** The translation prompt (prompts/translate.md). */
  promptTemplate: string;
  timeoutMs: number;
  maxTextChars: number;
  glossary: Glossary;
  log: TranslationLog;
}

/** Fills the prompt template; everything above `---user---` becomes the system message. */
function promptMessages(template: string, texts: string[], from: Language, to: Language) {
  const [system, user] = template.replace(/^<!--[\s\S]*?-->\s*/, '').split(/^---user---\s*$/m);
  if (user === undefined) throw new Error('prompts/translate.md must contain a line "---user---" between the system and user parts');
  const fill = (text: string) =>
    text
      .replace(/\{\{from\}\}/g, LANGUAGE_NAMES[from])
      .replace(/\{\{to\}\}/g, LANGUAGE_NAMES[to])
      .replace(/\{\{count\}\}/g, String(texts.length))
      .replace(/\{\{texts\}\}/g, () => JSON.stringify(texts, null, 1));
  return [new SystemMessage(fill(system!).trim()), new HumanMessage(fill(user).trim())];
}

/** The model's reply as exactly `count` strings: the JSON array in it, fences and chatter around it ignored. */
function parseReply(reply: string, count: number): string[] {
  const start = reply.indexOf('[');
  const end = reply.lastIndexOf(']');
  if (start < 0 || end < start) throw new Error('the reply holds no JSON array');
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply.slice(start, end + 1));
  } catch {
    throw new Error('the reply is not valid JSON');
  }
  const result = z.array(z.string()).length(count).safeParse(parsed);
  if (!result.success) throw new Error(`the reply is not an array of ${count} strings`);
  return result.data;
}

/**
 * The configured chat model as a translator: all the texts of one call go in one request, as a JSON array, and
 * come back as one. A failed, late or malformed reply leaves every text of the call untranslated (one log line).
 */
export function createLlmTranslator(options: Pick<LlmTranslatorOptions, 'chatModel' | 'model' | 'promptTemplate'> & Partial<LlmTranslatorOptions>): Translator {
  const settings: LlmTranslatorOptions = {
    timeoutMs: translationPolicy.timeoutMs,
    maxTextChars: translationPolicy.maxTextChars,
    glossary: domainGlossary,
    log: () => {},
    ...options,
  };
  return {
    info: { engine: 'llm', name: settings.model, reason: `the configured chat model ${settings.model}` },
    async translate(texts, from, to, { signal } = {}) {
      const results: Array<Translation | null> = texts.map(() => null);
      const wanted = [...texts.keys()].filter((i) => texts[i]!.trim() && texts[i]!.length <= settings.maxTextChars);
      if (from === to || wanted.length === 0 || signal?.aborted) return results;
      try {
        const messages = promptMessages(settings.promptTemplate, wanted.map((i) => texts[i]!), from, to);
        const timeout = AbortSignal.timeout(settings.timeoutMs);
        const reply = await settings.chatModel.invoke(messages, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
        const translated = parseReply(reply.text, wanted.length);
        wanted.forEach((i, j) => (results[i] = { text: localiseAcronyms(settings.glossary, translated[j]!.trim(), to), engine: settings.model }));
      } catch (error) {
        if (!signal?.aborted) settings.log(`Translation ${from}→${to} (${settings.model}): ${wanted.length} of ${texts.length} texts untranslated: ${(error as Error).message}`);
      }
      return results;
    },
    close: async () => {},
  };
}
