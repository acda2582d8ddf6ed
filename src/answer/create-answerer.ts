import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Passage, Retriever } from '../retrieval/retriever.js';
import { detectAnswerLanguage, type AnswerLanguage } from '../text/detect-language.js';
import { contentWords, fold } from '../text/terms.js';
import { condenseQuestion } from './condense-question.js';
import { composeExtractiveAnswer, defaultExtractiveOptions, selectSentences, type ExtractiveOptions } from './extractive-answer.js';
import { AppError } from '../errors.js';
import { buildPromptMessages, createCitationFilter } from './llm-answer.js';
import { messages } from './messages.js';
import { focusWord, questionKind } from './question-kind.js';
import { scoreSentences, termWeights, unknownNameShare } from './score-sentences.js';
import type { AskDone, AskEvent, AskInput, AskResult, Citation, Suggestion } from './types.js';

/** Dependencies and settings of {@link createAnswerer}. */
export interface AnswererDeps {
  /** A LangChain chat model for the LLM mode; null or absent for the extractive mode. */
  chatModel?: BaseChatModel | null;
  llm?: { provider: string; model: string; timeoutMs: number };
  /** The answer prompt (prompts/answer.md); required with a chat model. */
  promptTemplate?: string;
  extractive?: Partial<ExtractiveOptions>;
  /** Passages retrieved when the request does not say. */
  defaultK?: number;
  /** Passages whose sentences compete for an extractive answer (at least k): a wider pool finds the one sentence that holds a fact. */
  sentencePool?: number;
}

const EXTRACTIVE_MODEL = 'extractive-v1';

/** A question whose weight is at least this much in names the corpus never mentions is refused. */
const UNKNOWN_NAME_SHARE = 0.5;

/** Numbers of two or more digits in the question (years, counts): the evidence must contain them. */
function requiredNumbers(question: string): string[] {
  return [...new Set(contentWords(question).filter((w) => /^\d{2,}$/.test(w)))];
}

function hasNumber(text: string, number: string): boolean {
  // "84 000" and "84000" are the same number; digits must not be part of a longer number.
  const compact = fold(text).replace(/(\d)[\s\u202f.,](?=\d{3}\b)/g, '$1');
  return new RegExp(`(^|\\D)${number}(\\D|$)`).test(compact);
}

function suggestionsFrom(passages: Passage[]): Suggestion[] {
  const seen = new Map<string, Suggestion>();
  for (const p of passages) if (!seen.has(p.chunk.docId)) seen.set(p.chunk.docId, { source: p.chunk.docId, title: p.chunk.title, date: p.chunk.date });
  return [...seen.values()].slice(0, 3);
}

function passageCitation(p: Passage, n: number): Citation {
  return { n, source: p.chunk.docId, title: p.chunk.title, date: p.chunk.date, quote: p.chunk.text, chunkId: p.chunk.id, start: p.chunk.start, end: p.chunk.end, score: Number(p.score.toFixed(4)) };
}

/** Splits a finished text into small pieces so that the extractive answer streams like a generated one. */
function* pieces(text: string): Generator<string> {
  const parts = text.match(/\S+\s*|\s+/g) ?? [];
  for (let i = 0; i < parts.length; i += 4) yield parts.slice(i, i + 4).join('');
}

