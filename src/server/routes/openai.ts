import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { Answerer } from '../../answer/create-answerer.js';
import type { Citation } from '../../answer/types.js';
import { AppError } from '../../errors.js';
import { estimateTokens } from '../../text/estimate-tokens.js';
import { createAnswerBudget } from '../answer-budget.js';
import type { AppEnv, ServiceState } from '../app-types.js';
import { readJson } from '../validation.js';

/** The model name under which the assistant presents itself to OpenAI clients. */
export const ASSISTANT_MODEL = 'communiques';

const content = z.union([
  z.string(),
  z.array(z.object({ type: z.string(), text: z.string().optional() }).passthrough()).transform((parts) => parts.map((p) => p.text ?? '').join('')),
]);

/** Why a message role cannot be used: answers come only from the communiqués, so instructions cannot shape them. */
const UNSUPPORTED_ROLES: Record<string, string> = {
  system: 'system messages are not supported: answers are built only from the communiqués, in the language of the question, so instructions cannot change them; remove the system message',
  developer: 'developer messages are not supported: answers are built only from the communiqués, so instructions cannot change them; remove the developer message',
  tool: 'tool messages are not supported: the assistant calls no tools',
};

/** A positive token limit; OpenAI clients send null for "no limit". */
const tokenLimit = z.number().int().min(1).nullable().optional();

/**
 * Body of `POST /v1/chat/completions`. `max_tokens` (or `max_completion_tokens`) and `stream_options.include_usage`
 * are honoured; roles and options that would change the answer and cannot are rejected; other OpenAI fields
 * (temperature, …) are accepted and ignored, since they do not apply to answers quoted from the communiqués.
 */
const chatSchema = z
  .object({
    model: z.string().max(200).optional(),
    messages: z
      .array(z.object({ role: z.enum(['system', 'user', 'assistant', 'developer', 'tool']), content: content.nullable() }).passthrough())
      .min(1)
      .max(100)
      .superRefine((messages, ctx) => {
        const index = messages.findIndex((m) => m.role in UNSUPPORTED_ROLES);
        if (index >= 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, 'role'], message: UNSUPPORTED_ROLES[messages[index]!.role]! });
      }),
    stream: z.boolean().optional(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).passthrough().nullable().optional(),
    max_tokens: tokenLimit,
    max_completion_tokens: tokenLimit,
    n: z.literal(1, { errorMap: () => ({ message: 'only one choice (n = 1) is returned' }) }).nullable().optional(),
  })
  .passthrough();

/** The citations that a (possibly cut) answer still refers to. */
function citedIn(text: string, citations: Citation[]): Citation[] {
  const used = new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  return citations.filter((c) => used.has(c.n));
}

/** Token counts are estimated ({@link estimateTokens}); `approximate` says so to clients that look. */
function usageOf(prompt: string, completion: string) {
  const prompt_tokens = estimateTokens(prompt);
  const completion_tokens = estimateTokens(completion);
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens, approximate: true };
}

function completionId(): string {
  return `chatcmpl-${crypto.randomUUID().replace(/-/g, '')}`;
}

/** `POST /v1/chat/completions` and `GET /v1/models`: the assistant as an OpenAI-compatible chat model. */
export function openaiRoutes(state: ServiceState, answerer: Answerer) {
  return new Hono<AppEnv>()
    .get('/models', (c) => c.json({ object: 'list', data: [{ id: ASSISTANT_MODEL, object: 'model', created: 0, owned_by: 'communiques' }] }))
    .post('/chat/completions', async (c) => {
      const body = await readJson(c, chatSchema);
      const turns = body.messages
        .filter((m) => m.role === 'user' || m.role === 'assistant')
        .map((m) => ({ role: m.role as 'user' | 'assistant', content: (m.content ?? '').toWellFormed() }));
      const last = turns.at(-1);
      if (!last || last.role !== 'user' || !last.content.trim()) throw new AppError('bad_request', 'messages: the last message must be a non-empty user message.');
      const question = last.content.trim();
      if (question.length > 2000) throw new AppError('bad_request', 'messages: the question must be at most 2000 characters.');
      const history = turns.slice(0, -1).slice(-20);
      const prompt = body.messages.map((m) => m.content ?? '').join('\n');
      const limits = [body.max_tokens, body.max_completion_tokens].filter((n): n is number => typeof n === 'number');
      const budget = createAnswerBudget(limits.length ? Math.min(...limits) : undefined);
      const id = completionId();
      const created = Math.floor(Date.now() / 1000);
      const base = { id, created, model: ASSISTANT_MODEL };

      if (!body.stream) {
        const result = await answerer.ask({ question, history }, state.retriever);
        const first = budget.push(result.answer);
        const { rest, truncated } = budget.end();
        const answer = first + rest;
        return c.json({
          ...base,
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: truncated ? 'length' : 'stop' }],
          usage: usageOf(prompt, answer),
          citations: citedIn(answer, result.citations),
          answerable: result.answerable,
          ...(result.claims ? { claims: result.claims } : {}),
        });
      }

      const controller = new AbortController();
      return streamSSE(c, async (sse) => {
        sse.onAbort(() => controller.abort());
        const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}, finish: string | null = null) =>
          sse.writeSSE({ data: JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }], ...extra }) });
        let citations: Citation[] = [];
        await chunk({ role: 'assistant', content: '' });
        // After a cut, the answer still runs to its end (for `answerable`); nothing more is sent.
        for await (const event of answerer.stream({ question, history, signal: controller.signal }, state.retriever)) {
          if (event.type === 'citations') citations = event.citations;
          else if (event.type === 'delta') {
            const piece = budget.push(event.text);
            if (piece) await chunk({ content: piece });
          } else {
            const { rest, truncated } = budget.end();
            if (rest) await chunk({ content: rest });
            const used = new Set(event.done.used);
            const kept = citedIn(budget.sent, citations).filter((x) => used.has(x.n));
            await chunk({}, { citations: kept, answerable: event.done.answerable, ...(event.done.claims ? { claims: event.done.claims } : {}) }, truncated ? 'length' : 'stop');
          }
        }
        // OpenAI's stream_options.include_usage: one last chunk with no choices and the usage.
        if (body.stream_options?.include_usage) await sse.writeSSE({ data: JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [], usage: usageOf(prompt, budget.sent) }) });
        await sse.writeSSE({ data: '[DONE]' });
      });
    });
}
