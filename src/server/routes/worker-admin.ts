import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { ingestDocuments, pruneDocuments, type WorkerIngestDeps } from '../../index/worker-ingest.js';
import type { AppEnv } from '../app-types.js';
import { readJson, sourceId } from '../validation.js';
import { requireToken } from './admin.js';

const MAX_INGEST_BYTES = 8 * 1024 * 1024;

const documentSchema = z
  .object({
    id: sourceId,
    title: z.string().min(1).max(1000),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    language: z.string().min(2).max(10),
    text: z.string().min(1),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

/**
 * Worker admin routes (bearer token): `POST /api/admin/ingest` with `{ documents }` (cleaned by the uploader, as
 * the Node loader cleans them) and `POST /api/admin/prune` with `{ keep }` (ids to keep; the rest are removed).
 */
export function workerAdminRoutes(token: string, deps: WorkerIngestDeps) {
  const limit = bodyLimit({
    maxSize: MAX_INGEST_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', `Send at most ${MAX_INGEST_BYTES} bytes per ingest request.`);
    },
  });
  return new Hono<AppEnv>()
    .post('/admin/ingest', requireToken(token), limit, async (c) => {
      const { documents } = await readJson(c, z.object({ documents: z.array(documentSchema).min(1).max(200) }).strict());
      return c.json(await ingestDocuments(documents, deps));
    })
    .post('/admin/prune', requireToken(token), limit, async (c) => {
      const { keep } = await readJson(c, z.object({ keep: z.array(sourceId).max(1_000_000) }).strict());
      return c.json({ removed: await pruneDocuments(keep, deps) });
    });
}