/** Waits for a promise, or rejects after `ms` or when the signal aborts. */
function withTimeout<T>(promise: Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    const onAbort = () => reject(new Error('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

/**
 * Answers questions from retrieved passages. Extractive by default (quotes the best sentences with [n] markers);
 * with a chat model, generates from the numbered passages and validates its citations, falling back to the
 * extractive answer when the model fails or times out. Weak evidence gives a refusal in the question's language.
 */
export function createAnswerer(deps: AnswererDeps = {}) {
  const extractive: ExtractiveOptions = { ...defaultExtractiveOptions, ...deps.extractive };
  const chatModel = deps.chatModel ?? null;
  if (chatModel && !deps.promptTemplate) throw new AppError('config', 'An LLM answerer needs the prompt template (prompts/answer.md).');
  const template = deps.promptTemplate ?? '';
  const llm = deps.llm ?? { provider: 'none', model: EXTRACTIVE_MODEL, timeoutMs: 30_000 };
  const defaultK = deps.defaultK ?? 5;
  const sentencePool = deps.sentencePool ?? 10;

  /** Streams an answer: citations first, then text deltas, then the summary. */
  async function* stream(input: AskInput, retriever: Retriever): AsyncGenerator<AskEvent> {
    const started = performance.now();
    const language: AnswerLanguage = !input.language || input.language === 'auto' ? detectAnswerLanguage(input.question) : input.language;
    const query = condenseQuestion(input.question, input.history);
    const k = input.k ?? defaultK;
    const pool = await retriever.search(query, { k: chatModel ? k : Math.max(k, sentencePool), filters: input.filters });
    const passages = pool.slice(0, k);
    const retrieved = performance.now();
    const expanded = retriever.expand(query);
    const kind = questionKind(input.question);
    const [frequencies, stats, documents] = await Promise.all([
      retriever.corpus.documentFrequencies(expanded.terms.flatMap((t) => [t.stem, ...t.translationStems])),
      retriever.corpus.stats(),
      retriever.corpus.getDocuments([...new Set(pool.map((p) => p.chunk.docId))]),
    ]);
    const weights = termWeights(expanded, { chunks: stats.chunks, frequencies }, focusWord(input.question));
    const ranked = scoreSentences(expanded, pool, weights, kind, documents);
    const missing = requiredNumbers(input.question).filter((n) => !pool.some((p) => hasNumber(p.chunk.text, n)));
    const aboutUnknownName = unknownNameShare(expanded, weights, frequencies, pool) >= UNKNOWN_NAME_SHARE;
    const selected = missing.length > 0 || aboutUnknownName ? [] : selectSentences(ranked, kind, extractive);

    const done = (fields: Pick<AskDone, 'answerable' | 'mode' | 'model' | 'used'> & Partial<AskDone>): AskEvent => {
      const finished = performance.now();
      return {
        type: 'done',
        done: {
          language,
          suggestions: fields.answerable ? [] : suggestionsFrom(passages),
          timings: { retrieveMs: round(retrieved - started), answerMs: round(finished - retrieved), totalMs: round(finished - started) },
          ...fields,
        },
      };
    };

    if (selected.length === 0) {
      yield { type: 'citations', citations: [] };
      yield { type: 'delta', text: messages[language].refusal };
      yield done({ answerable: false, mode: chatModel ? 'llm' : 'extractive', model: chatModel ? llm.model : EXTRACTIVE_MODEL, used: [] });
      return;
    }

    let fallback: AskDone['fallback'];
    if (chatModel) {
      const prompt = buildPromptMessages(template, input.question, language, passages);
      const filter = createCitationFilter(passages.length);
      const signal = input.signal ? AbortSignal.any([input.signal, AbortSignal.timeout(llm.timeoutMs)]) : AbortSignal.timeout(llm.timeoutMs);
      let iterator: AsyncIterator<{ content: unknown }> | undefined;
      let first: IteratorResult<{ content: unknown }> | undefined;
      try {
        // Nothing is sent until the model's first token arrives, so a dead model can still fall back cleanly.
        const streamed = await withTimeout(chatModel.stream(prompt, { signal }), llm.timeoutMs, input.signal);
        iterator = streamed[Symbol.asyncIterator]();
        first = await withTimeout(iterator.next(), llm.timeoutMs, input.signal);
      } catch {
        if (input.signal?.aborted) return;
        fallback = 'llm_unavailable';
      }
      if (iterator && first) {
        yield { type: 'citations', citations: passages.map((p, i) => passageCitation(p, i + 1)) };
        let text = '';
        for (let step = first; !step.done; step = await iterator.next()) {
          const piece = filter.push(typeof step.value.content === 'string' ? step.value.content : '');
          text += piece;
          if (piece) yield { type: 'delta', text: piece };
        }
        const rest = filter.flush();
        text += rest;
        if (rest) yield { type: 'delta', text: rest };
        const refused = fold(text).includes(fold(messages[language].refusal).replace(/\.$/, ''));
        yield done({ answerable: !refused, mode: 'llm', model: llm.model, used: [...filter.used].sort((a, b) => a - b) });
        return;
      }
    }

    const answer = composeExtractiveAnswer(selected, language);
    yield { type: 'citations', citations: answer.citations };
    for (const piece of pieces(answer.text)) yield { type: 'delta', text: piece };
    yield done({ answerable: true, mode: 'extractive', model: EXTRACTIVE_MODEL, used: answer.citations.map((c) => c.n), ...(fallback ? { fallback } : {}) });
  }

  /** Answers in one piece; citations the answer does not use are left out. */
  async function ask(input: AskInput, retriever: Retriever): Promise<AskResult> {
    let citations: Citation[] = [];
    let answer = '';
    for await (const event of stream(input, retriever)) {
      if (event.type === 'citations') citations = event.citations;
      else if (event.type === 'delta') answer += event.text;
      else {
        const { done } = event;
        const used = new Set(done.used);
        return {
          answer,
          language: done.language,
          answerable: done.answerable,
          citations: citations.filter((c) => used.has(c.n)),
          mode: done.mode,
          model: done.model,
          timings: done.timings,
          suggestions: done.suggestions,
          ...(done.fallback ? { fallback: done.fallback } : {}),
        };
      }
    }
    throw new Error('the answer stream ended without a summary');
  }

  return { ask, stream, info: { provider: chatModel ? llm.provider : 'none', model: chatModel ? llm.model : EXTRACTIVE_MODEL } };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** An answerer built by {@link createAnswerer}. */
export type Answerer = ReturnType<typeof createAnswerer>;
