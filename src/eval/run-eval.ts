import type { Answerer } from '../answer/create-answerer.js';
import { condenseQuestion, type Turn } from '../answer/condense-question.js';
import type { AskResult } from '../answer/types.js';
import type { SearchOptions } from '../retrieval/retriever.js';
import type { NodeRetriever as Retriever } from '../runtime/node-runtime.js';
import type { ClaimsReport } from './run-claims-eval.js';

/** One evaluation question (a line of eval/questions.jsonl). */
export interface EvalQuestion {
  id: string;
  kind: 'fr' | 'en' | 'multi' | 'followup' | 'unanswerable';
  language: 'fr' | 'en';
  question: string;
  history?: Turn[];
  /** Communiqués that answer it (empty when the corpus cannot). */
  sources: string[];
  /** Regular expressions that a correct answer (or its quotes) must all match. */
  facts: string[];
  /** Plain strings of which a correct answer (or its quotes) must contain one, letter case and kinds of space aside. */
  anyFacts?: string[];
  answerable: boolean;
  /** How the question is asked (paraphrase, who-said, near-miss…), for reading the misses. */
  style?: string;
}

/** Retrieval quality of one configuration over a set of questions. */
export interface RetrievalMetrics {
  questions: number;
  recallAt1: number;
  recallAt3: number;
  recallAt5: number;
  mrr: number;
}

/** Answer quality over a set of questions. */
export interface AnswerMetrics {
  questions: number;
  sourceHit: number;
  factHit: number;
  citationValidity: number;
  refusalPrecision: number;
  refusalRecall: number;
  /** Share of the answerable questions that were refused. */
  falseRefusals: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
}

/** The whole report of `npm run eval`. */
export interface EvalReport {
  embedder: string;
  retrieval: Record<string, Record<string, RetrievalMetrics>>;
  answers: Record<string, Record<string, AnswerMetrics>>;
  failures: Array<{ id: string; question: string; problem: string }>;
  /** Refusal precision/recall of the first answer configuration at other values of the policy's main threshold. */
  curve?: Array<{ configuration: string; threshold: number } & Pick<AnswerMetrics, 'refusalPrecision' | 'refusalRecall' | 'falseRefusals' | 'factHit'>>;
  /** The claim check on the labelled claims of the same split (eval/claims.jsonl), when given. */
  claims?: ClaimsReport;
}

