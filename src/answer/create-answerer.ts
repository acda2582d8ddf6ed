import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Passage, Retriever } from '../retrieval/retriever.js';
import { hasCommonSense, isCommonWord, lexicalKnowledge, type LexicalKnowledge } from '../lexicon/lexical-knowledge.js';
import { detectAnswerLanguage, type AnswerLanguage } from '../text/detect-language.js';
import { fold } from '../text/terms.js';
import { analyseQuestion, nounIsKindOf, nounType } from './analyse-question.js';
import { answerPolicy, type AnswerPolicy } from './answer-policy.js';
import { composeAnswer } from './compose-answer.js';
import { condenseQuestion } from './condense-question.js';
import { splitQuestion } from './split-question.js';
import { comparisonOf } from './compare-question.js';
import { AppError } from '../errors.js';
import { coverageMemo, gatherEvidence, type ScoredUnit } from './gather-evidence.js';
import { buildPromptMessages, createCitationFilter } from './llm-answer.js';
import { messages } from './messages.js';
import { termStems, weighTerms, type WeightedTerm } from './score-evidence.js';
import { selectEvidence, type RefusalReason } from './select-evidence.js';
import { translateCitations } from '../translate/translate-citations.js';
import { createEvidenceTranslator } from './translate-evidence.js';
import type { Translator } from '../translate/translator.js';
import type { AskDone, AskEvent, AskInput, AskResult, Citation, Suggestion } from './types.js';
import type { AnswerChecker } from '../verify/check-answer.js';

/** Dependencies and settings of {@link createAnswerer}. */
export interface AnswererDeps {
  /** A LangChain chat model for the LLM mode; null or absent for the extractive mode. */
  chatModel?: BaseChatModel | null;
  llm?: { provider: string; model: string; timeoutMs: number };
  /** The answer prompt (prompts/answer.md); required with a chat model. */
  promptTemplate?: string;
  /** Thresholds and weights of the extractive pipeline (see {@link AnswerPolicy}). */
  policy?: Partial<AnswerPolicy>;
  /** Dictionaries, glossary, thesauri and noun classes for matching questions to sentences. */
  knowledge?: LexicalKnowledge;
  /** Machine translation of quotes in the other language (shown beside them, never instead of them). */
  translator?: Translator;
  /** Passages retrieved when the request does not say. */
  defaultK?: number;
  /** Checks a finished LLM answer sentence by sentence (src/verify/check-answer.ts); without it, LLM answers are
   * not checked. */
  checkAnswer?: AnswerChecker;
}

// Refusals a wider pool of passages may lift: no sentence of the asked type, or none in a communiqué naming the question's names.
const WIDER_ON: ReadonlySet<RefusalReason> = new Set<RefusalReason>(['no_answer_of_type', 'name_absent']);
const EXTRACTIVE_MODEL = 'extractive-v2';

/** How a match must be found to count for suggestions: the sentence's own words or their translation. */
const STATED = new Set(['exact', 'glossary', 'translation', 'machine']);

/**
 * The communiqués a refusal points to: those that state every name of the question and its heaviest word, and have a sentence that states,
 * in its own words or their translation (not a looser synonym or cognate), a share of the question's weight close
 * to what an answer needs (see `suggestionFactor`); none when the question is about something the communiqués never
 * mention. The fused retrieval score cannot tell this: it is rank-based, so the best passage of an unrelated
 * question still scores near 1.
 */
function suggestionsFrom(scored: ScoredUnit[], terms: WeightedTerm[], reason: RefusalReason, policy: AnswerPolicy): Suggestion[] {
  if (reason === 'no_terms' || reason === 'unknown_topic') return [];
  const total = terms.reduce((sum, t) => sum + t.weight, 0) || 1;
  // Every name of the question, and its heaviest word other than a number (a near-miss often asks for a year the
  // communiqués do not give), must be stated by a suggested communiqué.
  const own = terms.flatMap((t, i) => (!t.fromHistory && t.weight > 0 ? [i] : []));
  const heaviest = own.filter((i) => !terms[i]!.isNumber).sort((a, b) => terms[b]!.weight - terms[a]!.weight)[0];
  const names = [...new Set([...own.filter((i) => terms[i]!.isName), ...(heaviest === undefined ? [] : [heaviest])])];
  const byDocument = new Map<string, { best: number; named: Set<number>; suggestion: Suggestion; score: number }>();
  for (const unit of scored) {
    const { chunk } = unit.passage;
    const entry = byDocument.get(chunk.docId) ?? { best: 0, named: new Set<number>(), suggestion: { source: chunk.docId, title: chunk.title, date: chunk.date }, score: 0 };
    const stated = terms.flatMap((_, i) => (STATED.has(unit.coverage.matches[i]?.kind ?? '') ? [i] : []));
    entry.best = Math.max(entry.best, stated.reduce((sum, i) => sum + terms[i]!.weight, 0) / total);
    for (const i of stated) if (names.includes(i)) entry.named.add(i);
    entry.score = Math.max(entry.score, unit.score);
    byDocument.set(chunk.docId, entry);
  }
  return [...byDocument.values()]
    .filter((d) => d.best >= policy.minCoverage * policy.suggestionFactor && d.named.size === names.length)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((d) => d.suggestion);
}

