import { Hono } from 'hono';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { AppEnv } from '../app-types.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the files of one folder (the chat page). Only regular files whose real path is inside the folder are
 * served: `..`, encoded dots, NUL bytes, absolute paths and symlinks that lead outside all get 404.
 */
export function staticRoutes(root: string) {
  const rootReal = realpath(resolve(root));
  const app = new Hono<AppEnv>();
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return next();
    }
    if (path.includes('\0') || path.includes('\\') || path.split('/').some((s) => s === '..' || s === '.')) return next();
    if (path.endsWith('/')) path += 'index.html';
    const type = CONTENT_TYPES[extname(path)];
    if (!type) return next();
    let base: string;
    let file: string;
    try {
      base = await rootReal;
      file = await realpath(resolve(base, `.${path}`));
      if (!file.startsWith(base + sep) || !(await stat(file)).isFile()) return next();
    } catch {
      return next();
    }
    const body = await readFile(file);
    c.header('Content-Type', type);
    // The page must pick up a new release at once; assets are small and revalidated after a few minutes.
    c.header('Cache-Control', type.startsWith('text/html') ? 'no-cache' : 'public, max-age=300, must-revalidate');
    return c.req.method === 'HEAD' ? c.body(null) : c.body(body);
  });
  return app;
}
