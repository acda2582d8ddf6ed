import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSse } from '../helpers/seeds-runtime.js';
import { startSeedsServer } from '../helpers/start-server.js';

let server: Awaited<ReturnType<typeof startSeedsServer>>;

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

  it('logs one structured line per request', () => {
    const lines = server.output().split('\n').filter((l) => l.startsWith('{'));
    const asks = lines.map((l) => JSON.parse(l)).filter((l) => l.path === '/api/ask');
    expect(asks.length).toBeGreaterThanOrEqual(2);
    expect(asks[0]).toMatchObject({ method: 'POST', status: 200, ms: expect.any(Number) });
  });

  it('shuts down cleanly on SIGTERM', async () => {
    expect(await server.stop()).toBe(0);
  });
});
