import { describe, expect, it } from 'vitest';
import { hashFeatures, HashEmbeddings } from '../../src/embeddings/hash-embeddings.js';

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('HashEmbeddings', () => {
  const embedder = new HashEmbeddings({ dimension: 512 });

  it('returns unit vectors of the configured dimension', async () => {
    const [v] = await embedder.embedDocuments(['Les réfugiés vénézuéliens en Amérique latine']);
    expect(v).toHaveLength(512);
    expect(Math.hypot(...v!)).toBeCloseTo(1, 6);
  });

  it('is deterministic across instances', async () => {
    const other = new HashEmbeddings({ dimension: 512 });
    expect(await other.embedQuery('migration sûre et régulière')).toEqual(await embedder.embedQuery('migration sûre et régulière'));
  });

  it('puts an English phrase closer to its French cognate than to an unrelated French phrase', async () => {
    const q = await embedder.embedQuery('Venezuelan refugees');
    const related = await embedder.embedQuery('réfugiés vénézuéliens');
    const unrelated = await embedder.embedQuery('budget du ministère des finances');
    expect(cosine(q, related)).toBeGreaterThan(cosine(q, unrelated) + 0.2);
  });

  it('ignores accents and case', async () => {
    expect(await embedder.embedQuery('RÉFUGIÉS')).toEqual(await embedder.embedQuery('refugies'));
  });

  it('is the signed sum of the square roots of its feature weights, for a text with thousands of features too', () => {
    const fromFeatures = (text: string, dimension: number) => {
      const vector = new Float64Array(dimension);
      for (const [h, weight] of hashFeatures(text)) vector[h % dimension]! += (h & 0x80000000 ? -1 : 1) * Math.sqrt(weight);
      const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0)) || 1;
      return Array.from(vector, (x) => x / norm);
    };
    // Distinct made-up words: about 2 000 words of 6 letters give over 30 000 features, more than the table first holds.
    const long = Array.from({ length: 2000 }, (_, i) => `w${(i * 7919).toString(36)}q${i % 10 ? 'x' : 'y'}`).join(' ');
    for (const text of ['Les réfugiés vénézuéliens en Amérique latine, réfugiés et migrants', long, 'OIM 2023', '']) {
      expect(embedder.embed(text)).toEqual(fromFeatures(text, 512));
    }
  });

  it('rejects an impossible dimension with the setting name', () => {
    expect(() => new HashEmbeddings({ dimension: 3 })).toThrow(/HASH_DIMENSION/);
  });
});
