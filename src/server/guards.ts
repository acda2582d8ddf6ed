import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import type { AppEnv } from './app-types.js';

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Sustained requests per minute per client; 0 turns the limit off. */
  perMinute: number;
  /** Requests a client may make at once before the sustained rate applies. */
  burst: number;
  /** The client's key (its IP address on the Node server). */
  keyOf: (c: Context<AppEnv>) => string;
  /** Clients remembered at most; the least recently seen are forgotten first. */
  maxClients?: number;
  now?: () => number;
}

/**
 * Per-client token bucket. A client over its rate gets 429 `rate_limited` with `Retry-After` (seconds until a
 * token is back). Memory is bounded: at most `maxClients` buckets, least recently used evicted.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const { perMinute, burst } = options;
  if (perMinute < 0 || burst < 1) throw new AppError('config', 'RATE_LIMIT_PER_MINUTE must be ≥ 0 and RATE_LIMIT_BURST ≥ 1.');
  const now = options.now ?? (() => Date.now());
  const maxClients = options.maxClients ?? 100_000;
  const perMs = perMinute / 60_000;
  // A Map keeps insertion order: deleting and re-inserting on each hit makes it an LRU.
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (c, next) => {
    if (perMinute === 0) return next();
    const key = options.keyOf(c);
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: burst, at: t };
    buckets.delete(key);
    bucket.tokens = Math.min(burst, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    buckets.set(key, bucket);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      throw new AppError('rate_limited', `Too many questions from this client; try again in ${retryAfter} s.`, { retryAfter });
    }
    bucket.tokens -= 1;
    return next();
  };
}

/**
 * Answers 503 `unavailable` when a request takes longer than `ms` (a streamed response counts until its headers).
 * The handler is not interrupted (JavaScript cannot), but its late result is dropped.
 */
export function requestTimeout(ms: number): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AppError('unavailable', `The request took longer than ${ms} ms; try again.`, { retryAfter: 1 })), ms);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Options of {@link concurrencyLimit}. */
export interface ConcurrencyLimitOptions {
  /** Answers computed at once. */
  max: number;
  /** Requests allowed to wait for a slot; beyond that, 503 at once. */
  queue: number;
  /** Longest wait for a slot before 503 (ms). */
  maxWaitMs: number;
}

/**
 * Bounds concurrent answer work: `max` run, `queue` wait (each at most `maxWaitMs`), the rest get 503
 * `unavailable` immediately instead of piling up. A streamed response holds its slot until the stream ends or the
 * client disconnects.
 */
export function concurrencyLimit(options: ConcurrencyLimitOptions): MiddlewareHandler<AppEnv> {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const nextInLine = waiting.shift();
    if (nextInLine) nextInLine();
    else active--;
  };
  const acquire = async (): Promise<void> => {
    if (active < options.max) {
      active++;
      return;
    }
    if (waiting.length >= options.queue) throw new AppError('unavailable', 'The assistant is busy; try again in a moment.', { retryAfter: 1 });
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(grant), 1);
        reject(new AppError('unavailable', 'The assistant is busy; try again in a moment.', { retryAfter: 1 }));
      }, options.maxWaitMs);
      waiting.push(grant);
    });
  };
  return async (c, next) => {
    await acquire();
    let released = false;
    const done = () => {
      if (!released) {
        released = true;
        release();
      }
    };
    try {
      await next();
    } catch (error) {
      done();
      throw error;
    }
    // The content type is read first: reading `body` makes @hono/node-server build a full web Response with a
    // stream (about 0.5 ms), and write it through a stream reader instead of writing the JSON string at once.
    const body = (c.res.headers.get('content-type') ?? '').startsWith('text/event-stream') ? c.res.body : null;
    if (!body) {
      done();
      return;
    }
    const reader = body.getReader();
    const guarded = new ReadableStream({
      async pull(controller) {
        try {
          const { done: finished, value } = await reader.read();
          if (finished) {
            controller.close();
            done();
          } else controller.enqueue(value);
        } catch (error) {
          controller.error(error);
          done();
        }
      },
      async cancel(reason) {
        done();
        await reader.cancel(reason);
      },
    });
    c.res = new Response(guarded, c.res);
  };
}
