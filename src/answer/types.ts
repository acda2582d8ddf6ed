import type { SearchFilters } from '../retrieval/create-retriever.js';
import type { AnswerLanguage } from '../text/detect-language.js';
import type { Turn } from './condense-question.js';
import type { RefusalReason } from './select-evidence.js';
import type { AnswerClaim } from '../verify/check-answer.js';

/** A question as the API receives it (already validated). */
export interface AskInput {
  question: string;
  k?: number;
  language?: AnswerLanguage | 'auto';
  history?: Turn[];
  filters?: SearchFilters;
  /** Aborted when the client goes away; generation stops. */
  signal?: AbortSignal;
}

/** A numbered reference from an answer to an exact span of a communiqué. */
export interface Citation {
  n: number;
  source: string;
  title: string;
  date: string | null;
  /** Verbatim text of the source document at `start..end`. */
  quote: string;
  chunkId: string;
  start: number;
  end: number;
  score: number;
  /** The page of a paged source (PDF) the span is on, so the reference can say "p. 3". */
  page?: number;
  /** Machine translation of `quote` into the answer's language, when the document is in the other one (src/translate/). */
  translation?: { text: string; engine: string };
  /** Machine translation of `title` into the answer's language, beside `translation` (for source cards). */
  titleTranslation?: string;
}

/** A communiqué offered when the question cannot be answered. */
export interface Suggestion {
  source: string;
  title: string;
  date: string | null;
}

/** Timings of one answer, in milliseconds. */
export interface Timings {
  retrieveMs: number;
  answerMs: number;
  totalMs: number;
}

/** How the answer ended. */
export interface AskDone {
  answerable: boolean;
  mode: 'extractive' | 'llm';
  model: string;
  language: AnswerLanguage;
  timings: Timings;
  /** Citation numbers that the answer uses (all of them, unless an LLM left some unused). */
  used: number[];
  suggestions: Suggestion[];
  fallback?: 'llm_unavailable';
  /** Why the question was refused, when it was. */
  refusalReason?: RefusalReason;
  /** LLM answers: each generated sentence with its verdict and evidence (when answers are checked). */
  claims?: AnswerClaim[];
  /** LLM answers: the checked text, which replaces the streamed one (markers corrected, sentences dropped). */
  answer?: string;
}

/** The events of a streamed answer, in order: citations, deltas, done. */
export type AskEvent =
  | { type: 'citations'; citations: Citation[] }
  | { type: 'delta'; text: string }
  | { type: 'done'; done: AskDone };

/** A complete answer, as `POST /api/ask` returns it: how a streamed answer ends, with its text and citations. */
export interface AskResult extends Omit<AskDone, 'used' | 'answer'> {
  answer: string;
  citations: Citation[];
}
