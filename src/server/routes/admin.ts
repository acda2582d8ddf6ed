import { Hono, type MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.js';
import type { AppEnv } from '../app-types.js';

/** What a reindex reports. */
export interface ReindexResult {
  documents: number;
  chunks: number;
  embeddedChunks: number;
  ms: number;
}

/** Compares in time that depends only on the lengths, not on where the strings differ (runs on Workers too). */
function sameToken(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
  return difference === 0;
}

/**
 * Lets through only requests with `Authorization: Bearer <token>`; others get the same 404 as an unknown route,
 * so the admin routes' existence is not revealed to a caller without the token.
 */
export function requireToken(token: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!sameToken(given, token)) throw new AppError('not_found', `No route ${c.req.method} ${c.req.path}.`);
    await next();
  };
}

/**
 * `POST /api/admin/reindex` (bearer token): rebuilds the index while the old one keeps serving, then switches.
 * Requests during a rebuild join it rather than starting another. Mounted only when ADMIN_TOKEN is set.
 */
export function adminRoutes(token: string, reindex: () => Promise<ReindexResult>) {
  let running: Promise<ReindexResult> | null = null;
  return new Hono<AppEnv>().post('/admin/reindex', requireToken(token), async (c) => {
    running ??= reindex().finally(() => {
      running = null;
    });
    return c.json(await running);
  });
}
