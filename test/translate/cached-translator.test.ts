import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApertiumTranslator } from '../../src/translate/apertium-translator.js';
import { createCachedTranslator } from '../../src/translate/cached-translator.js';

// A real long-lived process chain (`cat` standing in for Apertium's programs), so that the engine does work.
const engine = createApertiumTranslator({ dir: '/nonexistent', stagesOf: () => [['cat']] });
afterAll(() => engine.close());

function cachedSpy(maxEntries: number) {
  const spy = vi.spyOn(engine, 'translate');
  spy.mockClear();
  return { cached: createCachedTranslator(engine, { maxEntries }), spy };
}

describe('createCachedTranslator', () => {
  it('serves a repeated quote from the cache without calling the engine', async () => {
    const { cached, spy } = cachedSpy(10);
    const first = await cached.translate(["L'OIM et le HCR.", 'Deuxième citation.'], 'fr', 'en');
    expect(spy).toHaveBeenCalledTimes(1);
    const again = await cached.translate(["L'OIM et le HCR."], 'fr', 'en');
    expect(spy).toHaveBeenCalledTimes(1);
    expect(again[0]).toEqual(first[0]);
    expect(again[0]?.text).toBe("L'IOM et le UNHCR.");
  });

  it('asks the engine only for the texts it lacks, once each, and keys by language pair', async () => {
    const { cached, spy } = cachedSpy(10);
    await cached.translate(['Un.'], 'fr', 'en');
    const results = await cached.translate(['Un.', 'Deux.', 'Deux.'], 'fr', 'en');
    expect(spy).toHaveBeenLastCalledWith(['Deux.'], 'fr', 'en', undefined);
    expect(results.map((r) => r?.text)).toEqual(['Un.', 'Deux.', 'Deux.']);
    await cached.translate(['Un.'], 'en', 'fr');
    expect(spy).toHaveBeenLastCalledWith(['Un.'], 'en', 'fr', undefined);
  });

  it('forgets the least recently used translation beyond its size', async () => {
    const { cached, spy } = cachedSpy(2);
    await cached.translate(['A.', 'B.'], 'fr', 'en');
    await cached.translate(['A.'], 'fr', 'en'); // A is now more recent than B
    await cached.translate(['C.'], 'fr', 'en'); // evicts B
    spy.mockClear();
    await cached.translate(['A.', 'B.', 'C.'], 'fr', 'en');
    expect(spy).toHaveBeenCalledExactlyOnceWith(['B.'], 'fr', 'en', undefined);
  });

  it('does not cache a failure: the text is asked again next time', async () => {
    const { cached, spy } = cachedSpy(10);
    spy.mockResolvedValueOnce([null]);
    expect(await cached.translate(['Échec.'], 'fr', 'en')).toEqual([null]);
    expect((await cached.translate(['Échec.'], 'fr', 'en'))[0]?.text).toBe('Échec.');
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
