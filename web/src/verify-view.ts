import type { AnswerClaim } from '../../src/verify/check-answer.js';
import type { CheckedClaim, VerifyResult } from '../../src/verify/types.js';
import { el } from './dom.js';
import type { Lang } from './i18n.js';

/** The strings of the claim check, in both languages. */
const text = {
  fr: {
    open: 'Vérifier une affirmation',
    title: 'Vérifier une affirmation',
    hint: 'Collez un texte : chaque phrase est comparée aux communiqués.',
    label: 'Texte à vérifier',
    check: 'Vérifier',
    close: 'Fermer',
    checking: 'Vérification…',
    none: 'Aucune phrase vérifiable.',
    supported: 'Confirmé',
    contradicted: 'Contredit',
    not_found: 'Introuvable',
    claimed: 'Affirmé : ',
    found: 'Le communiqué dit : ',
    noEvidence: 'Aucun passage des communiqués ne le dit.',
    unsupportedMark: 'Non confirmé par les communiqués',
    supportedMark: 'Confirmé par les communiqués',
    error: 'La vérification a échoué',
  },
  en: {
    open: 'Check a statement',
    title: 'Check a statement',
    hint: 'Paste a text: each sentence is compared with the communiqués.',
    label: 'Text to check',
    check: 'Check',
    close: 'Close',
    checking: 'Checking…',
    none: 'No checkable sentence.',
    supported: 'Supported',
    contradicted: 'Contradicted',
    not_found: 'Not found',
    claimed: 'Claimed: ',
    found: 'The communiqué says: ',
    noEvidence: 'No passage of the communiqués states it.',
    unsupportedMark: 'Not supported by the communiqués',
    supportedMark: 'Supported by the communiqués',
    error: 'The check failed',
  },
};

/** What the view needs from the page: its language, and a way to open a communiqué at a span. */
export interface VerifyViewDeps {
  lang: () => Lang;
  openSource: (id: string, start?: number, end?: number) => void;
}

/** What a claim's hover shows: the evidence sentence, or the differing detail, or that nothing states it. */
function tipFor(claim: CheckedClaim, lang: Lang): string {
  const t = text[lang];
  const quote = claim.evidence[0]?.quote;
  if (claim.verdict === 'supported') return quote ?? t.supportedMark;
  if (claim.verdict === 'contradicted' && claim.difference) return `${t.claimed}${claim.difference.claimed} · ${t.found}${claim.difference.found}${quote ? ` — ${quote}` : ''}`;
  return t.noEvidence;
}

/**
 * An LLM answer with each checked sentence marked: a quiet tick for a supported one, a visible flag for an
 * unsupported one; hovering or focusing a sentence shows its evidence. `append` renders a piece of answer text
 * (with its citation links) into a container.
 */
export function renderCheckedAnswer(deps: VerifyViewDeps, answer: string, claims: AnswerClaim[], append: (into: HTMLElement, piece: string) => void): HTMLElement {
  const t = text[deps.lang()];
  const root = el('div', { className: 'answer checked' });
  let position = 0;
  for (const claim of claims.filter((c) => !c.dropped && c.end > c.start).sort((a, b) => a.start - b.start)) {
    if (claim.start < position) continue;
    append(root, answer.slice(position, claim.start));
    const supported = claim.verdict === 'supported';
    const sentence = el('span', { className: `claim ${supported ? 'supported' : 'unsupported'}`, attrs: { tabindex: '0', 'data-verdict': claim.verdict, 'aria-label': supported ? t.supportedMark : t.unsupportedMark } });
    append(sentence, answer.slice(claim.start, claim.end));
    sentence.append(el('span', { className: 'claim-mark', text: supported ? '✓' : '⚠', attrs: { 'aria-hidden': 'true' } }), el('span', { className: 'tip', text: tipFor(claim, deps.lang()), attrs: { role: 'tooltip' } }));
    root.append(sentence);
    position = claim.end;
  }
  append(root, answer.slice(position));
  return root;
}

