import type { Chunk } from '../ingest/chunk-document.js';
import type { Passage } from './retriever.js';

/** Settings of {@link fuseRankings}. */
export interface FusionSettings {
  vectorWeight: number;
  lexicalWeight: number;
  /** The k of reciprocal rank fusion: larger flattens the difference between ranks. */
  rrfK: number;
  /** Score multiplier applied once per passage already chosen from the same document (diversity). */
  sameDocumentDecay: number;
}

function overlapRatio(a: Chunk, b: Chunk): number {
  if (a.docId !== b.docId) return 0;
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap <= 0 ? 0 : overlap / Math.min(a.end - a.start, b.end - b.start);
}

/**
 * Weighted reciprocal rank fusion of a vector ranking and a lexical ranking (each `[chunk, score]`, best first),
 * then a greedy choice of `k` with a per-document decay and no heavily overlapping chunks, so that a second
 * communiqué that matches is not crowded out by neighbours of the first. Scores are scaled so that first place in
 * every signal used is 1.
 */
export function fuseRankings(
  vector: Array<[Chunk, number]>,
  lexical: Array<[Chunk, number]>,
  settings: FusionSettings,
  k: number,
  used: { vector: boolean; lexical: boolean },
): Passage[] {
  const fused = new Map<string, Passage>();
  const entry = (chunk: Chunk): Passage => {
    let passage = fused.get(chunk.id);
    if (!passage) {
      passage = { chunk, score: 0, vectorScore: null, lexicalScore: null };
      fused.set(chunk.id, passage);
    }
    return passage;
  };
  vector.forEach(([chunk, similarity], rank) => {
    const p = entry(chunk);
    p.vectorScore = similarity;
    p.score += settings.vectorWeight / (settings.rrfK + rank + 1);
  });
  lexical.forEach(([chunk, score], rank) => {
    const p = entry(chunk);
    p.lexicalScore = score;
    p.score += settings.lexicalWeight / (settings.rrfK + rank + 1);
  });
  const best = ((used.vector ? settings.vectorWeight : 0) + (used.lexical ? settings.lexicalWeight : 0)) / (settings.rrfK + 1);
  for (const p of fused.values()) p.score /= best;

  const remaining = [...fused.values()];
  const chosen: Passage[] = [];
  const perDocument = new Map<string, number>();
  while (chosen.length < k && remaining.length > 0) {
    let bestIndex = -1;
    let bestScore = -Infinity;
    remaining.forEach((p, i) => {
      const adjusted = p.score * settings.sameDocumentDecay ** (perDocument.get(p.chunk.docId) ?? 0);
      if (adjusted > bestScore) {
        bestScore = adjusted;
        bestIndex = i;
      }
    });
    const [pick] = remaining.splice(bestIndex, 1);
    if (chosen.some((c) => overlapRatio(c.chunk, pick!.chunk) > 0.5)) continue;
    chosen.push(pick!);
    perDocument.set(pick!.chunk.docId, (perDocument.get(pick!.chunk.docId) ?? 0) + 1);
  }
  return chosen;
}
