import { Hono } from 'hono';
import { AppError } from '../../errors.js';
import type { AppEnv, ServiceState } from '../app-types.js';

/** `GET /api/sources` and `GET /api/sources/:id`: the communiqués of the current index. */
export function sourcesRoutes(state: ServiceState) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json({ sources: await state.retriever.corpus.listSources() }))
    .get('/:id{.+}', async (c) => {
      // Ids are looked up in the index, never used as paths, so "../" and friends simply do not exist.
      const id = c.req.param('id');
      const document = (await state.retriever.corpus.getDocuments([id])).get(id);
      if (!document) throw new AppError('not_found', `No communiqué with id "${id.slice(0, 200)}".`);
      return c.json({ id: document.id, title: document.title, date: document.date, language: document.language, text: document.text });
    });
}