function passageCitation(p: Passage, n: number): Citation {
  return { n, source: p.chunk.docId, title: p.chunk.title, date: p.chunk.date, quote: p.chunk.text, chunkId: p.chunk.id, start: p.chunk.start, end: p.chunk.end, score: Number(p.score.toFixed(4)), page: p.chunk.page };
}

/**
 * The communiqué a conversation's last exchange was about: the best-ranked for its question and answer together,
 * or null when the history does not end with an answer (a question's second part reads its first as history).
 */
async function previousDocument(input: AskInput, retriever: Retriever): Promise<string | null> {
  const history = input.history ?? [];
  const answer = history.at(-1);
  const question = history.at(-2);
  if (answer?.role !== 'assistant' || question?.role !== 'user') return null;
  const [best] = await retriever.search(`${question.content} ${answer.content}`, { k: 1, filters: input.filters });
  return best?.chunk.docId ?? null;
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
  const policy = answerPolicy(deps.policy);
  const knowledge = deps.knowledge ?? lexicalKnowledge();
  const chatModel = deps.chatModel ?? null;
  if (chatModel && !deps.promptTemplate) throw new AppError('config', 'An LLM answerer needs the prompt template (prompts/answer.md).');
  const template = deps.promptTemplate ?? '';
  const llm = deps.llm ?? { provider: 'none', model: EXTRACTIVE_MODEL, timeoutMs: 30_000 };
  const defaultK = deps.defaultK ?? 5;
  const evidenceTranslator = deps.translator ? createEvidenceTranslator(deps.translator, policy.translatedDocuments) : null;

  /**
   * The extractive pipeline up to its decision: analyse the question, retrieve a wide pool, weigh the terms,
   * gather and score sentence evidence, then select quotes and the short answer, or a refusal with its reason.
   */
  async function decide(input: AskInput, retriever: Retriever, language: AnswerLanguage) {
    const analysis = analyseQuestion({ question: input.question, language, history: input.history }, (q) => retriever.expand(q), knowledge);
    const query = condenseQuestion(input.question, input.history);
    const k = input.k ?? defaultK;
    const size = Math.max(k, policy.sentencePool);
    // The terms' weights and the previous answer's communiqué do not depend on the pool: found once, beside it.
    const [frequencies, stats, previous, pool] = await Promise.all([
      retriever.corpus.documentFrequencies(termStems(analysis)),
      retriever.corpus.stats(),
      analysis.followUp ? previousDocument(input, retriever) : null,
      retriever.search(query, { k: size, filters: input.filters }),
    ]);
    const terms = weighTerms(analysis, frequencies, stats.chunks, policy);
    // A wider pool reads the first pool's sentences again: their coverage by the terms is computed once.
    const memo = coverageMemo();

    /** The decision over one pool of passages. */
    const over = async (pool: Passage[]) => {
      const documents = await retriever.corpus.getDocuments([...new Set(pool.map((p) => p.chunk.docId))]);
      const translations = await evidenceTranslator?.prepare(documents.values(), language, input.signal);
      const scored = gatherEvidence(analysis, terms, pool, documents, policy, { isCommonWord: (w) => isCommonWord(knowledge, w), hasCommonSense: (w) => hasCommonSense(knowledge, w), translations, nounKind: (noun, lang) => nounType(noun, lang, knowledge), isKindOf: (noun, general) => nounIsKindOf(noun, general, knowledge), memo });
      const selection = selectEvidence(analysis, terms, scored, documents, policy, previous);
      return { analysis, passages: pool.slice(0, k), scored, terms, selection };
    };
    const first = await over(pool);
    if (first.selection.answerable || !WIDER_ON.has(first.selection.reason)) return first;
    return over(await retriever.search(query, { k: size * policy.widerPoolFactor, filters: input.filters }));
  }

  /** Streams an answer: citations first, then text deltas, then the summary. */
  async function* stream(input: AskInput, retriever: Retriever): AsyncGenerator<AskEvent> {
    const started = performance.now();
    const language: AnswerLanguage = !input.language || input.language === 'auto' ? detectAnswerLanguage(input.question) : input.language;
    // A question that asks two things is answered part by part; the second part reads the first as its context.
    // A comparison ("which came first: A or B?") asks when each thing was, independently of the other.
    const comparison = comparisonOf(input.question, language);
    const parts = comparison?.parts ?? splitQuestion(input.question);
    const decided = await Promise.all(parts.map((question, i) =>
      decide({ ...input, question, history: i === 0 || comparison ? input.history : [...(input.history ?? []), { role: 'user', content: parts[0]! }] }, retriever, language)));
    const passages = [...new Map(decided.flatMap((d) => d.passages).map((p) => [p.chunk.id, p])).values()].slice(0, input.k ?? defaultK);
    const answered = decided.filter((d) => d.selection.answerable);
    const languageOfSource = new Map(decided.flatMap((d) => d.passages).map((p) => [p.chunk.docId, p.chunk.language]));
    for (const d of answered) if (d.selection.answerable) for (const q of d.selection.quotes) languageOfSource.set(q.unit.docId, q.passage.chunk.language);
    const retrieved = performance.now();

    const done = (fields: Pick<AskDone, 'answerable' | 'mode' | 'model' | 'used'> & Partial<AskDone>): AskEvent => {
      const finished = performance.now();
      return {
        type: 'done',
        done: {
          language,
          // A refusal is decided on the question's first part: its evidence says what comes close.
          suggestions: fields.answerable || decided[0]!.selection.answerable ? [] : suggestionsFrom(decided[0]!.scored, decided[0]!.terms, decided[0]!.selection.reason, policy),
          timings: { retrieveMs: round(retrieved - started), answerMs: round(finished - retrieved), totalMs: round(finished - started) },
          ...fields,
        },
      };
    };

    if (answered.length === 0) {
      const first = decided[0]!.selection;
      yield { type: 'citations', citations: [] };
      yield { type: 'delta', text: messages[language].refusal };
      yield done({ answerable: false, mode: chatModel ? 'llm' : 'extractive', model: chatModel ? llm.model : EXTRACTIVE_MODEL, used: [], ...(!first.answerable ? { refusalReason: first.reason } : {}) });
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
        if (deps.checkAnswer && !refused) {
          // Every sentence checked: its citations become the sentences that state it; the text is replaced.
          const checked = await deps.checkAnswer({ text, language, passages }, retriever);
          yield { type: 'citations', citations: checked.citations };
          yield done({ answerable: checked.answerable, mode: 'llm', model: llm.model, used: checked.used, claims: checked.claims, answer: checked.text });
          return;
        }
        yield done({ answerable: !refused, mode: 'llm', model: llm.model, used: [...filter.used].sort((a, b) => a - b) });
        return;
      }
    }

    const composed = decided.map(({ analysis, selection }) => (selection.answerable ? { analysis, answerable: true as const, quotes: selection.quotes, answer: selection.answer } : { analysis, answerable: false as const }));
    const draft = composeAnswer(composed, language, [], comparison?.items);
    // Quotes in the other language get a machine translation beside them (never instead of them).
    const translated = deps.translator
      ? await translateCitations(deps.translator, draft.citations, language, { languageOf: (c) => languageOfSource.get(c.source) ?? 'und', signal: input.signal })
      : draft.citations;
    const answer = translated.some((c) => c.translation) ? composeAnswer(composed, language, translated.map((c) => c.translation?.text ?? null), comparison?.items) : draft;
    answer.citations = translated;
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
          answer: done.answer ?? answer,
          language: done.language,
          answerable: done.answerable,
          citations: citations.filter((c) => used.has(c.n)),
          mode: done.mode,
          model: done.model,
          timings: done.timings,
          suggestions: done.suggestions,
          ...(done.fallback ? { fallback: done.fallback } : {}),
          ...(done.refusalReason ? { refusalReason: done.refusalReason } : {}),
          ...(done.claims ? { claims: done.claims } : {}),
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
