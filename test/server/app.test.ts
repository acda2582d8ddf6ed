import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/create-answerer.js';
import type { Runtime } from '../../src/runtime/node-runtime.js';
import type { AppConfig } from '../../src/config/config.js';
import type { AppEnv } from '../../src/server/app-types.js';
import { createApp } from '../../src/server/app.js';
import { createNodeApp } from '../../src/server/node-app.js';
import { estimateTokens } from '../../src/text/estimate-tokens.js';
import { parseSse, seedsRuntime } from '../helpers/seeds-runtime.js';

let runtime: Runtime;
let config: AppConfig;
let cleanup: () => Promise<void>;
let app: Hono<AppEnv>;
const answerer = createAnswerer();

beforeAll(async () => {
  // The shared app has no rate limit: this file sends far more requests than a burst; one test checks the limit.
  ({ runtime, config, cleanup } = await seedsRuntime({ RATE_LIMIT_PER_MINUTE: '0' }));
  app = createNodeApp({ config, runtime, answerer }).app;
});
afterAll(async () => cleanup());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function expectError(response: Response, status: number, code: string, message?: RegExp) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  if (message) expect(body.error.message).toMatch(message);
}

describe('POST /api/ask', () => {
  it('answers with the documented fields, cited quotes and timings', async () => {
    const response = await post('/api/ask', { question: 'Combien de délégations ont participé à la conférence de solidarité ?' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(['answer', 'answerable', 'citations', 'language', 'mode', 'model', 'suggestions', 'timings']);
    expect(body).toMatchObject({ language: 'fr', answerable: true, mode: 'extractive' });
    expect(body.answer).toMatch(/\[1\]/);
    expect(body.citations[0]).toMatchObject({ n: 1, source: '004_5bf88d405e48ee85.txt', date: '2019-10-29' });
    expect(Object.keys(body.citations[0]).sort()).toEqual(['chunkId', 'date', 'end', 'n', 'quote', 'score', 'source', 'start', 'title']);
    expect(body.timings.totalMs).toBeGreaterThanOrEqual(body.timings.retrieveMs);
  });

  it('streams citations, deltas and done as Server-Sent Events when asked with Accept', async () => {
    const response = await post('/api/ask', { question: 'Which countries host the most Venezuelan refugees?' }, { accept: 'text/event-stream' });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse(await response.text());
    expect(events[0]!.event).toBe('citations');
    expect(events.at(-1)!.event).toBe('done');
    const deltas = events.filter((e) => e.event === 'delta');
    expect(deltas.length).toBeGreaterThan(1);
    const answer = deltas.map((e) => e.data.text).join('');
    expect(answer).toMatch(/According to the communiqué “.+”/);
    expect(events.at(-1)!.data).toMatchObject({ answerable: true, mode: 'extractive', timings: { totalMs: expect.any(Number) } });
  });

  it('streams with "stream": true in the body too', async () => {
    const response = await post('/api/ask', { question: 'Qui est Amy Pope ?', stream: true });
    expect(parseSse(await response.text()).map((e) => e.event)).toContain('done');
  });

  it('filters by source and date', async () => {
    const response = await post('/api/ask', { question: 'coopération', sources: ['000_9a6274aa62985936.txt'], from: '2018', to: '2018-12-31' });
    const body = await response.json();
    for (const c of body.citations) expect(c.source).toBe('000_9a6274aa62985936.txt');
  });

  it.each([
    ['an empty question', { question: '   ' }, /question: must not be empty/],
    ['a missing question', {}, /question: Required/],
    ['a question of the wrong type', { question: 42 }, /question: Expected string/],
    ['a question over 2000 characters', { question: 'a'.repeat(2001) }, /question: must be at most 2000/],
    ['k out of range', { question: 'OIM', k: 0 }, /k: Number must be greater than or equal to 1/],
    ['k not an integer', { question: 'OIM', k: 2.5 }, /k: Expected integer/],
    ['an unknown language', { question: 'OIM', language: 'de' }, /language/],
    ['an unknown field', { question: 'OIM', temperature: 1 }, /Unrecognized key/],
    ['too many history turns', { question: 'OIM', history: Array.from({ length: 21 }, () => ({ role: 'user', content: 'x' })) }, /history/],
    ['a history turn with a bad role', { question: 'OIM', history: [{ role: 'system', content: 'x' }] }, /history\.0\.role/],
    ['an unparseable date', { question: 'OIM', from: '13/10/2020' }, /from: "13\/10\/2020" is not an ISO date/],
    ['a NUL byte in the question', { question: 'OIM\u0000' }, /control characters/],
  ])('rejects %s with 400 naming the field', async (_name, body, message) => {
    await expectError(await post('/api/ask', body), 400, 'bad_request', message);
  });

  it('rejects a body that is not JSON with 400', async () => {
    await expectError(await post('/api/ask', '{"question": '), 400, 'bad_request', /not valid JSON/);
  });

  it('rejects another content type with 415', async () => {
    const response = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'question' });
    await expectError(response, 415, 'unsupported_media_type');
  });

  it('rejects a body over 64 KiB with 413', async () => {
    await expectError(await post('/api/ask', { question: 'x', history: [{ role: 'user', content: 'a'.repeat(70_000) }] }), 413, 'payload_too_large');
  });
});

