import { messages } from '../answer/messages.js';
import type { Citation } from '../answer/types.js';
import type { Passage, Retriever } from '../retrieval/retriever.js';
import type { AnswerLanguage } from '../text/detect-language.js';
import type { Verifier } from './create-verifier.js';
import { MARKER } from './split-claims.js';
import type { CheckedClaim, EvidenceSpan } from './types.js';

/** What happens to a generated sentence the communiqués do not support: shown and flagged, or removed. */
export type UnsupportedMode = 'flag' | 'drop';

/** A checked sentence of a generated answer; offsets are in the checked answer's text. */
export interface AnswerClaim extends CheckedClaim {
  /** Citation numbers of its evidence (supported sentences only). */
  citations: number[];
  /** Its [n] pointed at a passage that does not hold its evidence and was replaced. */
  corrected?: boolean;
  /** Removed from the answer (LLM_UNSUPPORTED=drop); its offsets are where it stood. */
  dropped?: boolean;
}

/** A generated answer after the check: text with sentence-level markers, the cited sentences, the claims. */
export interface CheckedAnswer {
  text: string;
  answerable: boolean;
  citations: Citation[];
  claims: AnswerClaim[];
  used: number[];
}

/** A generated answer to check: its text, language and the numbered passages the model was given. */
export interface AnswerDraft {
  text: string;
  language: AnswerLanguage;
  passages: Passage[];
}

const overlaps = (span: EvidenceSpan, p: Passage) => p.chunk.docId === span.source && span.start < p.chunk.end && span.end > p.chunk.start;

/** Markers before the sentence's closing punctuation: "… 120 délégations [1]." */
function withMarkers(sentence: string, numbers: number[]): string {
  if (numbers.length === 0) return sentence;
  const marks = ` ${numbers.map((n) => `[${n}]`).join('')}`;
  const end = /[.!?…]+["»”)]*$/u.exec(sentence);
  return end ? `${sentence.slice(0, end.index).trimEnd()}${marks}${end[0]}` : `${sentence}${marks}`;
}

/**
 * Checks a generated answer sentence by sentence against the passages the model was given: a supported sentence
 * cites the sentences that state it (citations become sentence spans, and a marker pointing at the wrong passage is
 * replaced); an unsupported one loses its markers and is flagged, or removed in `drop` mode. Text outside the
 * checked sentences is kept without its markers (they referred to passages, not to the new citations).
 */
export function createAnswerChecker(verifier: Verifier, mode: UnsupportedMode) {
  return async function checkAnswer(draft: AnswerDraft, retriever: Retriever): Promise<CheckedAnswer> {
    const checked = await verifier.checkText(draft.text, draft.language, retriever, { passages: draft.passages });
    const citations: Citation[] = [];
    const numberOf = (span: EvidenceSpan): number => {
      const existing = citations.find((c) => c.source === span.source && c.start === span.start && c.end === span.end);
      if (existing) return existing.n;
      const passage = draft.passages.find((p) => overlaps(span, p)) ?? draft.passages.find((p) => p.chunk.docId === span.source)!;
      const citation: Citation = { n: citations.length + 1, source: span.source, title: passage.chunk.title, date: passage.chunk.date, quote: span.quote, chunkId: passage.chunk.id, start: span.start, end: span.end, score: span.score, page: passage.chunk.page };
      citations.push(citation);
      return citation.n;
    };
    let text = '';
    let position = 0;
    const claims: AnswerClaim[] = [];
    for (const claim of checked) {
      text += draft.text.slice(position, claim.start).replace(MARKER, '');
      position = claim.end;
      const sentence = claim.text.replace(MARKER, '').trim();
      const original = [...claim.text.matchAll(/\[(\d{1,3})\]/g)].map((m) => draft.passages[Number(m[1]) - 1]).filter((p): p is Passage => !!p);
      if (claim.verdict === 'supported') {
        const numbers = [...new Set(claim.evidence.map(numberOf))];
        const corrected = original.length > 0 && !original.some((p) => claim.evidence.some((e) => overlaps(e, p)));
        const written = withMarkers(sentence, numbers);
        claims.push({ ...claim, text: written, start: text.length, end: text.length + written.length, citations: numbers, ...(corrected ? { corrected } : {}) });
        text += written;
      } else if (mode === 'drop') {
        claims.push({ ...claim, text: sentence, start: text.length, end: text.length, citations: [], dropped: true });
        text = text.trimEnd();
      } else {
        claims.push({ ...claim, text: sentence, start: text.length, end: text.length + sentence.length, citations: [] });
        text += sentence;
      }
    }
    text += draft.text.slice(position).replace(MARKER, '');
    const kept = text.trim();
    const lead = text.length - text.trimStart().length;
    for (const claim of claims) {
      claim.start = Math.max(0, claim.start - lead);
      claim.end = Math.max(claim.start, claim.end - lead);
    }
    // Everything removed: the answer says what an unsupported answer says.
    if (!kept) return { text: messages[draft.language].refusal, answerable: false, citations: [], claims, used: [] };
    return { text: kept, answerable: true, citations, claims, used: citations.map((c) => c.n) };
  };
}

/** A checker built by {@link createAnswerChecker}. */
export type AnswerChecker = ReturnType<typeof createAnswerChecker>;