/** A named retriever (e.g. with and without the dictionary) and the search options to evaluate it with. */
export interface EvalConfiguration {
  name: string;
  retriever: Retriever;
  options: Pick<SearchOptions, 'mode' | 'expand'>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** The p-th percentile (nearest rank) of some numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Groups by language and direction: every question counts in "all", its language, and FR→FR or EN→FR. */
function groupsOf(q: EvalQuestion): string[] {
  return ['all', q.language, q.language === 'fr' ? 'fr→fr' : 'en→fr'];
}

/** Documents in the order the retriever ranks their best passage. */
async function rankedSources(retriever: Retriever, q: EvalQuestion, options: EvalConfiguration['options']): Promise<string[]> {
  const passages = await retriever.search(condenseQuestion(q.question, q.history), { k: 20, ...options });
  return [...new Set(passages.map((p) => p.chunk.docId))];
}

function retrievalMetrics(ranks: Array<{ ranked: string[]; expected: string[] }>): RetrievalMetrics {
  const recall = (n: number) => mean(ranks.map(({ ranked, expected }) => expected.filter((s) => ranked.slice(0, n).includes(s)).length / expected.length));
  return {
    questions: ranks.length,
    recallAt1: round(mean(ranks.map(({ ranked, expected }) => (expected.includes(ranked[0] ?? '') ? 1 : 0)))),
    recallAt3: round(recall(3)),
    recallAt5: round(recall(5)),
    mrr: round(mean(ranks.map(({ ranked, expected }) => {
      const rank = ranked.findIndex((s) => expected.includes(s));
      return rank < 0 ? 0 : 1 / (rank + 1);
    }))),
  };
}

const plain = (text: string) => text.toLowerCase().replace(/[\s\u00a0\u202f]+/g, ' ');

/** Whether an answer's text and quotes hold the question's expected facts (all of `facts`, one of `anyFacts`). */
export function holdsFacts(q: EvalQuestion, result: AskResult): boolean {
  const evidence = [result.answer, ...result.citations.map((c) => c.quote)].join('\n');
  const any = q.anyFacts?.length ? q.anyFacts.some((f) => plain(evidence).includes(plain(f))) : true;
  return any && q.facts.every((f) => new RegExp(f).test(evidence));
}

/** Whether every quote is verbatim at its span, every [n] is a citation and every citation is used. */
export function citationsValid(result: AskResult, documentText: (id: string) => string | undefined): boolean {
  const markers = new Set([...result.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  const numbers = new Set(result.citations.map((c) => c.n));
  if (markers.size !== numbers.size || [...markers].some((n) => !numbers.has(n))) return false;
  return result.citations.every((c) => documentText(c.source)?.slice(c.start, c.end) === c.quote);
}

/**
 * Runs the evaluation: retrieval recall and MRR for each configuration, and answer quality (source hit, fact hit,
 * citation validity, refusals, latency) for each answering configuration, by language and direction.
 */
export async function runEval(
  questions: EvalQuestion[],
  retrievalConfigs: EvalConfiguration[],
  answerConfigs: Array<{ name: string; retriever: Retriever; answerer: Answerer }>,
  curve: Array<{ threshold: number; answerer: Answerer }> = [],
): Promise<EvalReport> {
  const report: EvalReport = { embedder: '', retrieval: {}, answers: {}, failures: [] };
  const answerable = questions.filter((q) => q.answerable);

  for (const config of retrievalConfigs) {
    report.embedder ||= `${config.retriever.embeddings.provider}/${config.retriever.embeddings.model}`;
    const byGroup = new Map<string, Array<{ ranked: string[]; expected: string[] }>>();
    for (const q of answerable) {
      const ranked = await rankedSources(config.retriever, q, config.options);
      for (const g of groupsOf(q)) byGroup.set(g, [...(byGroup.get(g) ?? []), { ranked, expected: q.sources }]);
    }
    report.retrieval[config.name] = Object.fromEntries([...byGroup].map(([g, ranks]) => [g, retrievalMetrics(ranks)]));
  }

  for (const config of answerConfigs) {
    const rows = new Map<string, Array<{ q: EvalQuestion; result: AskResult; ms: number }>>();
    for (const q of questions) {
      const started = performance.now();
      const result = await config.answerer.ask({ question: q.question, history: q.history }, config.retriever);
      const ms = performance.now() - started;
      for (const g of groupsOf(q)) rows.set(g, [...(rows.get(g) ?? []), { q, result, ms }]);
      if (config === answerConfigs[0]) {
        const problem = !q.answerable
          ? result.answerable ? 'answered an unanswerable question' : ''
          : !result.answerable ? 'refused an answerable question'
          : !result.citations.some((c) => q.sources.includes(c.source)) ? 'did not cite the expected source'
          : !holdsFacts(q, result) ? 'missed the expected fact'
          : '';
        if (problem) report.failures.push({ id: q.id, question: q.question, problem });
      }
    }
    report.answers[config.name] = answerMetrics(rows, (id) => config.retriever.index.documents.get(id)?.text);
  }
  const first = answerConfigs[0];
  if (first && curve.length) {
    report.curve = [];
    for (const point of curve) {
      const rows = new Map<string, Array<{ q: EvalQuestion; result: AskResult; ms: number }>>();
      rows.set('all', []);
      for (const q of questions) rows.get('all')!.push({ q, result: await point.answerer.ask({ question: q.question, history: q.history }, first.retriever), ms: 0 });
      const m = answerMetrics(rows, (id) => first.retriever.index.documents.get(id)?.text)['all']!;
      report.curve.push({ configuration: first.name, threshold: point.threshold, refusalPrecision: m.refusalPrecision, refusalRecall: m.refusalRecall, falseRefusals: m.falseRefusals, factHit: m.factHit });
    }
  }
  return report;

  function answerMetrics(rows: Map<string, Array<{ q: EvalQuestion; result: AskResult; ms: number }>>, documentText: (id: string) => string | undefined): Record<string, AnswerMetrics> {
    return Object.fromEntries(
      [...rows].map(([g, list]) => {
        const ans = list.filter((r) => r.q.answerable);
        const refused = list.filter((r) => !r.result.answerable);
        const shouldRefuse = list.filter((r) => !r.q.answerable);
        const metrics: AnswerMetrics = {
          questions: list.length,
          sourceHit: round(mean(ans.map((r) => (r.result.citations.some((c) => r.q.sources.includes(c.source)) ? 1 : 0)))),
          factHit: round(mean(ans.map((r) => (r.result.answerable && holdsFacts(r.q, r.result) ? 1 : 0)))),
          citationValidity: round(mean(list.map((r) => (citationsValid(r.result, documentText) ? 1 : 0)))),
          refusalPrecision: round(refused.length ? refused.filter((r) => !r.q.answerable).length / refused.length : 1),
          refusalRecall: round(shouldRefuse.length ? shouldRefuse.filter((r) => !r.result.answerable).length / shouldRefuse.length : 1),
          falseRefusals: round(ans.length ? ans.filter((r) => !r.result.answerable).length / ans.length : 0),
          latencyP50Ms: round(percentile(list.map((r) => r.ms), 50)),
          latencyP95Ms: round(percentile(list.map((r) => r.ms), 95)),
        };
        return [g, metrics];
      }),
    );
  }
}

/** Renders the report as plain-text tables; `misses: false` leaves out the list of missed questions (a test split
 * is read as figures only, so that nobody tunes on its cases). */
export function formatReport(report: EvalReport, options: { misses?: boolean } = {}): string {
  const lines: string[] = [`Embedder: ${report.embedder}`, '', 'Retrieval (expected communiqué among ranked documents)'];
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  lines.push(`${pad('configuration', 28)}${pad('group', 8)}${pad('n', 4)}${pad('R@1', 7)}${pad('R@3', 7)}${pad('R@5', 7)}MRR`);
  for (const [name, groups] of Object.entries(report.retrieval)) {
    for (const [g, m] of Object.entries(groups)) lines.push(`${pad(name, 28)}${pad(g, 8)}${pad(m.questions, 4)}${pad(m.recallAt1.toFixed(3), 7)}${pad(m.recallAt3.toFixed(3), 7)}${pad(m.recallAt5.toFixed(3), 7)}${m.mrr.toFixed(3)}`);
  }
  lines.push('', 'Answers');
  lines.push(`${pad('configuration', 22)}${pad('group', 8)}${pad('n', 4)}${pad('source', 8)}${pad('fact', 7)}${pad('cites', 7)}${pad('refP', 7)}${pad('refR', 7)}${pad('falseR', 8)}${pad('p50 ms', 8)}p95 ms`);
  for (const [name, groups] of Object.entries(report.answers)) {
    for (const [g, m] of Object.entries(groups)) {
      lines.push(`${pad(name, 22)}${pad(g, 8)}${pad(m.questions, 4)}${pad(m.sourceHit.toFixed(3), 8)}${pad(m.factHit.toFixed(3), 7)}${pad(m.citationValidity.toFixed(3), 7)}${pad(m.refusalPrecision.toFixed(3), 7)}${pad(m.refusalRecall.toFixed(3), 7)}${pad(m.falseRefusals.toFixed(3), 8)}${pad(m.latencyP50Ms.toFixed(1), 8)}${m.latencyP95Ms.toFixed(1)}`);
    }
  }
  if (report.curve?.length) {
    lines.push('', `Refusal curve over the answer policy's minCoverage (${report.curve[0]!.configuration})`);
    lines.push(`${pad('minCoverage', 13)}${pad('refP', 7)}${pad('refR', 7)}${pad('falseR', 8)}fact`);
    for (const p of report.curve) lines.push(`${pad(p.threshold.toFixed(2), 13)}${pad(p.refusalPrecision.toFixed(3), 7)}${pad(p.refusalRecall.toFixed(3), 7)}${pad(p.falseRefusals.toFixed(3), 8)}${p.factHit.toFixed(3)}`);
  }
  if (report.failures.length && options.misses !== false) {
    lines.push('', 'Misses of the default configuration:');
    for (const f of report.failures) lines.push(`  ${f.id} ${f.problem}: ${f.question}`);
  }
  return lines.join('\n');
}
