import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { Answerer } from '../../answer/create-answerer.js';
import type { AskEvent, AskInput } from '../../answer/types.js';
import { AppError, publicCode } from '../../errors.js';
import type { AppEnv, ServiceState } from '../app-types.js';
import { isoDateBound, readJson, sourceId, userText } from '../validation.js';

const MAX_HISTORY_CHARS = 16 * 1024;

/** Body of `POST /api/ask`; unknown fields are rejected so that typos do not pass silently. */
export const askSchema = z
  .object({
    question: userText(2000),
    k: z.number().int().min(1).max(20).default(5),
    language: z.enum(['fr', 'en', 'auto']).default('auto'),
    history: z
      .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().max(MAX_HISTORY_CHARS).transform((s) => s.toWellFormed()) }).strict())
      .max(20)
      .default([])
      .refine((turns) => turns.reduce((n, t) => n + t.content.length, 0) <= MAX_HISTORY_CHARS, `must hold at most ${MAX_HISTORY_CHARS} characters in all`),
    stream: z.boolean().default(false),
    sources: z.array(sourceId).max(100).optional(),
    from: isoDateBound('start').optional(),
    to: isoDateBound('end').optional(),
  })
  .strict();

/** The SSE payload of each event. */
export function eventPayload(event: AskEvent): unknown {
  if (event.type === 'citations') return { citations: event.citations };
  if (event.type === 'delta') return { text: event.text };
  return event.done;
}

/** Writes an answer stream as Server-Sent Events; a client that disconnects aborts generation. */
export function streamAnswer(c: Parameters<typeof streamSSE>[0], answerer: Answerer, state: ServiceState, input: AskInput) {
  const controller = new AbortController();
  return streamSSE(
    c,
    async (sse) => {
      sse.onAbort(() => controller.abort());
      for await (const event of answerer.stream({ ...input, signal: controller.signal }, state.retriever)) {
        if (controller.signal.aborted) break;
        await sse.writeSSE({ event: event.type, data: JSON.stringify(eventPayload(event)) });
      }
    },
    async (error, sse) => {
      const code = error instanceof AppError ? publicCode(error.code) : 'internal';
      const message = error instanceof AppError ? error.message : 'The answer failed; try again.';
      await sse.writeSSE({ event: 'error', data: JSON.stringify({ code, message }) });
    },
  );
}

/** `POST /api/ask`: a grounded answer with citations, as JSON or as an SSE stream. */
export function askRoutes(state: ServiceState, answerer: Answerer) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const body = await readJson(c, askSchema);
    const input: AskInput = {
      question: body.question,
      k: body.k,
      language: body.language,
      history: body.history,
      filters: { sources: body.sources, from: body.from, to: body.to },
    };
    if (body.stream || (c.req.header('accept') ?? '').includes('text/event-stream')) return streamAnswer(c, answerer, state, input);
    return c.json(await answerer.ask(input, state.retriever));
  });
}
