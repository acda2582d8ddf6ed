/**
 * `npm run bench:upload`: time from upload to answerable on the seeds-sized index (target < 5 s), against a real
 * server over a fresh seeds index: each round uploads one invented communiqué (POST /api/admin/documents returns
 * once the new index is served), asks a question only it answers, then deletes it. The same run measures a full
 * rebuild (POST /api/admin/reindex) as the baseline, and the lexical index's in-place merge against a full encode
 * at a larger size (synthetic stems, 100k chunks), which decides between rewriting lexical.bin and a delta segment.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { percentile } from '../src/eval/run-eval.js';
import { encodeLexicalIndex, updateLexicalIndex } from '../src/index/lexical-index.js';
import { copySeeds, tempDir } from '../test/helpers/fixtures.js';
import { startServer } from '../test/helpers/start-server.js';

const TOKEN = 'bench-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const { dir, cleanup } = await tempDir();
const server = await startServer({ EMBEDDINGS: 'hash', CORPUS_DIR: await copySeeds(dir), INDEX_DIR: join(dir, 'index'), ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0' });
const base = await readFile(resolve(import.meta.dirname, '../test/fixtures/uploads/tanganyika-fisheries-en.txt'), 'utf8');
const question = 'How many fishing boats did the Lake Tanganyika Fisheries Authority register in Kigoma?';

const toAnswerable: number[] = [];
const deletes: number[] = [];
for (let round = 0; round < 12; round++) {
  const form = new FormData();
  form.append('files', new File([base], `ltfa-${round}.txt`, { type: 'text/plain' }));
  const started = performance.now();
  const uploaded = await (await fetch(`${server.url}/api/admin/documents`, { method: 'POST', body: form, headers: auth })).json();
  const answer = await (await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })).json();
  const ms = performance.now() - started;
  if (!answer.answerable || answer.citations[0]?.source !== uploaded.results[0].id) throw new Error(`round ${round}: not answerable from the upload: ${JSON.stringify(answer).slice(0, 300)}`);
  const removing = performance.now();
  await fetch(`${server.url}/api/admin/documents/${encodeURIComponent(uploaded.results[0].id)}`, { method: 'DELETE', headers: auth });
  if (round >= 2) {
    toAnswerable.push(ms);
    deletes.push(performance.now() - removing);
  }
}
const rebuilds: number[] = [];
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  await fetch(`${server.url}/api/admin/reindex`, { method: 'POST', headers: auth });
  rebuilds.push(performance.now() - started);
}
await server.stop();
await cleanup();

// Lexical: merge one 3-chunk document into 100k chunks vs encoding all from scratch.
const vocabulary = Array.from({ length: 50_000 }, (_, i) => `t${i.toString(36)}`);
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const chunkTerms = Array.from({ length: 100_000 }, () => Array.from({ length: 60 }, () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]!));
let started = performance.now();
const encoded = encodeLexicalIndex(chunkTerms);
const encodeMs = performance.now() - started;
started = performance.now();
updateLexicalIndex(encoded, (p) => p, chunkTerms.slice(0, 3));
const mergeMs = performance.now() - started;

const figures = (times: number[]) => ({ p50Ms: Math.round(percentile(times, 50)), maxMs: Math.round(Math.max(...times)) });
console.log(
  JSON.stringify({
    rounds: toAnswerable.length,
    uploadToAnswerable: figures(toAnswerable),
    delete: figures(deletes),
    fullRebuildBaseline: figures(rebuilds),
    uploadVsRebuild: +(percentile(toAnswerable, 50) / percentile(rebuilds, 50)).toFixed(2),
    lexical100k: { bytes: encoded.length, fullEncodeMs: Math.round(encodeMs), mergeOneDocumentMs: Math.round(mergeMs) },
  }),
);
