import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, ServiceState } from '../app-types.js';
import { isoDateBound, sourceId, userText, validate } from '../validation.js';

/** Query of `GET /api/search`; `sources` is a comma-separated list of ids. */
const searchSchema = z
  .object({
    q: userText(2000),
    k: z.coerce.number().int().min(1).max(20).default(5),
    sources: z
      .string()
      .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(sourceId).max(100))
      .optional(),
    from: isoDateBound('start').optional(),
    to: isoDateBound('end').optional(),
  })
  .strict();

/** `GET /api/search?q=…&k=5`: ranked passages without an answer. */
export function searchRoutes(state: ServiceState) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const query = validate(searchSchema, c.req.query());
    const passages = await state.retriever.search(query.q, { k: query.k, filters: { sources: query.sources, from: query.from, to: query.to } });
    return c.json({
      results: passages.map((p) => ({
        source: p.chunk.docId,
        title: p.chunk.title,
        date: p.chunk.date,
        chunkId: p.chunk.id,
        text: p.chunk.text,
        start: p.chunk.start,
        end: p.chunk.end,
        score: Number(p.score.toFixed(4)),
        page: p.chunk.page,
      })),
    });
  });
}
