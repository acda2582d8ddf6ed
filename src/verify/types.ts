import type { AnswerLanguage } from '../text/detect-language.js';

/** What the communiqués say about a claim. */
export type ClaimVerdict = 'supported' | 'contradicted' | 'not_found';

/** The kind of detail in which a claim and its evidence differ. */
export type DetailKind = 'number' | 'ordinal' | 'year' | 'month' | 'person' | 'place' | 'organisation' | 'speaker' | 'negation';

/** A verbatim span of a communiqué: `quote` is the document's text at `start..end`. */
export interface EvidenceSpan {
  source: string;
  title: string;
  quote: string;
  start: number;
  end: number;
  /** Share of the claim's weighted terms the span states (0..1). */
  score: number;
}

/** One checked claim: its place in the checked text, the verdict and the evidence. */
export interface CheckedClaim {
  text: string;
  start: number;
  end: number;
  verdict: ClaimVerdict;
  /** Best evidence first; for `contradicted`, the span that states something else. */
  evidence: EvidenceSpan[];
  /** For `contradicted`: the claim's detail and the evidence's, as written. */
  difference?: { claimed: string; found: string; kind: DetailKind };
}

/** A text to check (already validated). */
export interface VerifyInput {
  text: string;
  language?: AnswerLanguage | 'auto';
  sources?: string[];
  from?: string;
  to?: string;
}

/** The answer of `POST /api/verify`. */
export interface VerifyResult {
  language: AnswerLanguage;
  claims: CheckedClaim[];
  timings: { totalMs: number };
}
