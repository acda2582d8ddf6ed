/**
 * `npm run bench:translate`: Apertium translation latency per quote (French → English, through Spanish), with the
 * long-lived null-flush pipeline against one `apertium fr-es | apertium spa-eng` run per quote (the baseline), in
 * the same run over the same 30 sentences of the communiqués. Needs the Debian packages apertium, apertium-fr-es
 * and apertium-eng-spa.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { cleanText } from '../src/corpus/clean-text.js';
import { percentile } from '../src/eval/run-eval.js';
import { latencyStats, requireApertium, timed } from './latency-stats.js';
import { sentenceSpans } from '../src/text/sentence-spans.js';
import { createApertiumTranslator } from '../src/translate/apertium-translator.js';

const QUOTES = 30;
const apertiumDir = requireApertium();

// Sentences of 60 to 400 characters, taken in turn from every communiqué.
const seeds = resolve(import.meta.dirname, '../seeds');
const perDocument = readdirSync(seeds).sort().map((file) => {
  const text = cleanText(readFileSync(join(seeds, file), 'utf8')).text;
  return sentenceSpans(text).map((s) => text.slice(s.start, s.end).trim()).filter((s) => s.length >= 60 && s.length <= 400);
});
const quotes: string[] = [];
for (let i = 0; quotes.length < QUOTES && perDocument.some((d) => d.length > i); i++) for (const d of perDocument) if (d[i] && quotes.length < QUOTES) quotes.push(d[i]!);


const translator = createApertiumTranslator({ dir: apertiumDir, log: (line) => console.error(line) });
const coldMs = await timed(() => translator.translate(['Démarrage.'], 'fr', 'en'));
const longLived: number[] = [];
let failed = 0;
for (const quote of quotes) longLived.push(await timed(async () => ((await translator.translate([quote], 'fr', 'en'))[0] ? 0 : failed++)));
const batchMs = await timed(() => translator.translate(quotes.map((q) => `${q} `), 'fr', 'en'));
await translator.close();

// The wrapper script reads /dev/stdin, which cannot be opened on Node's stdio socket: `cat` hands it a pipe.
const perCall: number[] = [];
for (const quote of quotes) {
  perCall.push(await timed(() => {
    if (!execFileSync('sh', ['-c', 'cat | apertium -u fr-es | apertium -u spa-eng'], { input: quote, encoding: 'utf8' }).trim()) throw new Error('apertium returned nothing');
  }));
}

const report = {
  machine: { cores: cpus().length, loadAverage: loadavg().map((l) => +l.toFixed(1)) },
  quotes: quotes.length,
  meanChars: Math.round(quotes.reduce((a, q) => a + q.length, 0) / quotes.length),
  untranslated: failed,
  longLivedMs: latencyStats(longLived),
  longLivedColdStartMs: Math.round(coldMs),
  longLivedAllInOneCallMs: Math.round(batchMs),
  perCallMs: latencyStats(perCall),
  ratioP50: +(percentile(perCall, 50) / percentile(longLived, 50)).toFixed(1),
  ratioP95: +(percentile(perCall, 95) / percentile(longLived, 95)).toFixed(1),
};
console.log(JSON.stringify(report));
console.log(
  `Translation fr→en, ${report.quotes} quotes (mean ${report.meanChars} chars): long-lived pipeline p50 ${report.longLivedMs.p50} ms, p95 ${report.longLivedMs.p95} ms ` +
    `(cold start ${report.longLivedColdStartMs} ms; all ${report.quotes} in one call ${report.longLivedAllInOneCallMs} ms); ` +
    `one apertium process per call p50 ${report.perCallMs.p50} ms, p95 ${report.perCallMs.p95} ms; ratio ${report.ratioP50}× at p50, ${report.ratioP95}× at p95 ` +
    `(${report.machine.cores} cores, load average ${report.machine.loadAverage.join(' ')})`,
);
