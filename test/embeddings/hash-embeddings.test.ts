import { describe, expect, it } from 'vitest';
import { HashEmbeddings } from '../../src/embeddings/hash-embeddings.js';

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

  it('rejects an impossible dimension with the setting name', () => {
    expect(() => new HashEmbeddings({ dimension: 3 })).toThrow(/HASH_DIMENSION/);
  });
});
