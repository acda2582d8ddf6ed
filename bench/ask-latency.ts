/**
 * `npm run bench:ask`: latency of /api/ask (extractive) one request at a time over loopback: 20 warm-up requests,
 * then 200 measured, cycling through the evaluation questions, against a real server over a fresh seeds index —
 * once without machine translation (the answer pipeline alone), then the dev split's follow-ups with their history
 * on the same server (a follow-up also searches for the previous answer's communiqué), and once with the configured
 * translator (Apertium when installed), whose quotes' translations are part of the answer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { percentile } from '../src/eval/run-eval.js';
import { startSeedsServer } from '../test/helpers/start-server.js';

type Asked = { question: string; history?: { role: string; content: string }[] };

const all = readFileSync(resolve(import.meta.dirname, '../eval/questions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Asked);
const questions = all.map(({ question }) => ({ question }));
const followUps = all.filter((q) => q.history?.length).map(({ question, history }) => ({ question, history }));

/** The time of one request, in milliseconds. */
async function timed(url: string, asked: Asked): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(asked) });
  await response.json();
  return performance.now() - started;
}

const figures = (times: number[]) => ({ requests: times.length, p50Ms: +percentile(times, 50).toFixed(2), p95Ms: +percentile(times, 95).toFixed(2), p99Ms: +percentile(times, 99).toFixed(2) });

for (const translation of ['none', 'auto']) {
  const server = await startSeedsServer({ RATE_LIMIT_PER_MINUTE: '0', TRANSLATION: translation });
  const times: number[] = [];
  for (let i = 0; i < 220; i++) {
    const time = await timed(server.url, questions[i % questions.length]!);
    if (i >= 20) times.push(time);
  }
  console.log(JSON.stringify({ translation, ...figures(times) }));
  if (translation === 'none') {
    // The same follow-up questions with and without their history, interleaved: what the history costs.
    const alone: number[] = [];
    const withHistory: number[] = [];
    for (let i = 0; i < 220; i++) {
      const asked = followUps[i % followUps.length]!;
      const [a, h] = [await timed(server.url, { question: asked.question }), await timed(server.url, asked)];
      if (i >= 20) (alone.push(a), withHistory.push(h));
    }
    const [without, withIt] = [figures(alone), figures(withHistory)];
    console.log(JSON.stringify({ translation, followUps: followUps.length, withoutHistory: without, withHistory: withIt, p50Ratio: +(withIt.p50Ms / without.p50Ms).toFixed(2), p95Ratio: +(withIt.p95Ms / without.p95Ms).toFixed(2) }));
  }
  await server.stopAll();
}
