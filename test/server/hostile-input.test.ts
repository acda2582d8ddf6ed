import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/create-answerer.js';
import type { AppEnv } from '../../src/server/app-types.js';
import { createNodeApp } from '../../src/server/node-app.js';
import { seedsRuntime } from '../helpers/seeds-runtime.js';

let app: Hono<AppEnv>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const seeds = await seedsRuntime({ RATE_LIMIT_PER_MINUTE: '0', ADMIN_TOKEN: 'correct-horse-battery-staple' });
  cleanup = seeds.cleanup;
  app = createNodeApp({ config: seeds.config, runtime: seeds.runtime, answerer: createAnswerer() }).app;
});
afterAll(async () => cleanup());

interface Case {
  name: string;
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  status: number;
  code?: string;
}

const json = (value: unknown) => JSON.stringify(value);
const ask = (name: string, body: string, status: number, code?: string, headers?: Record<string, string>): Case => ({ name, method: 'POST', path: '/api/ask', body, status, code, headers });
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

const cases: Case[] = [
  ask('empty body', '', 400, 'bad_request'),
  ask('JSON null', 'null', 400, 'bad_request'),
  ask('JSON array', '[]', 400, 'bad_request'),
  ask('JSON string', '"question"', 400, 'bad_request'),
  ask('JSON number', '42', 400, 'bad_request'),
  ask('truncated JSON', '{"question":"OIM"', 400, 'bad_request'),
  ask('question null', json({ question: null }), 400, 'bad_request'),
  ask('question array', json({ question: ['OIM'] }), 400, 'bad_request'),
  ask('question object', json({ question: { text: 'OIM' } }), 400, 'bad_request'),
  ask('question only spaces', json({ question: ' \n\t ' }), 400, 'bad_request'),
  ask('question of 2001 characters', json({ question: 'é'.repeat(2001) }), 400, 'bad_request'),
  ask('question of 2000 characters', json({ question: `${'migration '.repeat(200)}`.slice(0, 2000) }), 200),
  ask('NUL byte', json({ question: 'OIM\u0000Belgique' }), 400, 'bad_request'),
  ask('escape character', json({ question: 'OIM \u001b[31m rouge' }), 400, 'bad_request'),
  ask('lone surrogate', '{"question":"Belgique \\ud800 OIM"}', 200),
  ask('right-to-left override', json({ question: '\u202eMIO\u202c Belgique accord' }), 200),
  ask('10 000 combining marks', json({ question: `a${'\u0301'.repeat(10_000)}` }), 400, 'bad_request'),
  ask('300 combining marks', json({ question: `Belgique${'\u0301'.repeat(300)}` }), 200),
  ask('emoji only', json({ question: '🇧🇪🤝🌍' }), 200),
  ask('punctuation only', json({ question: '???' }), 200),
  ask('k as a string', json({ question: 'OIM', k: '5' }), 400, 'bad_request'),
  ask('k negative', json({ question: 'OIM', k: -1 }), 400, 'bad_request'),
  ask('k huge', json({ question: 'OIM', k: 1e20 }), 400, 'bad_request'),
  ask('k overflowing to infinity', '{"question":"OIM","k":1e400}', 400, 'bad_request'),
  ask('language as a number', json({ question: 'OIM', language: 1 }), 400, 'bad_request'),
  ask('history not a list', json({ question: 'OIM', history: 'earlier' }), 400, 'bad_request'),
  ask('history turn without content', json({ question: 'OIM', history: [{ role: 'user' }] }), 400, 'bad_request'),
  ask('history over 16 KiB in all', json({ question: 'OIM', history: Array.from({ length: 5 }, () => ({ role: 'user', content: 'x'.repeat(4000) })) }), 400, 'bad_request'),
  ask('history turn with an extra field', json({ question: 'OIM', history: [{ role: 'user', content: 'x', name: 'eve' }] }), 400, 'bad_request'),
  ask('stream as a string', json({ question: 'OIM', stream: 'yes' }), 400, 'bad_request'),
  ask('sources not a list', json({ question: 'OIM', sources: '000.txt' }), 400, 'bad_request'),
  ask('101 sources', json({ question: 'OIM', sources: Array.from({ length: 101 }, (_, i) => `${i}.txt`) }), 400, 'bad_request'),
  ask('impossible date', json({ question: 'OIM', from: '2020-13-45' }), 400, 'bad_request'),
  ask('unknown field', json({ question: 'OIM', admin: true }), 400, 'bad_request'),
  ask('prototype pollution key', '{"question":"OIM","__proto__":{"admin":true}}', 400, 'bad_request'),
  ask('deeply nested JSON', `{"question":"OIM","x":${nested(20_000)}}`, 400, 'bad_request'),
  ask('body over 64 KiB', json({ question: 'OIM', padding: 'x'.repeat(70 * 1024) }), 413, 'payload_too_large'),
  ask('text/plain body', json({ question: 'OIM' }), 415, 'unsupported_media_type', { 'content-type': 'text/plain' }),
  ask('form body', 'question=OIM', 415, 'unsupported_media_type', { 'content-type': 'application/x-www-form-urlencoded' }),
  ask('JSON with a charset', json({ question: 'Quel accord la Belgique a-t-elle signé ?' }), 200, undefined, { 'content-type': 'application/json; charset=utf-8' }),
  ask('odd Accept header', json({ question: 'OIM Belgique' }), 200, undefined, { accept: 'text/html;q=0.9, */*;q=0.1' }),
  { name: 'PUT on /api/ask', method: 'PUT', path: '/api/ask', body: json({ question: 'OIM' }), headers: { 'content-type': 'application/json' }, status: 404, code: 'not_found' },
  { name: 'search without q', path: '/api/search', status: 400, code: 'bad_request' },
  { name: 'search with an empty q', path: '/api/search?q=', status: 400, code: 'bad_request' },
  { name: 'search with k=abc', path: '/api/search?q=OIM&k=abc', status: 400, code: 'bad_request' },
  { name: 'search with k=1.5', path: '/api/search?q=OIM&k=1.5', status: 400, code: 'bad_request' },
  { name: 'search with an unknown parameter', path: '/api/search?q=OIM&debug=1', status: 400, code: 'bad_request' },
  { name: 'search with a q of 3000 characters', path: `/api/search?q=${'a'.repeat(3000)}`, status: 400, code: 'bad_request' },
  { name: 'source ../', path: '/api/sources/..%2F..%2Fpackage.json', status: 404, code: 'not_found' },
  { name: 'source with encoded dots', path: '/api/sources/%2e%2e%2fseeds', status: 404, code: 'not_found' },
  { name: 'source absolute path', path: '/api/sources/%2Fetc%2Fpasswd', status: 404, code: 'not_found' },
  { name: 'source NUL byte', path: '/api/sources/000_9a6274aa62985936.txt%00', status: 404, code: 'not_found' },
  { name: 'source id of 10 000 characters', path: `/api/sources/${'a'.repeat(10_000)}`, status: 404, code: 'not_found' },
  { name: 'static ../', path: '/..%2F..%2Fpackage.json', status: 404, code: 'not_found' },
  { name: 'static NUL byte', path: '/index.html%00.js', status: 404, code: 'not_found' },
  { name: 'static source file', path: '/src/app.ts', status: 404, code: 'not_found' },
  { name: 'chat completion without messages', method: 'POST', path: '/v1/chat/completions', body: json({ model: 'communiques' }), headers: { 'content-type': 'application/json' }, status: 400, code: 'bad_request' },
  { name: 'chat completion with content as a number', method: 'POST', path: '/v1/chat/completions', body: json({ messages: [{ role: 'user', content: 7 }] }), headers: { 'content-type': 'application/json' }, status: 400, code: 'bad_request' },
  { name: 'chat completion with a 3000-character question', method: 'POST', path: '/v1/chat/completions', body: json({ messages: [{ role: 'user', content: 'a'.repeat(3000) }] }), headers: { 'content-type': 'application/json' }, status: 400, code: 'bad_request' },
  { name: 'reindex without a token', method: 'POST', path: '/api/admin/reindex', status: 401, code: 'unauthorized' },
  { name: 'reindex with a wrong token', method: 'POST', path: '/api/admin/reindex', headers: { authorization: 'Bearer correct-horse' }, status: 401, code: 'unauthorized' },
  { name: 'upload with a token one character short', method: 'POST', path: '/api/admin/documents', headers: { authorization: 'Bearer correct-horse-battery-stapl' }, status: 401, code: 'unauthorized' },
];

describe('hostile input', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('answers $name with $status', async ({ method = 'GET', path = '/', body, headers, status, code }) => {
    const init: RequestInit = { method, headers: { ...(body !== undefined && method !== 'GET' ? { 'content-type': 'application/json' } : {}), ...headers } };
    if (body !== undefined && method !== 'GET') init.body = body;
    const response = await app.request(path, init);
    expect(response.status).toBe(status);
    if (status >= 400) {
      const payload = await response.json();
      expect(Object.keys(payload)).toEqual(['error']);
      expect(payload.error.code).toBe(code);
      expect(payload.error.message.length).toBeGreaterThan(0);
    } else {
      const payload = await response.json();
      expect(typeof payload.answer).toBe('string');
      expect(typeof payload.answerable).toBe('boolean');
    }
  });

  it('still answers a normal question correctly afterwards', async () => {
    const response = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json({ question: 'Combien de délégations ont participé à la conférence de solidarité ?' }) });
    const body = await response.json();
    expect(body.answerable).toBe(true);
    expect(body.answer).toMatch(/120 délégations/);
  });
});
