import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { translateDocument } from '../../translate/translate-document.js';
import type { Translator } from '../../translate/translator.js';
import type { AppEnv, ServiceState } from '../app-types.js';
import { validate } from '../validation.js';

/** Query of `GET /api/sources/:id`: `translate=en|fr` adds a machine translation of the title and paragraphs. */
const sourceQuery = z.object({ translate: z.enum(['en', 'fr']).optional() }).strict();

/** `GET /api/sources` and `GET /api/sources/:id[?translate=en|fr]`: the communiqués of the current index. */
export function sourcesRoutes(state: ServiceState, translator: Translator) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json({ sources: await state.retriever.corpus.listSources() }))
    .get('/:id{.+}', async (c) => {
      const query = validate(sourceQuery, c.req.query());
      // Ids are looked up in the index, never used as paths, so "../" and friends simply do not exist.
      const id = c.req.param('id');
      const document = (await state.retriever.corpus.getDocuments([id])).get(id);
      if (!document) throw new AppError('not_found', `No communiqué with id "${id.slice(0, 200)}".`);
      const { publisher, url, pages } = document;
      const original = { id: document.id, title: document.title, date: document.date, language: document.language, text: document.text, publisher, url, pages };
      if (!query.translate) return c.json(original);
      return c.json({ ...original, ...(await translateDocument(translator, document, query.translate, { signal: c.req.raw.signal })) });
    });
}
