/**
 * `npm run bench:translate-document`: what the web chat's translations cost on the serving path, with Apertium's
 * long-lived pipeline (uncached), French → English, over the communiqués in seeds/:
 *  - a whole communiqué for the side panel, translated sentence by sentence with its alignment (translateDocument,
 *    current) against paragraph by paragraph (the former way, the same-run baseline);
 *  - an answer's citations with their communiqué titles (translateCitations, current) against the quotes alone.
 * Rounds alternate the two methods so that machine load falls on both alike.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { cleanText } from '../src/corpus/clean-text.js';
import { percentile } from '../src/eval/run-eval.js';
import { latencyStats, requireApertium, timed } from './latency-stats.js';
import { sentenceSpans } from '../src/text/sentence-spans.js';
import { createApertiumTranslator } from '../src/translate/apertium-translator.js';
import { translateCitations } from '../src/translate/translate-citations.js';
import { paragraphSpans, translateDocument } from '../src/translate/translate-document.js';

const ROUNDS = 3;
const apertiumDir = requireApertium();

const seeds = resolve(import.meta.dirname, '../seeds');
const documents = readdirSync(seeds).sort().map((file) => {
  const { title, text } = cleanText(readFileSync(join(seeds, file), 'utf8'));
  return { id: file, title: title ?? text.split('\n')[0]!, text, language: 'fr' as const };
});


// No cache in front: every call reaches the pipelines, as a first reader of a communiqué does.
const translator = createApertiumTranslator({ dir: apertiumDir, log: (line) => console.error(line) });
await translator.translate(['Démarrage.'], 'fr', 'en');
const bySentence: number[] = [];
const byParagraph: number[] = [];
const withTitles: number[] = [];
const quotesOnly: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const doc of documents) {
    const paragraphs = () => translator.translate([doc.title, ...paragraphSpans(doc.text).map((p) => doc.text.slice(p.start, p.end))], 'fr', 'en');
    const sentences = () => translateDocument(translator, doc, 'en');
    // Three quotes of the communiqué, as an answer cites them (each with the communiqué's title).
    const citations = sentenceSpans(doc.text).slice(2, 5).map((s, n) => ({ n, title: doc.title, quote: doc.text.slice(s.start, s.end) }));
    const order = round % 2 === 0 ? [true, false] : [false, true];
    for (const current of order) {
      if (current) {
        bySentence.push(await timed(sentences));
        withTitles.push(await timed(() => translateCitations(translator, citations, 'en', { languageOf: () => 'fr' })));
      } else {
        byParagraph.push(await timed(paragraphs));
        quotesOnly.push(await timed(() => translator.translate(citations.map((c) => c.quote), 'fr', 'en')));
      }
    }
  }
}
await translator.close();

const report = {
  machine: { cores: cpus().length, loadAverage: loadavg().map((l) => +l.toFixed(1)) },
  documents: documents.length,
  rounds: ROUNDS,
  meanDocumentChars: Math.round(documents.reduce((a, d) => a + d.text.length, 0) / documents.length),
  documentBySentenceMs: latencyStats(bySentence),
  documentByParagraphMs: latencyStats(byParagraph),
  documentRatioP50: +(percentile(bySentence, 50) / percentile(byParagraph, 50)).toFixed(2),
  citationsWithTitlesMs: latencyStats(withTitles),
  quotesOnlyMs: latencyStats(quotesOnly),
  citationsRatioP50: +(percentile(withTitles, 50) / percentile(quotesOnly, 50)).toFixed(2),
};
console.log(JSON.stringify(report));
console.log(
  `Communiqué fr→en (${report.documents} × ${ROUNDS}, mean ${report.meanDocumentChars} chars), uncached: by sentence with alignment p50 ${report.documentBySentenceMs.p50} ms, ` +
    `p95 ${report.documentBySentenceMs.p95} ms; by paragraph p50 ${report.documentByParagraphMs.p50} ms, p95 ${report.documentByParagraphMs.p95} ms; ratio ${report.documentRatioP50}× at p50. ` +
    `Three citations: with titles p50 ${report.citationsWithTitlesMs.p50} ms, quotes only p50 ${report.quotesOnlyMs.p50} ms; ratio ${report.citationsRatioP50}× ` +
    `(${report.machine.cores} cores, load average ${report.machine.loadAverage.join(' ')})`,
);
