import { estimateTokens } from '../text/estimate-tokens.js';

/** Where an answer may be cut: right after a citation `[n]` (and its punctuation), so no quote or lead-in is left without it. */
const BOUNDARY = /\[\d+\][.,;:]?/g;

/** What {@link AnswerBudget.end} reports. */
export interface BudgetEnd {
  /** Text still to send. */
  rest: string;
  /** Whether the answer was cut to fit (OpenAI's `finish_reason: "length"`). */
  truncated: boolean;
}

/** Feeds an answer through `push` piece by piece; it lets through only what fits in the token budget. */
export interface AnswerBudget {
  push(text: string): string;
  end(): BudgetEnd;
  /** Everything let through so far. */
  readonly sent: string;
}

/**
 * `max_tokens` for answers: text is let through up to the last cut point (right after a citation) that
 * keeps the estimated token count within `maxTokens`, so a cut answer always ends on a citation.
 * Without a budget everything passes.
 */
export function createAnswerBudget(maxTokens: number | undefined): AnswerBudget {
  let sent = '';
  let pending = '';
  let truncated = false;
  const fits = (text: string) => maxTokens === undefined || estimateTokens(text) <= maxTokens;
  return {
    push(text) {
      if (truncated) return '';
      pending += text;
      const cuts = [...pending.matchAll(BOUNDARY)].map((match) => match.index + match[0].length);
      // The furthest cut point that fits; when it is not the last one, the budget is spent.
      let index = cuts.length - 1;
      while (index >= 0 && !fits(sent + pending.slice(0, cuts[index]))) index -= 1;
      if (index < cuts.length - 1) truncated = true;
      if (index < 0) return '';
      // Trailing blank lines wait for what follows: a cut answer does not end in white space.
      const piece = pending.slice(0, cuts[index]).trimEnd();
      sent += piece;
      pending = pending.slice(piece.length);
      return piece;
    },
    end() {
      if (truncated || !pending) return { rest: '', truncated };
      if (!fits(sent + pending)) return { rest: '', truncated: true };
      const rest = pending;
      sent += rest;
      pending = '';
      return { rest, truncated: false };
    },
    get sent() {
      return sent;
    },
  };
}
