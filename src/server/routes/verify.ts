import { Hono } from 'hono';
import { z } from 'zod';
import type { Verifier } from '../../verify/create-verifier.js';
import type { AppEnv, ServiceState } from '../app-types.js';
import { isoDateBound, readJson, sourceId, userText } from '../validation.js';

/** Longest text `POST /api/verify` checks, in characters. */
export const MAX_VERIFY_CHARS = 8000;

/** Body of `POST /api/verify`; unknown fields are rejected so that typos do not pass silently. */
export const verifySchema = z
  .object({
    text: userText(MAX_VERIFY_CHARS),
    language: z.enum(['fr', 'en', 'auto']).default('auto'),
    sources: z.array(sourceId).max(100).optional(),
    from: isoDateBound('start').optional(),
    to: isoDateBound('end').optional(),
  })
  .strict();

/** `POST /api/verify`: each claim of a text, supported, contradicted or not found in the communiqués, with evidence. */
export function verifyRoutes(state: ServiceState, verifier: Verifier) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const body = await readJson(c, verifySchema);
    return c.json(await verifier.verify(body, state.retriever));
  });
}
