import type { AnswerLanguage } from '../text/detect-language.js';
import { messages } from './messages.js';
import type { QuestionKind } from './question-kind.js';
import type { ScoredSentence } from './score-sentences.js';
import type { Citation } from './types.js';

/** Options of {@link composeExtractiveAnswer}. */
export interface ExtractiveOptions {
  /** Most sentences quoted. */
  maxSentences: number;
  /** A further sentence is quoted only when its score reaches this share of the best one's. */
  relativeScore: number;
  /** Below this coverage a sentence is not evidence. */
  minCoverage: number;
}

/** Defaults of {@link ExtractiveOptions}. */
export const defaultExtractiveOptions: ExtractiveOptions = { maxSentences: 3, relativeScore: 0.75, minCoverage: 0.3 };

/** The sentences to quote, best first; a sentence holding the asked-for kind of fact leads when one is close. */
export function selectSentences(ranked: ScoredSentence[], kind: QuestionKind, options: ExtractiveOptions): ScoredSentence[] {
  const best = ranked[0];
  if (!best || best.coverage < options.minCoverage) return [];
  const chosen = ranked
    .filter((s) => s.coverage >= options.minCoverage && s.score >= best.score * options.relativeScore)
    .slice(0, options.maxSentences);
  if (kind !== 'other' && !chosen[0]!.hasKind) {
    const withKind = ranked.find((s) => s.hasKind && s.coverage >= options.minCoverage && s.score >= best.score * 0.6);
    if (withKind) return [withKind, ...chosen.filter((s) => s !== withKind)].slice(0, options.maxSentences);
  }
  return chosen;
}

/** An answer that quotes the chosen sentences verbatim, each with its citation number. */
export function composeExtractiveAnswer(sentences: ScoredSentence[], language: AnswerLanguage): { text: string; citations: Citation[] } {
  const m = messages[language];
  const citations: Citation[] = sentences.map((s, i) => ({
    n: i + 1,
    source: s.passage.chunk.docId,
    title: s.passage.chunk.title,
    date: s.passage.chunk.date,
    quote: s.text,
    chunkId: s.passage.chunk.id,
    start: s.start,
    end: s.end,
    score: Number(s.coverage.toFixed(4)),
  }));
  const foreign = sentences.map((s) => s.passage.chunk.language).find((l) => l !== language && l !== 'und');
  const lead = foreign ? m.leadInTranslated(foreign) : m.leadIn;
  const quotes = citations.map((c) => `${m.open}${c.quote}${m.close} [${c.n}]`);
  return { text: [lead, ...quotes].join('\n\n'), citations };
}
