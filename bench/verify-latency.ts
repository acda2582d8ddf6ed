/**
 * `npm run bench:verify`: latency of /api/verify for a 3-sentence text (one supported, one contradicted, one not
 * found), one request at a time over loopback: 20 warm-up requests, then 200 measured, cycling through three texts
 * (French, English, mixed), against a real server over a fresh seeds index. Target: p95 ≤ 50 ms. An /api/ask
 * request (extractive) follows each one as the baseline of the same run: the ratio holds on a loaded machine.
 */
import { percentile } from '../src/eval/run-eval.js';
import { startSeedsServer } from '../test/helpers/start-server.js';

const texts = [
  '120 délégations ont participé à la conférence de solidarité. L’OIM a apporté son assistance au Luxembourg lors de neuf missions de sélection. Le Luxembourg a versé 5 millions d’euros à l’OIM en 2018.',
  'Since 2017, with EU support, IOM has provided humanitarian aid in 34 countries. The EU and IOM set up a strategic cooperation framework in July 2014. Colombia hosts the largest number of Venezuelan refugees.',
  'Amy Pope a salué l’adoption du nouveau Pacte de l’UE. The New Pact on Migration and Asylum was proposed on 23 September by the European Parliament. Belgium pledged 20 million euros to IOM.',
];
const questions = ['Combien de délégations ont participé à la conférence de solidarité ?', 'When was the EU-IOM strategic cooperation framework set up?', 'Qui a organisé la conférence ministérielle sur le Pacte ?'];
const server = await startSeedsServer({ RATE_LIMIT_PER_MINUTE: '0' });
const post = async (path: string, body: unknown) => {
  const started = performance.now();
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(json).slice(0, 300)}`);
  return { json, ms: performance.now() - started };
};
const verify: number[] = [];
const ask: number[] = [];
for (let i = 0; i < 220; i++) {
  const checked = await post('/api/verify', { text: texts[i % texts.length] });
  if (checked.json.claims.length !== 3) throw new Error(`expected 3 claims: ${JSON.stringify(checked.json).slice(0, 300)}`);
  const answered = await post('/api/ask', { question: questions[i % questions.length] });
  if (i >= 20) {
    verify.push(checked.ms);
    ask.push(answered.ms);
  }
}
const figures = (times: number[]) => ({ p50Ms: +percentile(times, 50).toFixed(2), p95Ms: +percentile(times, 95).toFixed(2), p99Ms: +percentile(times, 99).toFixed(2) });
console.log(JSON.stringify({ requests: verify.length, sentences: 3, verify: figures(verify), askBaseline: figures(ask), p95Ratio: +(percentile(verify, 95) / percentile(ask, 95)).toFixed(2) }));
await server.stopAll();
