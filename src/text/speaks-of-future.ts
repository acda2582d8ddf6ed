/**
 * Whether a text speaks of what is still to come, in French or English, by closed-class words of the two languages:
 * future tenses ("présidera", "aura lieu", "will host"), future markers ("next", "upcoming", "prochain", "à venir",
 * "prévu") and intentions ("plans to", "a l'intention de"). A question about a future event is not answered by a
 * sentence that only tells of past ones.
 */
export function speaksOfFuture(text: string): boolean {
  const unaccented = text.normalize('NFKD').replace(/\p{M}+/gu, '');
  // A capitalised word is read as a name, not a verb, unless it opens the text ("Laura", "Sandra", "Petra" end like
  // a future; "Sera-t-il…" opens a question).
  const verbs = unaccented.replace(/(?<=[^\s]\s*)(?<![.!?:]\s*)\b\p{Lu}\p{L}*/gu, ' ').toLowerCase();
  return FUTURE_MARKERS.test(unaccented.toLowerCase()) || FRENCH_FUTURE.test(verbs);
}

// English and French words that place an event ahead (folded).
const FUTURE_MARKERS = /(?<!\p{L})(?:will|shall|next|upcoming|forthcoming|future|scheduled|planned|plans?|intends?|going to|prochaine?s?|futur(?:e|es|s)?|a venir|prevue?s?|prevoit|intention|envisage|envisagee?s?)(?!\p{L})/u;
// French future endings of the third persons ("présidera", "tiendront", "aura", "seront"); the first and second
// plural ones are left out, since "-erez" and "-erons" are also present forms ("énumérez", "considérons").
const FRENCH_FUTURE = /(?<!\p{L})(?:\p{L}{2,}(?:er|ir|dr|ur|tr)(?:a|as|ont)|aura|auront|sera|seront|fera|feront|ira|iront)(?!\p{L})/u;
