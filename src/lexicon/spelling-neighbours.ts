// Folded text has no accents: a typo inserts or replaces one of these letters.
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The words one edit away from a folded word (a letter left out, added or replaced, or two neighbours swapped) that
 * `isWord` accepts: the dictionary words a typo may stand for ("turky" → "turkey", "turk"). The candidates are
 * generated, not searched for (Norvig's spelling corrector), so a dictionary needs no index of its own.
 */
export function spellingNeighbours(word: string, isWord: (candidate: string) => boolean): string[] {
  const candidates = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) candidates.add(head + tail.slice(1));
    if (tail.length > 1) candidates.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      candidates.add(head + letter + tail);
      if (tail) candidates.add(head + letter + tail.slice(1));
    }
  }
  candidates.delete(word);
  return [...candidates].filter(isWord).sort();
}
