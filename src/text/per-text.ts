/**
 * A function of a text remembered per text, for texts read again and again (the sentences of the loaded
 * communiqués, the words of questions and claims), or of a number (an offset in a file read again and again); the
 * memory is forgotten as a whole once it holds `max` texts.
 */
export function perText<T, K extends string | number = string>(compute: (text: K) => T, max: number): (text: K) => T {
  const cache = new Map<K, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= max) cache.clear();
      cache.set(text, (value = compute(text)));
    }
    return value;
  };
}
