import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { UploadedFile } from '../../corpus/read-upload.js';
import { shownFileName } from '../../corpus/safe-file-name.js';
import { AppError } from '../../errors.js';
import type { AdminDocument, UploadOutcome } from '../../runtime/corpus-admin.js';
import type { AppEnv } from '../app-types.js';
import { validate } from '../validation.js';

/** What a reindex reports. */
export interface ReindexResult {
  documents: number;
  chunks: number;
  embeddedChunks: number;
  ms: number;
}

/** What the admin routes act on (src/runtime/corpus-admin.ts on Node). */
export interface CorpusAdminPort {
  addFiles(files: UploadedFile[]): Promise<UploadOutcome[]>;
  remove(id: string): Promise<{ removed: string; documents: number }>;
  list(): AdminDocument[];
  reindex(): Promise<ReindexResult>;
}

/** Limits of `POST /api/admin/documents`, documented in the README; see {@link uploadLimits}. */
export interface UploadLimits {
  /** Largest file, in bytes: the size `npm run index` still reads (larger corpus files are skipped). */
  maxFileBytes: number;
  /** Largest request (all files and the multipart framing), in bytes. */
  maxRequestBytes: number;
  /** Most files in one request. */
  maxFiles: number;
}

/** Default upload limits: a long communiqué as text is under 100 kB; a request carries a week's releases. */
export const uploadLimits: UploadLimits = { maxFileBytes: 5_000_000, maxRequestBytes: 20_000_000, maxFiles: 20 };

/** Compares in time that depends only on the lengths, not on where the strings differ (runs on Workers too). */
function sameToken(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
  return difference === 0;
}

/**
 * Lets through only requests with `Authorization: Bearer <token>`; others get 401 `unauthorized` with a
 * `WWW-Authenticate` header (the token is compared in constant time).
 */
export function requireToken(token: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!sameToken(given, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="admin"');
      throw new AppError('unauthorized', given ? 'The admin token is wrong.' : 'The admin routes need Authorization: Bearer <ADMIN_TOKEN>.');
    }
    await next();
  };
}

/** The admin routes of a server without ADMIN_TOKEN: every one answers 404 saying how to turn them on. */
export function disabledAdminRoutes() {
  return new Hono<AppEnv>().all('/admin/*', () => {
    throw new AppError('not_found', 'The admin routes are disabled on this server: set ADMIN_TOKEN to enable them.');
  });
}

/** The id of `DELETE /api/admin/documents/:id` (an index id such as `uploads/name-0123456789ab.txt`). */
const documentId = z.string().min(1).max(500);

/** The files of a parsed multipart body, whatever their field names; text fields are not files and are refused. */
function filesOf(body: Record<string, unknown>, limits: UploadLimits): File[] {
  const values = Object.values(body).flatMap((v) => (Array.isArray(v) ? v : [v]));
  const schema = z
    .array(z.instanceof(File, { message: 'every field must be a file' }))
    .min(1, 'send at least one file (multipart field "files")')
    .max(limits.maxFiles, `send at most ${limits.maxFiles} files per request`);
  return validate(schema, values);
}

/**
 * The admin routes (bearer token): `POST /admin/documents` (multipart, one or several files; one outcome per file,
 * a bad file never stops the others), `GET /admin/documents`, `DELETE /admin/documents/:id`, and
 * `POST /admin/reindex` (rebuilds while the old index serves; requests during a rebuild join it).
 */
export function adminRoutes(token: string, admin: CorpusAdminPort, limits: Partial<UploadLimits> = {}) {
  const options: UploadLimits = { ...uploadLimits, ...limits };
  let running: Promise<ReindexResult> | null = null;
  const requestLimit = bodyLimit({
    maxSize: options.maxRequestBytes,
    onError: () => {
      throw new AppError('payload_too_large', `The request is larger than ${options.maxRequestBytes} bytes: send fewer or smaller files.`);
    },
  });
  return new Hono<AppEnv>()
    .use('/admin/*', requireToken(token))
    .post('/admin/reindex', async (c) => {
      running ??= admin.reindex().finally(() => {
        running = null;
      });
      return c.json(await running);
    })
    .get('/admin/documents', (c) => c.json({ documents: admin.list(), limits: options }))
    .post('/admin/documents', requestLimit, async (c) => {
      if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
        throw new AppError('unsupported_media_type', 'Send the files as multipart/form-data (field "files").');
      }
      let body: Record<string, unknown>;
      try {
        body = await c.req.parseBody({ all: true });
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('bad_request', 'The multipart body cannot be read.');
      }
      const files = filesOf(body, options);
      const outcomes: Array<UploadOutcome | null> = files.map((f) => {
        const file = shownFileName(f.name);
        if (f.size > options.maxFileBytes) return { file, status: 'rejected', error: { code: 'payload_too_large', message: `The file is larger than ${options.maxFileBytes} bytes.` } };
        if (f.size === 0) return { file, status: 'rejected', error: { code: 'bad_request', message: 'The file is empty.' } };
        return null;
      });
      const accepted = files.filter((_, i) => outcomes[i] === null);
      const read = await Promise.all(accepted.map(async (f) => ({ bytes: new Uint8Array(await f.arrayBuffer()), name: f.name, type: f.type })));
      const added = read.length ? await admin.addFiles(read) : [];
      const results = outcomes.map((o) => o ?? added.shift()!);
      const count = (status: UploadOutcome['status']) => results.filter((r) => r.status === status).length;
      return c.json({ results, added: count('added'), duplicates: count('duplicate'), rejected: count('rejected') });
    })
    .delete('/admin/documents/:id{.+}', async (c) => c.json(await admin.remove(validate(documentId, c.req.param('id')))));
}
