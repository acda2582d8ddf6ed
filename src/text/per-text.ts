/**
 * A function of a text remembered per text, for texts read again and again (the sentences of the loaded
 * communiqués, the words of questions and claims); the memory is forgotten as a whole once it holds `max` texts.
 */
export function perText<T>(compute: (text: string) => T, max: number): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= max) cache.clear();
      cache.set(text, (value = compute(text)));
    }
    return value;
  };
}
