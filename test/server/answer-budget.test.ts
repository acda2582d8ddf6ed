import { describe, expect, it } from 'vitest';
import { createAnswerBudget } from '../../src/server/answer-budget.js';
import { estimateTokens } from '../../src/text/estimate-tokens.js';

const answer = 'Selon les communiqués :\n\n“Première phrase citée.” [1]\n\n“Deuxième phrase, plus longue que la première.” [2]';

describe('createAnswerBudget', () => {
  it('lets the whole answer through without a limit, in any pieces', () => {
    const budget = createAnswerBudget(undefined);
    const out = [...answer].map((ch) => budget.push(ch)).join('') + budget.end().rest;
    expect(out).toBe(answer);
    expect(budget.end().truncated).toBe(false);
  });

  it('cuts after the last citation that fits, whether fed at once or piece by piece', () => {
    const limit = estimateTokens(answer.slice(0, answer.indexOf('[1]') + 3));
    for (const pieces of [[answer], answer.match(/.{1,5}/gs)!]) {
      const budget = createAnswerBudget(limit);
      const out = pieces.map((p) => budget.push(p)).join('') + budget.end().rest;
      expect(out).toBe(answer.slice(0, answer.indexOf('[1]') + 3));
      expect(budget.end().truncated).toBe(true);
    }
  });

  it('sends nothing when not even the first cited sentence fits', () => {
    const budget = createAnswerBudget(2);
    expect(budget.push(answer) + budget.end().rest).toBe('');
    expect(budget.end().truncated).toBe(true);
  });
});
