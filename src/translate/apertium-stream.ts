/**
 * Apertium's stream format for plain text, written and read here instead of by `apertium-destxt` /
 * `apertium-retxt`, which drop the NUL that ends each block of a long-lived pipeline.
 */

// Characters with a meaning in the stream (lexical units, tags, superblanks): written with a backslash.
const RESERVED = /[\\[\]^$/<>{}@]/g;

/** A stretch of a text, by offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const escaped = (text: string) => text.replace(CONTROLS, '').replace(RESERVED, (c) => `\\${c}`);
const withBreaks = (text: string) => escaped(text).replace(/[^\S\n]*\n\s*/g, (blank) => `[${blank}]`);

/**
 * One text as a stream block: reserved characters escaped, line breaks kept as superblanks (passed through
 * untranslated), NUL and other controls dropped, and a final empty superblank so that the last word is flushed.
 * The `kept` spans (in order) are superblanks too, so that the engine leaves them as written.
 */
export function toApertiumStream(text: string, kept: readonly TextSpan[] = []): string {
  const to = text.trimEnd().length;
  let at = text.length - text.trimStart().length;
  let block = '';
  for (const span of kept) {
    const [start, end] = [Math.max(span.start, at), Math.min(span.end, to)];
    if (end <= start) continue;
    block += `${withBreaks(text.slice(at, start))}[${escaped(text.slice(start, end))}]`;
    at = end;
  }
  return `${block}${withBreaks(text.slice(at, to))}[]`;
}

/**
 * A translated block back to plain text: unknown-word marks removed (`*word` not in the dictionary, `@word`
 * without a translation, `#word` that could not be generated; a source text's own `#` or `*` before a word goes
 * too), escapes undone and superblanks replaced by their content.
 */
export function fromApertiumStream(block: string): string {
  const unmarked = block.replace(/(?<![\p{L}\p{N}\\])[*#@]+(?=[\p{L}\p{N}])/gu, '');
  let text = '';
  for (let i = 0; i < unmarked.length; i++) {
    const c = unmarked[i]!;
    if (c === '\\' && i + 1 < unmarked.length) text += unmarked[++i];
    else if (c !== '[' && c !== ']') text += c;
  }
  return text.trim();
}
