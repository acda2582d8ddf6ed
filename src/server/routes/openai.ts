import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { Answerer } from '../../answer/create-answerer.js';
import type { Citation } from '../../answer/types.js';
import { AppError } from '../../errors.js';
import type { AppEnv, ServiceState } from '../app-types.js';
import { readJson } from '../validation.js';

/** The model name under which the assistant presents itself to OpenAI clients. */
export const ASSISTANT_MODEL = 'communiques';

const content = z.union([
  z.string(),
  z.array(z.object({ type: z.string(), text: z.string().optional() }).passthrough()).transform((parts) => parts.map((p) => p.text ?? '').join('')),
]);

/** Body of `POST /v1/chat/completions`; OpenAI's other fields (temperature, …) are accepted and ignored. */
const chatSchema = z
  .object({
    model: z.string().max(200).optional(),
    messages: z.array(z.object({ role: z.enum(['system', 'user', 'assistant', 'developer', 'tool']), content: content.nullable() }).passthrough()).min(1).max(100),
    stream: z.boolean().optional(),
  })
  .passthrough();

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
      const id = completionId();
      const created = Math.floor(Date.now() / 1000);
      const base = { id, created, model: ASSISTANT_MODEL };

      if (!body.stream) {
        const result = await answerer.ask({ question, history }, state.retriever);
        return c.json({
          ...base,
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: result.answer }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
          citations: result.citations,
          answerable: result.answerable,
        });
      }

      const controller = new AbortController();
      return streamSSE(c, async (sse) => {
        sse.onAbort(() => controller.abort());
        const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}, finish: string | null = null) =>
          sse.writeSSE({ data: JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }], ...extra }) });
        let citations: Citation[] = [];
        await chunk({ role: 'assistant', content: '' });
        for await (const event of answerer.stream({ question, history, signal: controller.signal }, state.retriever)) {
          if (event.type === 'citations') citations = event.citations;
          else if (event.type === 'delta') await chunk({ content: event.text });
          else {
            const used = new Set(event.done.used);
            await chunk({}, { citations: citations.filter((x) => used.has(x.n)), answerable: event.done.answerable }, 'stop');
          }
        }
        await sse.writeSSE({ data: '[DONE]' });
      });
    });
}
