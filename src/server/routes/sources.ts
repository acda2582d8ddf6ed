import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { translateDocument } from '../../translate/translate-document.js';
import type { Translator } from '../../translate/translator.js';
import type { AppEnv, ServiceState } from '../app-types.js';
import { validate } from '../validation.js';

/** Query of `GET /api/sources/:id`: `translate=en|fr` adds a machine translation of the title and paragraphs. */
const sourceQuery = z.object({ translate: z.enum(['en', 'fr']).optional() }).strict();

/**
 * Every source with the versions of its release (itself and its translations) and their languages, and the
 * releases: one entry per release, whatever the number of its language versions.
 */
async function sourcesWithVersions(state: ServiceState) {
  const sources = await state.retriever.corpus.listSources();
  const byId = new Map(sources.map((s) => [s.id, s]));
  const versionsOf = (id: string) => (state.translations?.get(id) ?? [id]).flatMap((v) => (byId.has(v) ? [{ id: v, language: byId.get(v)!.language, title: byId.get(v)!.title }] : []));
  const withVersions = sources.map((s) => {
    const versions = versionsOf(s.id);
    return { ...s, languages: [...new Set(versions.map((v) => v.language))], versions };
  });
  const releases = withVersions
    .filter((s) => s.versions[0]?.id === s.id)
    .map((s) => ({ id: s.id, title: s.title, date: s.date, languages: s.languages, versions: s.versions }));
  return { sources: withVersions, releases };
}

/**
 * `GET /api/sources` and `GET /api/sources/:id[?translate=en|fr]`: the communiqués of the current index. The list
 * keeps one entry per document (`id`, `title`, `date`, `language`, `chunks`) and adds `languages` and `versions`
 * (the release's documents in each language) to each, and `releases`: the French and English versions of one
 * release as one source with two languages.
 */
export function sourcesRoutes(state: ServiceState, translator: Translator) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await sourcesWithVersions(state)))
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
