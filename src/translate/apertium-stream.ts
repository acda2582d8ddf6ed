/**
 * Apertium's stream format for plain text, written and read here instead of by `apertium-destxt` /
 * `apertium-retxt`, which drop the NUL that ends each block of a long-lived pipeline.
 */

// Characters with a meaning in the stream (lexical units, tags, superblanks): written with a backslash.
const RESERVED = /[\\[\]^$/<>{}@]/g;

/**
 * One text as a stream block: reserved characters escaped, line breaks kept as superblanks (passed through
 * untranslated), NUL and other controls dropped, and a final empty superblank so that the last word is flushed.
 */
export function toApertiumStream(text: string): string {
  return (
    text
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .trim()
      .replace(RESERVED, (c) => `\\${c}`)
      .replace(/[^\S\n]*\n\s*/g, (blank) => `[${blank}]`) + '[]'
  );
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