describe('GET /api/search', () => {
  it('returns ranked passages with spans', async () => {
    const response = await app.request('/api/search?q=r%C3%A9fugi%C3%A9s%20v%C3%A9n%C3%A9zu%C3%A9liens&k=3');
    const body = await response.json();
    expect(body.results).toHaveLength(3);
    expect(Object.keys(body.results[0]).sort()).toEqual(['chunkId', 'date', 'end', 'score', 'source', 'start', 'text', 'title']);
    expect(body.results[0].source).toBe('004_5bf88d405e48ee85.txt');
  });

  it('filters by a comma-separated list of sources', async () => {
    const body = await (await app.request('/api/search?q=migration&sources=002_5a2f6f364a3714b2.txt,000_9a6274aa62985936.txt&k=10')).json();
    expect(new Set(body.results.map((r: { source: string }) => r.source))).toEqual(new Set(['002_5a2f6f364a3714b2.txt', '000_9a6274aa62985936.txt']));
  });

  it('rejects a missing q and a bad k with 400', async () => {
    await expectError(await app.request('/api/search'), 400, 'bad_request', /q: Required/);
    await expectError(await app.request('/api/search?q=x&k=100'), 400, 'bad_request', /k:/);
    await expectError(await app.request('/api/search?q=x&to=yesterday'), 400, 'bad_request', /to:/);
  });
});

describe('GET /api/sources', () => {
  it('lists the communiqués with title, date, language and chunk count', async () => {
    const body = await (await app.request('/api/sources')).json();
    expect(body.sources).toHaveLength(5);
    expect(body.sources[0]).toMatchObject({ id: '000_9a6274aa62985936.txt', date: '2018-11-28', language: 'fr', chunks: expect.any(Number) });
  });

  it('returns one communiqué with its full text', async () => {
    const body = await (await app.request('/api/sources/001_b75e72ff1d10ce48.txt')).json();
    expect(body).toMatchObject({ id: '001_b75e72ff1d10ce48.txt', date: '2020-10-13' });
    expect(body.text).toContain('535 projets');
  });

  it.each(['nope.txt', '..%2Fpackage.json', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '%2Fetc%2Fpasswd', 'x%00.txt'])('answers 404 for %s', async (id) => {
    await expectError(await app.request(`/api/sources/${id}`), 404, 'not_found');
  });
});

describe('GET /api/health', () => {
  it('reports counts, embedder and answer mode', async () => {
    const body = await (await app.request('/api/health')).json();
    expect(body).toMatchObject({
      status: 'ok',
      documents: 5,
      chunks: runtime.retriever.index.chunkCount,
      embeddings: { provider: 'hash', model: 'hash-v4', dimension: 512 },
      llm: { provider: 'none', model: 'extractive-v2' },
    });
  });
});

