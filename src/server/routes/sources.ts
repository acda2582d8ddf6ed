import { Hono } from 'hono';
import { AppError } from '../../errors.js';
import type { AppEnv, ServiceState } from '../app-types.js';

/** `GET /api/sources` and `GET /api/sources/:id`: the communiqués of the current index. */
export function sourcesRoutes(state: ServiceState) {
  return new Hono<AppEnv>()
    .get('/', (c) => {
      const { index } = state.retriever;
      const counts = new Map(index.manifest.documents.map((d) => [d.id, d.chunks]));
      return c.json({
        sources: [...index.documents.values()].map((d) => ({ id: d.id, title: d.title, date: d.date, language: d.language, chunks: counts.get(d.id) ?? 0 })),
      });
    })
    .get('/:id{.+}', (c) => {
      // Ids are looked up in the loaded index, never used as paths, so "../" and friends simply do not exist.
      const id = c.req.param('id');
      const document = state.retriever.index.documents.get(id);
      if (!document) throw new AppError('not_found', `No communiqué with id "${id.slice(0, 200)}".`);
      return c.json({ id: document.id, title: document.title, date: document.date, language: document.language, text: document.text });
    });
}
