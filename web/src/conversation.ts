import type { AnswerClaim } from '../../src/verify/check-answer.js';
import type { Citation, Suggestion } from '../../src/answer/types.js';
import type { ApiError } from './api.js';

/** Why an answer failed, kept so that the message follows the interface language and the turn can be retried. */
export interface Failure {
  kind: ApiError['kind'];
  message?: string;
  retryAfter?: number;
}

/** A question, with the filters it was asked under (as shown to the user). */
export interface UserTurn {
  role: 'user';
  text: string;
  filters?: string;
}

/** An answer as it streams in and after. */
export interface AssistantTurn {
  role: 'assistant';
  text: string;
  citations: Citation[];
  used?: number[];
  answerable?: boolean;
  suggestions?: Suggestion[];
  mode?: string;
  /** The answer's language (its translations are in it; the quotes they translate in the other one). */
  language?: 'fr' | 'en';
  fallback?: boolean;
  /** A checked LLM answer: each generated sentence with its verdict and evidence. */
  claims?: AnswerClaim[];
  state: 'streaming' | 'done' | 'stopped' | 'error';
  failure?: Failure;
}

/** A turn of the conversation as the page keeps it (and stores it across reloads). */
export type Turn = UserTurn | AssistantTurn;

const STORE_KEY = 'communiques.conversation.v1';
const MAX_HISTORY_CHARS = 15_000;

/** The stored conversation; an answer that was streaming when the page closed counts as stopped. */
export function loadTurns(): Turn[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return (parsed as Turn[]).map((turn) => (turn.role === 'assistant' && turn.state === 'streaming' ? { ...turn, state: 'stopped' } : turn));
  } catch {
    return [];
  }
}

/** Stores the conversation; when storage is full or disabled, it still works, it just will not survive a reload. */
export function saveTurns(turns: Turn[]): void {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(turns));
  } catch {
    // See above: nothing to do.
  }
}

/** The conversation so far as the API's `history` (within its size limits); failed answers are left out. */
export function historyFor(previous: Turn[]): Array<{ role: 'user' | 'assistant'; content: string }> {
  const history: Array<{ role: 'user' | 'assistant'; content: string }> = [];
  let size = 0;
  for (const turn of [...previous].reverse()) {
    if (turn.role === 'assistant' && turn.state === 'error') continue;
    const content = turn.text.slice(0, 4000);
    if (!content || history.length >= 20 || size + content.length > MAX_HISTORY_CHARS) break;
    size += content.length;
    history.unshift({ role: turn.role, content });
  }
  return history;
}

/** The citations an answer uses (all of them, unless an LLM left some unused). */
export function usedCitations(turn: AssistantTurn): Citation[] {
  return turn.citations.filter((c) => !turn.used || turn.used.includes(c.n));
}
