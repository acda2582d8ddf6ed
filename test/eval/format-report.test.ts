import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/eval/run-eval.js';
import { formatClaimsReport } from '../../src/eval/run-claims-eval.js';

describe('evaluation report', () => {
  it('lists missed questions and claims only when asked (a test split is read as figures)', () => {
    const report = { embedder: 'hash', retrieval: {}, answers: {}, failures: [{ id: 't1', question: 'Who chaired it?', problem: 'missed the expected fact' }] };
    expect(formatReport(report)).toContain('t1 missed the expected fact');
    expect(formatReport(report, { misses: false })).not.toContain('t1');
    const claims = { metrics: {}, misses: [{ id: 'c1', type: 'number', expected: 'contradicted' as const, got: 'not_found' as const, text: '150 delegations' }] };
    expect(formatClaimsReport(claims)).toContain('c1 number');
    expect(formatClaimsReport(claims, { misses: false })).not.toContain('c1');
  });
});