describe('GET /api/health with EMBEDDINGS=auto', () => {
  it('says that the offline hash embedder is in use and how to get a neural model', async () => {
    const { openRuntime } = await import('../../src/runtime/node-runtime.js');
    const { loadConfig } = await import('../../src/config/config.js');
    const autoConfig = loadConfig({ EMBEDDINGS: 'auto', CORPUS_DIR: config.corpusDir, INDEX_DIR: config.indexDir, RATE_LIMIT_PER_MINUTE: '0' });
    const autoRuntime = await openRuntime(autoConfig, () => {}, { buildIfMissing: false });
    const autoApp = createNodeApp({ config: autoConfig, runtime: autoRuntime, answerer }).app;
    const body = await (await autoApp.request('/api/health')).json();
    expect(body.embeddings).toMatchObject({ provider: 'hash', fallback: expect.stringMatching(/MODELS_DIR.*npm run index/) });
  });
});

describe('OpenAI-compatible routes', () => {
  it('lists the assistant as a model', async () => {
    const body = await (await app.request('/v1/models')).json();
    expect(body).toMatchObject({ object: 'list', data: [{ id: 'communiques', object: 'model' }] });
  });

  it('answers chat completions with citations in an extra field', async () => {
    const response = await post('/v1/chat/completions', { model: 'communiques', temperature: 0.2, messages: [{ role: 'user', content: 'Combien de projets entre 2015 et 2019 ?' }] });
    const body = await response.json();
    expect(body).toMatchObject({ object: 'chat.completion', model: 'communiques', choices: [{ index: 0, message: { role: 'assistant' }, finish_reason: 'stop' }] });
    expect(body.choices[0].message.content).toMatch(/535/);
    expect(body.citations[0].source).toBe('001_b75e72ff1d10ce48.txt');
  });

  it('streams OpenAI chunks ending in [DONE], citations in the last chunk', async () => {
    const response = await post('/v1/chat/completions', { stream: true, messages: [{ role: 'user', content: [{ type: 'text', text: 'En quelle année l’OIM a-t-elle été créée ?' }] }] });
    const events = parseSse(await response.text());
    expect(events.at(-1)!.data).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => e.data);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    const content = chunks.map((c) => c.choices[0].delta.content ?? '').join('');
    expect(content).toMatch(/1951/);
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1).citations.length).toBeGreaterThan(0);
  });

  it('reports approximate token usage for the messages and the answer', async () => {
    const question = 'Combien de projets entre 2015 et 2019 ?';
    const body = await (await post('/v1/chat/completions', { messages: [{ role: 'user', content: question }] })).json();
    expect(body.usage).toEqual({ prompt_tokens: estimateTokens(question), completion_tokens: estimateTokens(body.choices[0].message.content), total_tokens: expect.any(Number), approximate: true });
    expect(body.usage.prompt_tokens).toBeGreaterThan(0);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it('rejects a system message with a 400 that says why, instead of ignoring it', async () => {
    const response = await post('/v1/chat/completions', { messages: [{ role: 'system', content: 'Answer like a pirate.' }, { role: 'user', content: 'Combien de projets entre 2015 et 2019 ?' }] });
    await expectError(response, 400, 'bad_request', /messages\.0\.role: system messages are not supported/);
  });

  it('rejects more than one choice', async () => {
    await expectError(await post('/v1/chat/completions', { n: 2, messages: [{ role: 'user', content: 'Combien de projets ?' }] }), 400, 'bad_request', /^n: only one choice/);
  });

  it('cuts the answer after a citation to honour max_tokens, with finish_reason "length"', async () => {
    const messages = [{ role: 'user', content: 'Combien de délégations ont participé à la conférence de solidarité ?' }];
    const full: string = (await (await post('/v1/chat/completions', { messages })).json()).choices[0].message.content;
    // A budget that holds the answer up to its first citation, not the rest.
    const first = /\[\d+\][.,;:]?/.exec(full)!;
    const prefix = full.slice(0, first.index + first[0].length);
    expect(full.length).toBeGreaterThan(prefix.length + 20);
    const cut = await (await post('/v1/chat/completions', { messages, max_tokens: estimateTokens(prefix) })).json();
    const content: string = cut.choices[0].message.content;
    expect(cut.choices[0].finish_reason).toBe('length');
    expect(content).toBe(prefix.trimEnd());
    expect(cut.citations.map((c: { n: number }) => `[${c.n}]`).sort()).toEqual([...new Set(content.match(/\[\d+\]/g))].sort());
    expect(cut.usage.completion_tokens).toBe(estimateTokens(content));
  });

  it('streams within max_tokens and sends usage last when stream_options.include_usage is set', async () => {
    const messages = [{ role: 'user', content: 'Which countries host the most Venezuelan refugees?' }];
    const response = await post('/v1/chat/completions', { stream: true, stream_options: { include_usage: true }, max_tokens: 40, messages });
    const chunks = parseSse(await response.text()).slice(0, -1).map((e) => e.data);
    const content = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(estimateTokens(content)).toBeLessThanOrEqual(40);
    expect(chunks.at(-2).choices[0].finish_reason).toBe('length');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: estimateTokens(content), approximate: true } });
  });

  it('rejects a conversation that does not end with a user message', async () => {
    await expectError(await post('/v1/chat/completions', { messages: [{ role: 'assistant', content: 'hi' }] }), 400, 'bad_request', /last message/);
  });
});

