import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake model does for one request. */
export interface FakeReply {
  text: string;
  /** Wait before the first byte (to provoke timeouts). */
  delayMs?: number;
  /** Answer with this HTTP status and an OpenAI error body instead. */
  status?: number;
  /** Pause between streamed pieces (to test stopping a stream). */
  pieceDelayMs?: number;
}

/** A recorded chat-completions request. */
export interface RecordedRequest {
  model: string;
  stream: boolean;
  messages: Array<{ role: string; content: string }>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

/**
 * A local OpenAI-compatible server that speaks the real chat-completions protocol over HTTP (JSON and SSE
 * streaming), for the one thing that cannot run here: a remote LLM. Listens on 127.0.0.1 only.
 */
export async function startFakeOpenAI(reply: (request: RecordedRequest) => FakeReply): Promise<{ baseUrl: string; requests: RecordedRequest[]; close: () => Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const body = JSON.parse(await readBody(req));
    const recorded: RecordedRequest = { model: body.model, stream: body.stream === true, messages: body.messages };
    requests.push(recorded);
    const { text, delayMs = 0, status, pieceDelayMs = 0 } = reply(recorded);
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    if (res.destroyed) return;
    if (status) {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'model overloaded', type: 'server_error' } }));
      return;
    }
    const id = 'chatcmpl-fake';
    const created = Math.floor(Date.now() / 1000);
    if (!recorded.stream) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ id, object: 'chat.completion', created, model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (delta: Record<string, unknown>, finish: string | null = null) =>
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
    send({ role: 'assistant', content: '' });
    // Small pieces, so that citation markers are split across chunks as real tokenizers split them.
    for (const piece of text.match(/.{1,3}/gs) ?? []) {
      if (res.destroyed) return;
      send({ content: piece });
      if (pieceDelayMs) await new Promise((r) => setTimeout(r, pieceDelayMs));
    }
    send({}, 'stop');
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
