import { Hono } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { AppEnv } from '../app-types.js';

/** What a reindex reports. */
export interface ReindexResult {
  documents: number;
  chunks: number;
  embeddedChunks: number;
  ms: number;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `POST /api/admin/reindex` (bearer token): rebuilds the index while the old one keeps serving, then switches.
 * Requests during a rebuild join it rather than starting another. Mounted only when ADMIN_TOKEN is set.
 */
export function adminRoutes(token: string, reindex: () => Promise<ReindexResult>) {
  let running: Promise<ReindexResult> | null = null;
  return new Hono<AppEnv>().post('/admin/reindex', async (c) => {
    const header = c.req.header('authorization') ?? '';
    const given = /^Bearer\s+(.+)$/i.exec(header)?.[1] ?? '';
    // Same answer as an unknown route: the route's existence is not revealed to a caller without the token.
    if (!sameToken(given, token)) throw new AppError('not_found', `No route POST ${c.req.path}.`);
    running ??= reindex().finally(() => {
      running = null;
    });
    return c.json(await running);
  });
}
