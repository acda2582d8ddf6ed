/**
 * `npm run bench:ask`: latency of /api/ask (extractive) one request at a time over loopback: 20 warm-up requests,
 * then 200 measured, cycling through the evaluation questions, against a real server over a fresh seeds index —
 * once without machine translation (the answer pipeline alone) and once with the configured translator (Apertium
 * when installed), whose quotes' translations are part of the answer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { percentile } from '../src/eval/run-eval.js';
import { startSeedsServer } from '../test/helpers/start-server.js';

const questions = readFileSync(resolve(import.meta.dirname, '../eval/questions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line).question as string);

for (const translation of ['none', 'auto']) {
  const server = await startSeedsServer({ RATE_LIMIT_PER_MINUTE: '0', TRANSLATION: translation });
  const times: number[] = [];
  for (let i = 0; i < 220; i++) {
    const started = performance.now();
    const response = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: questions[i % questions.length] }) });
    await response.json();
    if (i >= 20) times.push(performance.now() - started);
  }
  console.log(JSON.stringify({ translation, requests: times.length, p50Ms: +percentile(times, 50).toFixed(2), p95Ms: +percentile(times, 95).toFixed(2), p99Ms: +percentile(times, 99).toFixed(2) }));
  await server.stopAll();
}
