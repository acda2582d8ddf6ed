import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSse } from '../helpers/seeds-runtime.js';
import { startSeedsServer } from '../helpers/start-server.js';

let server: Awaited<ReturnType<typeof startSeedsServer>>;

/** Sends raw bytes to the server (what curl sends for an unencoded URL) and parses the reply. */
function rawRequest(request: Buffer): Promise<{ status: number; head: string; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    const received: Buffer[] = [];
    socket.on('data', (data) => received.push(data));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(received).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]), head, body });
    });
  });
}

// No index yet: the server builds it first, as on a fresh clone.
beforeAll(async () => (server = await startSeedsServer()));
afterAll(async () => server?.stopAll());

describe('npm start', () => {
  it('builds the missing index, logging each step', () => {
    expect(server.output()).toMatch(/No index in .*: building it/);
    expect(server.output()).toMatch(/Indexed 5 documents, \d+ chunks/);
  });

  it('answers a question over HTTP with a cited answer', async () => {
    const response = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'Which countries host the most Venezuelan refugees?' }),
    });
    const body = await response.json();
    expect(body.answerable).toBe(true);
    expect(body.citations[0].source).toBe('004_5bf88d405e48ee85.txt');
  });

  it('streams an answer as Server-Sent Events over HTTP', async () => {
    const response = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question: 'Combien de délégations ont participé ?' }),
    });
    const events = parseSse(await response.text());
    expect(events.map((e) => e.event)).toEqual(['citations', ...events.slice(1, -1).map(() => 'delta'), 'done']);
    expect(events.filter((e) => e.event === 'delta').map((e) => e.data.text).join('')).toMatch(/120 délégations/);
  });

  it('logs one structured line per request', async () => {
    const asks = () => server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).filter((l) => l.path === '/api/ask');
    // A request's line is written once its response has gone out: it may reach the output just after the response.
    await expect.poll(() => asks().length).toBeGreaterThanOrEqual(2);
    expect(asks()[0]).toMatchObject({ method: 'POST', status: 200, ms: expect.any(Number) });
  });

  it('answers raw non-ASCII bytes in the URL with the JSON error shape, not an empty 400', async () => {
    const reply = await rawRequest(Buffer.from('GET /api/search?q=réfugiés%20vénézuéliens&k=3 HTTP/1.1\r\nHost: localhost\r\n\r\n', 'utf8'));
    expect(reply.status).toBe(400);
    expect(reply.head).toMatch(/content-type: application\/json/i);
    const body = JSON.parse(reply.body);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(/percent-encoded/);
  });

  it('answers oversized headers with 431 and the JSON error shape', async () => {
    const reply = await rawRequest(Buffer.from(`GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`));
    expect(reply.status).toBe(431);
    expect(JSON.parse(reply.body).error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/headers are larger/) });
  });

  it('answers a malformed request line with 400 and the JSON error shape', async () => {
    const reply = await rawRequest(Buffer.from('NOT A REQUEST\r\n\r\n'));
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.code).toBe('bad_request');
  });

  it('serves the README search example (curl -G --data-urlencode) with results', async () => {
    const url = new URL('/api/search', server.url);
    url.search = new URLSearchParams({ q: 'réfugiés vénézuéliens', k: '3' }).toString();
    const body = await (await fetch(url)).json();
    expect(body.results).toHaveLength(3);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    expect(await server.stop()).toBe(0);
  });
});