/** One checked claim of a pasted text: verdict, the claim, the differing detail and the evidence. */
function claimItem(deps: VerifyViewDeps, claim: CheckedClaim): HTMLElement {
  const t = text[deps.lang()];
  const item = el('li', { className: `checked-claim ${claim.verdict}`, attrs: { 'data-verdict': claim.verdict } },
    el('span', { className: 'verdict', text: t[claim.verdict] }),
    el('p', { className: 'claim-text', text: claim.text }));
  if (claim.difference) {
    item.append(el('p', { className: 'difference' }, el('span', { text: t.claimed }), el('del', { text: claim.difference.claimed }), el('span', { text: ` · ${t.found}` }), el('ins', { text: claim.difference.found })));
  }
  if (claim.evidence.length === 0) item.append(el('p', { className: 'meta', text: t.noEvidence }));
  for (const span of claim.evidence) {
    const button = el('button', { className: 'card', attrs: { type: 'button' } }, el('span', { className: 'title', text: span.title }), el('span', { className: 'quote' }, el('mark', { text: span.quote })), el('span', { className: 'meta', text: span.source }));
    button.addEventListener('click', () => deps.openSource(span.source, span.start, span.end));
    item.append(button);
  }
  return item;
}

/**
 * The "Check a statement" entry: a header button that opens a form; the pasted text goes to `/api/verify` and each
 * claim comes back with its verdict and its evidence, or the detail that differs. Returns the header button and
 * what relabels the view when the page's language changes.
 */
export function mountStatementChecker(deps: VerifyViewDeps, host: HTMLElement): { opener: HTMLButtonElement; relabel: () => void } {
  const opener = el('button', { className: 'ghost', attrs: { type: 'button', id: 'open-checker' } });
  const dialog = el('section', { className: 'checker', attrs: { id: 'checker', hidden: '' } });
  const heading = el('h2', { attrs: { id: 'checker-title' } });
  const hint = el('p', { className: 'meta' });
  const area = el('textarea', { attrs: { id: 'statement', rows: '4', maxlength: '8000', 'aria-labelledby': 'checker-title' } });
  const submit = el('button', { attrs: { type: 'submit', id: 'check' } });
  const close = el('button', { className: 'ghost', attrs: { type: 'button' } });
  const results = el('ol', { className: 'checked-claims', attrs: { id: 'checked-claims', 'aria-live': 'polite' } });
  const form = el('form', { className: 'checker-form' }, area, el('div', { className: 'composer-buttons' }, submit, close));
  dialog.append(el('div', { className: 'checker-head' }, heading, hint), form, results);
  host.prepend(dialog);

  const label = () => {
    const t = text[deps.lang()];
    opener.textContent = t.open;
    heading.textContent = t.title;
    hint.textContent = t.hint;
    submit.textContent = t.check;
    close.textContent = t.close;
  };
  label();
  opener.addEventListener('click', () => {
    label();
    dialog.hidden = !dialog.hidden;
    if (!dialog.hidden) area.focus();
  });
  close.addEventListener('click', () => (dialog.hidden = true));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const t = text[deps.lang()];
    const statement = area.value.trim();
    if (!statement) return;
    submit.disabled = true;
    results.setAttribute('aria-busy', 'true');
    results.replaceChildren(el('li', { className: 'meta', text: t.checking }));
    try {
      const response = await fetch('/api/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: statement }) });
      const body = await response.json();
      if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
      const result = body as VerifyResult;
      results.replaceChildren(...(result.claims.length ? result.claims.map((c) => claimItem(deps, c)) : [el('li', { className: 'meta', text: t.none })]));
    } catch (error) {
      results.replaceChildren(el('li', { className: 'checked-claim error', text: `${t.error}: ${(error as Error).message}` }));
    } finally {
      submit.disabled = false;
      results.setAttribute('aria-busy', 'false');
    }
  });
  return { opener, relabel: label };
}
