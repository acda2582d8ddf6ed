import { readFile } from 'node:fs/promises';
import { AppError } from '../errors.js';
import type { NodeRetriever } from '../runtime/node-runtime.js';
import type { Verifier } from '../verify/create-verifier.js';
import type { ClaimVerdict } from '../verify/types.js';
import { percentile } from './run-eval.js';

/** One labelled claim (a line of eval/claims.jsonl). */
export interface EvalClaim {
  id: string;
  split: 'dev' | 'test';
  language: 'fr' | 'en';
  text: string;
  verdict: ClaimVerdict;
  sources: string[];
  /** How the claim was written (paraphrase, translation, number, negation, invention…), for reading the misses. */
  type: string;
  difference?: { claimed: string; found: string };
}

/** Claim-check quality over a set of labelled claims. */
export interface ClaimMetrics {
  claims: number;
  /** Share of claims given their labelled verdict. */
  accuracy: number;
  /** Of the claims called unsupported (not_found or contradicted), the share that are. */
  unsupportedPrecision: number;
  /** Of the unsupported claims, the share called so. */
  unsupportedRecall: number;
  /** Of the supported claims called supported, the share whose first evidence is in a labelled source. */
  sourceHit: number;
  /** Share of evidence spans whose quote is the document's text at its offsets. */
  verbatim: number;
  latencyP95Ms: number;
}

/** The claims part of the evaluation report. */
export interface ClaimsReport {
  metrics: Record<string, ClaimMetrics>;
  misses: Array<{ id: string; type: string; expected: ClaimVerdict; got: ClaimVerdict | 'no_claim'; text: string }>;
}

/** Reads eval/claims.jsonl, keeping one split. */
export async function readClaims(path: string, split: 'dev' | 'test'): Promise<EvalClaim[]> {
  const text = await readFile(path, 'utf8');
  return text.split('\n').filter((line) => line.trim()).map((line, i) => {
    try {
      return JSON.parse(line) as EvalClaim;
    } catch {
      throw new AppError('bad_request', `${path}:${i + 1} is not valid JSON.`);
    }
  }).filter((c) => c.split === split);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Checks each labelled claim as one text through the verifier, and measures verdicts, evidence and latency. */
export async function runClaimsEval(claims: EvalClaim[], verifier: Verifier, retriever: NodeRetriever): Promise<ClaimsReport> {
  const rows: Array<{ c: EvalClaim; got: ClaimVerdict | 'no_claim'; sourceOk: boolean; spans: number; verbatim: number; ms: number }> = [];
  for (const c of claims) {
    const started = performance.now();
    const result = await verifier.verify({ text: c.text, language: c.language }, retriever);
    const ms = performance.now() - started;
    // A labelled claim is one sentence: it is judged by its first claim, unsupported if any part of it is.
    const parts = result.claims;
    const got: ClaimVerdict | 'no_claim' = parts.length === 0 ? 'no_claim' : parts.find((p) => p.verdict === 'contradicted')?.verdict ?? parts.find((p) => p.verdict === 'not_found')?.verdict ?? 'supported';
    const spans = parts.flatMap((p) => p.evidence);
    const verbatim = spans.filter((s) => retriever.index.documents.get(s.source)?.text.slice(s.start, s.end) === s.quote).length;
    const sourceOk = got === 'supported' && c.sources.includes(parts[0]!.evidence[0]?.source ?? '');
    rows.push({ c, got, sourceOk, spans: spans.length, verbatim, ms });
  }
  const metricsOf = (list: typeof rows): ClaimMetrics => {
    const unsupported = (v: string) => v === 'not_found' || v === 'contradicted' || v === 'no_claim';
    const called = list.filter((r) => unsupported(r.got));
    const truly = list.filter((r) => unsupported(r.c.verdict));
    const supportedRight = list.filter((r) => r.got === 'supported' && r.c.verdict === 'supported');
    const spans = list.reduce((a, r) => a + r.spans, 0);
    return {
      claims: list.length,
      accuracy: round(list.filter((r) => r.got === r.c.verdict).length / (list.length || 1)),
      unsupportedPrecision: round(called.length ? called.filter((r) => unsupported(r.c.verdict)).length / called.length : 1),
      unsupportedRecall: round(truly.length ? truly.filter((r) => unsupported(r.got)).length / truly.length : 1),
      sourceHit: round(supportedRight.length ? supportedRight.filter((r) => r.sourceOk).length / supportedRight.length : 1),
      verbatim: round(spans ? list.reduce((a, r) => a + r.verbatim, 0) / spans : 1),
      latencyP95Ms: round(percentile(list.map((r) => r.ms), 95)),
    };
  };
  const groups: Record<string, typeof rows> = { all: rows, fr: rows.filter((r) => r.c.language === 'fr'), en: rows.filter((r) => r.c.language === 'en') };
  return {
    metrics: Object.fromEntries(Object.entries(groups).map(([g, list]) => [g, metricsOf(list)])),
    misses: rows.filter((r) => r.got !== r.c.verdict).map((r) => ({ id: r.c.id, type: r.c.type, expected: r.c.verdict, got: r.got, text: r.c.text })),
  };
}

/** Renders the claims report as a plain-text table; `misses: false` leaves out the missed claims (see `formatReport`). */
export function formatClaimsReport(report: ClaimsReport, options: { misses?: boolean } = {}): string {
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  const lines = ['Claim check (unsupported = not_found + contradicted)', `${pad('group', 8)}${pad('n', 5)}${pad('acc', 7)}${pad('unsP', 7)}${pad('unsR', 7)}${pad('source', 8)}${pad('verbatim', 10)}p95 ms`];
  for (const [g, m] of Object.entries(report.metrics)) {
    lines.push(`${pad(g, 8)}${pad(m.claims, 5)}${pad(m.accuracy.toFixed(3), 7)}${pad(m.unsupportedPrecision.toFixed(3), 7)}${pad(m.unsupportedRecall.toFixed(3), 7)}${pad(m.sourceHit.toFixed(3), 8)}${pad(m.verbatim.toFixed(3), 10)}${m.latencyP95Ms.toFixed(1)}`);
  }
  if (report.misses.length && options.misses !== false) {
    lines.push('', 'Claim misses:');
    for (const m of report.misses) lines.push(`  ${m.id} ${m.type}: expected ${m.expected}, got ${m.got}: ${m.text}`);
  }
  return lines.join('\n');
}
