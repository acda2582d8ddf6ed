import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/create-answerer.js';
import type { AppEnv } from '../../src/server/app-types.js';
import { createNodeApp } from '../../src/server/node-app.js';
import { seedsRuntime } from '../helpers/seeds-runtime.js';

let app: Hono<AppEnv>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const seeds = await seedsRuntime({ RATE_LIMIT_PER_MINUTE: '0' });
  cleanup = seeds.cleanup;
  app = createNodeApp({ config: seeds.config, runtime: seeds.runtime, answerer: createAnswerer() }).app;
});
afterAll(async () => cleanup());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/verify', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function expectError(response: Response, status: number, code: string, message?: RegExp) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  if (message) expect(body.error.message).toMatch(message);
}

describe('POST /api/verify', () => {
  it('returns each claim with its verdict, offsets, evidence spans and the differing detail', async () => {
    const text = '120 délégations ont participé à la conférence de solidarité. Between 2015 and 2019 the European Commission and IOM worked together on 635 projects.';
    const response = await post({ text });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.claims).toHaveLength(2);
    expect(body.claims[0]).toMatchObject({ verdict: 'supported', start: 0 });
    expect(Object.keys(body.claims[0].evidence[0]).sort()).toEqual(['end', 'quote', 'score', 'source', 'start', 'title']);
    expect(body.claims[1]).toMatchObject({ verdict: 'contradicted', difference: { claimed: '635', found: '535', kind: 'number' } });
    expect(text.slice(body.claims[1].start, body.claims[1].end)).toBe(body.claims[1].text);
  });

  it('narrows the evidence to the given communiqués', async () => {
    const body = await (await post({ text: '120 délégations ont participé à la conférence de solidarité.', sources: ['000_9a6274aa62985936.txt'] })).json();
    expect(body.claims[0].verdict).not.toBe('supported');
    for (const span of body.claims[0].evidence) expect(span.source).toBe('000_9a6274aa62985936.txt');
  });

  it.each([
    ['no text', {}, /text: Required/],
    ['a blank text', { text: '   ' }, /text: must not be empty/],
    ['a text over 8000 characters', { text: 'a'.repeat(8001) }, /text: must be at most 8000 characters/],
    ['a number as text', { text: 42 }, /text: Expected string/],
    ['a control character', { text: 'ok\u0000' }, /control characters/],
    ['an unknown language', { text: 'Texte.', language: 'de' }, /language/],
    ['a date that is not ISO', { text: 'Texte.', from: 'yesterday' }, /not an ISO date/],
    ['an unknown field', { text: 'Texte.', extra: true }, /Unrecognized key/],
  ])('rejects %s with a 400 naming the field', async (_name, body, message) => {
    await expectError(await post(body), 400, 'bad_request', message);
  });

  it('rejects a body that is not JSON, or not sent as JSON', async () => {
    await expectError(await post('{"text": '), 400, 'bad_request', /not valid JSON/);
    await expectError(await app.request('/api/verify', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'text' }), 415, 'unsupported_media_type');
  });

  it('rejects a body over the size limit with 413', async () => {
    await expectError(await post({ text: 'é'.repeat(40_000) }), 413, 'payload_too_large');
  });

  it('answers a text with nothing checkable with no claims', async () => {
    const body = await (await post({ text: 'Voici.' })).json();
    expect(body.claims).toEqual([]);
  });
});
