import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { Answerer } from '../answer/create-answerer.js';
import { AppError, publicCode, type ErrorCode } from '../errors.js';
import type { AppEnv, ServiceState } from './app-types.js';
import { requestTimeout } from './guards.js';
import { askRoutes } from './routes/ask.js';
import { healthRoutes, type HealthInfo } from './routes/health.js';
import { openaiRoutes } from './routes/openai.js';
import { searchRoutes } from './routes/search.js';
import { sourcesRoutes } from './routes/sources.js';
import { createNoTranslator, type Translator } from '../translate/translator.js';
import { verifyRoutes } from './routes/verify.js';
import { createVerifier, type Verifier } from '../verify/create-verifier.js';

/** One structured log line. */
export type Logger = (fields: Record<string, unknown>) => void;

/** Dependencies of {@link createApp}: the core pieces, built by an entry point (Node server or Worker). */
export interface AppDeps {
  state: ServiceState;
  answerer: Answerer;
  /** The claim checker of `/api/verify`; by default one with the bundled glossary only. */
  verifier?: Verifier;
  health: HealthInfo;
  /** Machine translation for `/api/sources/:id?translate=`; none by default. */
  translator?: Translator;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number;
  /** Origins allowed by CORS; none by default (CORS off). */
  corsOrigins?: string[];
  /** Longest time a request to /api or /v1 may take before it gets 503 (none by default). */
  requestTimeoutMs?: number;
  /** Extra middleware on the answering routes (rate limit, queue), in order. */
  answerGuards?: MiddlewareHandler<AppEnv>[];
  /** Extra routes under /api (e.g. admin), mounted before the not-found handler. */
  extraApi?: Hono<AppEnv>;
  /** Static files (the chat page), served for paths outside /api and /v1. */
  assets?: Hono<AppEnv>;
  /** Where request and error lines go; silent by default. */
  log?: Logger;
}

/** The error body every route returns: `{ "error": { "code", "message" } }`. */
export function errorBody(code: ErrorCode, message: string) {
  return { error: { code: publicCode(code), message } };
}

/** Content-Security-Policy: only same-origin scripts, styles and connections; no inline script, no framing. */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Builds the Hono app: `/api/ask`, `/api/verify`, `/api/search`, `/api/sources`, `/api/health`, the OpenAI-compatible `/v1`
 * routes and, when given, the static chat page. Errors are mapped once, here, to the stable JSON shape.
 */
export function createApp(deps: AppDeps) {
  const log = deps.log ?? (() => {});
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    log({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 });
  });
  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, xFrameOptions: 'DENY', referrerPolicy: 'no-referrer', crossOriginEmbedderPolicy: false }));
  if (deps.corsOrigins?.length) {
    const allowListed = cors({ origin: deps.corsOrigins, allowMethods: ['GET', 'POST'], allowHeaders: ['Content-Type', 'Accept', 'Authorization'] });
    app.use('/api/*', allowListed);
    app.use('/v1/*', allowListed);
  }
  const maxSize = deps.maxBodyBytes ?? 64 * 1024;
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('payload_too_large', `The request body is larger than ${maxSize} bytes.`);
    },
  });
  // Admin routes are behind a token and set their own limits (an ingest carries whole documents).
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/admin/') ? next() : limit(c, next)));
  app.use('/v1/*', limit);
  if (deps.requestTimeoutMs) {
    app.use('/api/*', requestTimeout(deps.requestTimeoutMs));
    app.use('/v1/*', requestTimeout(deps.requestTimeoutMs));
  }
  for (const guard of deps.answerGuards ?? []) {
    app.use('/api/ask', guard);
    app.use('/v1/chat/completions', guard);
    app.use('/api/verify', guard);
  }

  app.route('/api/ask', askRoutes(deps.state, deps.answerer));
  app.route('/api/verify', verifyRoutes(deps.state, deps.verifier ?? createVerifier()));
  app.route('/api/search', searchRoutes(deps.state));
  const translator = deps.translator ?? createNoTranslator('no translator was given to the app');
  app.route('/api/sources', sourcesRoutes(deps.state, translator));
  app.route('/api/health', healthRoutes(deps.state, { ...deps.health, translation: translator.info }));
  app.route('/v1', openaiRoutes(deps.state, deps.answerer));
  if (deps.extraApi) app.route('/api', deps.extraApi);
  app.all('/api/*', (c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}.`), 404));
  app.all('/v1/*', (c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}.`), 404));
  if (deps.assets) app.route('/', deps.assets);

  app.notFound((c) => c.json(errorBody('not_found', `Nothing at ${c.req.path.slice(0, 200)}.`), 404));
  app.onError((error, c) => {
    if (error instanceof AppError) {
      if (error.status >= 500) log({ level: 'error', code: error.code, message: error.message, path: c.req.path });
      if (error.details?.retryAfter) c.header('Retry-After', String(error.details.retryAfter));
      return c.json(errorBody(error.code, error.message), error.status as 400);
    }
    if (error instanceof HTTPException) {
      const code: ErrorCode = error.status === 413 ? 'payload_too_large' : error.status === 404 ? 'not_found' : error.status === 503 ? 'unavailable' : error.status < 500 ? 'bad_request' : 'internal';
      return c.json(errorBody(code, error.message || 'Bad request.'), error.status);
    }
    log({ level: 'error', message: (error as Error).message, stack: (error as Error).stack, path: c.req.path });
    return c.json(errorBody('internal', 'Something went wrong on our side; the error was logged.'), 500);
  });
  return app;
}
