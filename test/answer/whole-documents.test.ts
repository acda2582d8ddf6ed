import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withWholeDocuments } from '../../src/answer/whole-documents.js';
import type { Runtime } from '../../src/runtime/node-runtime.js';
import { corpusBDir, seedsRuntime } from '../helpers/seeds-runtime.js';

let runtime: Runtime;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ runtime, cleanup } = await seedsRuntime({}, corpusBDir)));
afterAll(async () => cleanup());

const question = 'Qui présidera le comité de pilotage du Fonds commun pour l’eau ?';
const chunksOf = async (docId: string) => (await runtime.retriever.search(question, { k: 50, filters: { sources: [docId] } })).length;

describe('whole documents in the evidence pool', () => {
  it('adds every passage of the best document to a pool that holds one of them, ranked below the pool', async () => {
    const pool = await runtime.retriever.search(question, { k: 1 });
    const docId = pool[0]!.chunk.docId;
    expect(await chunksOf(docId)).toBeGreaterThan(1);
    const whole = await withWholeDocuments(pool, question, runtime.retriever, { wholeDocuments: 1, passagesPerDocument: 12 });
    expect(whole[0]).toBe(pool[0]);
    expect(whole.filter((p) => p.chunk.docId === docId)).toHaveLength(await chunksOf(docId));
    expect(new Set(whole.map((p) => p.chunk.id)).size).toBe(whole.length);
    for (const p of whole.slice(1)) expect(p.score).toBeLessThanOrEqual(pool[0]!.score);
  });

  it('keeps the filters of the search: a document they leave out is not read', async () => {
    const pool = await runtime.retriever.search(question, { k: 1 });
    const whole = await withWholeDocuments(pool, question, runtime.retriever, { wholeDocuments: 1, passagesPerDocument: 12 }, { sources: ['b05_hurricane_appeal_en.txt'] });
    expect(whole).toEqual(pool);
  });

  it('leaves the pool as it is when no document is to be read whole', async () => {
    const pool = await runtime.retriever.search(question, { k: 1 });
    expect(await withWholeDocuments(pool, question, runtime.retriever, { wholeDocuments: 0, passagesPerDocument: 12 })).toEqual(pool);
  });
});