describe('errors everywhere', () => {
  it('answers 404 with the JSON shape for an unknown API route', async () => {
    await expectError(await app.request('/api/nothing'), 404, 'not_found');
    await expectError(await app.request('/v1/embeddings', { method: 'POST' }), 404, 'not_found');
  });

  it('maps an unexpected exception to 500 internal without leaking it', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const throwing = new Hono<AppEnv>().get('/boom', () => {
      throw new Error('secret stack detail');
    });
    const broken = createApp({ state: { retriever: runtime.retriever }, answerer, health: { llm: answerer.info }, extraApi: throwing, log: (l) => lines.push(l) });
    const response = await broken.request('/api/boom');
    expect(await response.clone().text()).not.toContain('secret stack detail');
    await expectError(response, 500, 'internal');
    expect(lines.some((l) => l.level === 'error' && l.message === 'secret stack detail')).toBe(true);
  });

  it('answers 503 when a request takes longer than the request timeout', async () => {
    const slow = new Hono<AppEnv>().get('/slow', async (c) => {
      await new Promise((r) => setTimeout(r, 300));
      return c.json({ late: true });
    });
    const timed = createApp({ state: { retriever: runtime.retriever }, answerer, health: { llm: answerer.info }, extraApi: slow, requestTimeoutMs: 50 });
    await expectError(await timed.request('/api/slow'), 503, 'unavailable', /longer than 50 ms/);
    expect((await timed.request('/api/health')).status).toBe(200);
  });

  it('maps an index error to 503 unavailable', async () => {
    const { AppError } = await import('../../src/errors.js');
    const failing = new Hono<AppEnv>().get('/index', () => {
      throw new AppError('index_corrupt', 'Index file x is corrupt: run npm run index.');
    });
    const broken = createApp({ state: { retriever: runtime.retriever }, answerer, health: { llm: answerer.info }, extraApi: failing });
    await expectError(await broken.request('/api/index'), 503, 'unavailable', /npm run index/);
  });

  it('rate-limits a client with 429 and Retry-After', async () => {
    const { app: limited } = createNodeApp({ config: { ...config, security: { ...config.security, rateLimitPerMinute: 60, rateLimitBurst: 2 } }, runtime, answerer });
    const ask = () => limited.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'OIM' }) });
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    const third = await ask();
    await expectError(third, 429, 'rate_limited');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('sets security headers on every response', async () => {
    for (const path of ['/api/health', '/api/nothing', '/']) {
      const response = await app.request(path);
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});
