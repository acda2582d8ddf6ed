import { domainGlossary, localiseAcronyms, type Glossary } from '../lexicon/glossary.js';
import { apertiumRoutes, readModeStages } from './apertium-mode.js';
import { fromApertiumStream, toApertiumStream, type TextSpan } from './apertium-stream.js';
import { createProcessChain, type ProcessChain } from './process-chain.js';
import { translationPolicy } from './translation-policy.js';
import type { Language, Translation, TranslationLog, Translator } from './translator.js';
import { settleEach } from './settle-each.js';

/** Options of {@link createApertiumTranslator}. */
export interface ApertiumTranslatorOptions {
  /** Apertium's data folder, with `modes/`. */
  dir: string;
  timeoutMs: number;
  killGraceMs: number;
  maxTextChars: number;
  /** The program chain of a mode; by default read from its mode file (tests pass stand-in programs). */
  stagesOf: (mode: string) => string[][];
  glossary: Glossary;
  /** The spans of a text the engine must leave as written, in order: people's names, which a chain through Spanish
   * would translate word by word ("Alexander De Croo" → "Alexander Of Croo"). None by default. */
  keep: (text: string) => TextSpan[];
  log: TranslationLog;
}

/** An Apertium translator, which also tells which processes it runs (for diagnostics and tests). */
export interface ApertiumTranslator extends Translator {
  /** Process id of each mode's running chain (its shell, which leads the group of the mode's programs). */
  processIds(): Record<string, number | null>;
}

/**
 * Apertium as a long-lived service: each mode's programs run once as a chain of processes in null-flush mode
 * (see {@link createProcessChain}), and French↔English goes through Spanish. A direction's two chains start on
 * its first call (0.3 s idle, seconds under load), not with the server: they hold about 330 MB, which a server
 * whose readers all read the corpus's language never needs. Unknown-word marks are removed and acronyms localised
 * with the domain glossary (OIM → IOM). A dead or stuck chain costs the texts in flight their translation (null,
 * one log line) and is started again by the next call.
 */
export function createApertiumTranslator(options: Partial<ApertiumTranslatorOptions> & { dir: string }): ApertiumTranslator {
  const settings: ApertiumTranslatorOptions = {
    timeoutMs: translationPolicy.timeoutMs,
    killGraceMs: translationPolicy.killGraceMs,
    maxTextChars: translationPolicy.maxTextChars,
    stagesOf: (mode) => readModeStages(options.dir, mode),
    glossary: domainGlossary,
    keep: () => [],
    log: () => {},
    ...options,
  };
  const chains = new Map<string, ProcessChain>();
  const chain = (mode: string) => {
    let found = chains.get(mode);
    if (!found) {
      found = createProcessChain(settings.stagesOf(mode), { name: `apertium ${mode}`, timeoutMs: settings.timeoutMs, killGraceMs: settings.killGraceMs });
      chains.set(mode, found);
    }
    return found;
  };

  async function translateOne(text: string, modes: readonly string[], to: Language): Promise<Translation | null> {
    if (!text.trim()) return null;
    if (text.length > settings.maxTextChars) throw new Error(`a text of ${text.length} characters is over the ${settings.maxTextChars} limit`);
    let block = toApertiumStream(text, settings.keep(text));
    // The first mode's output is already in stream format: it goes on to the next mode as it is.
    for (const mode of modes) block = await chain(mode).run(block);
    return { text: localiseAcronyms(settings.glossary, fromApertiumStream(block), to), engine: 'apertium' };
  }

  return {
    info: { engine: 'apertium', name: 'apertium', reason: `Apertium from ${settings.dir} (French↔English through Spanish)` },
    async translate(texts, from, to, { signal } = {}) {
      const modes = apertiumRoutes[`${from}>${to}`];
      if (modes.length === 0) return texts.map(() => null);
      const { results, failures } = await settleEach(texts, (text) => translateOne(text, modes, to), signal);
      if (failures.length) settings.log(`Translation ${from}→${to} (apertium): ${failures.length} of ${texts.length} texts untranslated: ${failures[0]}`);
      return results;
    },
    async close() {
      await Promise.all([...chains.values()].map((c) => c.close()));
    },
    processIds: () => Object.fromEntries([...chains].map(([mode, c]) => [mode, c.pid()])),
  };
}
