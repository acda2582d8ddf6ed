import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { AppError } from '../errors.js';
import type { Passage } from '../retrieval/create-retriever.js';
import type { AnswerLanguage } from '../text/detect-language.js';
import { messages } from './messages.js';

const LANGUAGE_NAMES: Record<AnswerLanguage, string> = { fr: 'French', en: 'English' };

/** Passage text made safe for the fence: it cannot close the `<passages>` block or open a fake passage. */
function fence(text: string): string {
  return text.replace(/<\/?\s*passages?\b/gi, (m) => m.replace('<', '‹'));
}

/** Fills the prompt template; everything above `---user---` becomes the system message. */
export function buildPromptMessages(template: string, question: string, language: AnswerLanguage, passages: Passage[]): BaseMessage[] {
  const body = template.replace(/^<!--[\s\S]*?-->\s*/, '');
  const [system, user] = body.split(/^---user---\s*$/m);
  if (user === undefined) throw new AppError('config', 'prompts/answer.md must contain a line "---user---" between the system and user parts.');
  const passageText = passages
    .map((p, i) => `<passage n="${i + 1}" source="${p.chunk.docId}" title="${fence(p.chunk.title).replace(/"/g, "'")}" date="${p.chunk.date ?? ''}">\n${fence(p.chunk.text)}\n</passage>`)
    .join('\n');
  const fill = (text: string) =>
    text
      .replace(/\{\{language\}\}/g, LANGUAGE_NAMES[language])
      .replace(/\{\{refusal\}\}/g, messages[language].refusal)
      .replace(/\{\{passages\}\}/g, () => passageText)
      .replace(/\{\{question\}\}/g, () => question);
  return [new SystemMessage(fill(system!).trim()), new HumanMessage(fill(user).trim())];
}

/**
 * Removes citation markers that point at no passage, across stream chunk boundaries: a trailing `[` or `[12`
 * is held back until the next chunk shows whether it is a marker.
 */
export function createCitationFilter(count: number) {
  let pending = '';
  const used = new Set<number>();
  const clean = (text: string) =>
    text.replace(/\s?\[(\d{1,3})\]/g, (marker, digits: string) => {
      const n = Number(digits);
      if (n >= 1 && n <= count) {
        used.add(n);
        return marker;
      }
      return '';
    });
  return {
    /** Filters the next chunk; returns the text that is safe to emit now. */
    push(chunk: string): string {
      const text = pending + chunk;
      const hold = /\s?\[\d{0,3}$/.exec(text);
      pending = hold ? text.slice(hold.index) : '';
      return clean(hold ? text.slice(0, hold.index) : text);
    },
    /** Emits whatever was held back at the end of the stream. */
    flush(): string {
      const rest = clean(pending);
      pending = '';
      return rest;
    },
    used,
  };
}
