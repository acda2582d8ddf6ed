import { ApiError, askStream, fetchHealth, fetchSources, type SourceSummary } from './api.js';
import { referencesText, renderAnswerText, renderSourceCards, renderSuggestionCards } from './citation-view.js';
import { mountStatementChecker, renderCheckedAnswer } from './verify-view.js';
import { historyFor, loadTurns, saveTurns, usedCitations, type AssistantTurn, type Failure, type Turn } from './conversation.js';
import { byId, el } from './dom.js';
import { exampleQuestions } from './examples.js';
import { clearFilters, currentFilters, describeFilters, renderFilters } from './filters.js';
import { browserLang, strings, type Lang } from './i18n.js';
import { closePanel, offerTranslation, openPanel, panelOpen } from './panel.js';
import { applyTheme, initialTheme, type Theme } from './theme.js';

/** The chat page: wires the conversation, the answer stream, the panel, filters, language and theme together. */

const LANG_KEY = 'communiques.lang';

const log = byId<HTMLOListElement>('log');
const form = byId<HTMLFormElement>('composer');
const input = byId<HTMLTextAreaElement>('question');
const send = byId<HTMLButtonElement>('send');
const stop = byId<HTMLButtonElement>('stop');

let lang: Lang = (localStorage.getItem(LANG_KEY) as Lang | null) ?? browserLang();
let turns: Turn[] = loadTurns();
let inFlight: AbortController | null = null;
let sources: SourceSummary[] = [];

const t = () => strings[lang];
const open = (source: string, start?: number, end?: number) => void openPanel(source, lang, start, end);
const verifyDeps = { lang: () => lang, openSource: open };
const checker = mountStatementChecker(verifyDeps, document.querySelector<HTMLElement>('.chat')!);
byId('new-chat').before(checker.opener);

/** The message of a failed answer, in the interface language. */
function failureText(failure: Failure): string {
  switch (failure.kind) {
    case 'unreachable':
      return t().unreachable;
    case 'unavailable':
      return t().busy;
    case 'rate_limited':
      return t().rateLimited(failure.retryAfter);
    case 'rejected':
      return t().rejected(failure.message ?? '');
    default:
      return t().failed;
  }
}

async function copy(text: string, button: HTMLButtonElement) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = el('textarea', { text });
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  button.textContent = t().copied;
  setTimeout(() => (button.textContent = t().copy), 1500);
}

function renderAssistant(turn: AssistantTurn, index: number): HTMLLIElement {
  const refused = turn.answerable === false;
  const item = el('li', { className: `turn assistant${refused ? ' refusal' : ''}${turn.state === 'error' ? ' error' : ''}`, attrs: { 'aria-busy': String(turn.state === 'streaming') } });
  if (turn.state === 'error') {
    // Answers stored by an older page have no failure record: their text was the message.
    const retry = el('button', { className: 'retry', text: t().retry, attrs: { type: 'button' } });
    retry.addEventListener('click', () => void retryAt(index));
    item.append(el('p', { className: 'failure', text: failureText(turn.failure ?? { kind: 'failed' }), attrs: { role: 'alert' } }), el('div', { className: 'turn-tools' }, retry));
    return item;
  }
  if (refused) item.append(el('p', { className: 'badge', text: t().notFound }));
  // A checked LLM answer marks each sentence with its verdict (verify-view.ts).
  const answer = turn.claims?.length && turn.state !== 'streaming'
    ? renderCheckedAnswer(verifyDeps, turn.text, turn.claims, (into, piece) => into.append(...renderAnswerText(piece, turn.citations, lang, open).childNodes))
    : renderAnswerText(turn.text, turn.citations, lang, open, turn.language);
  if (turn.state === 'streaming') answer.classList.add('streaming');
  item.append(answer);
  if (turn.state === 'stopped') item.append(el('p', { className: 'badge', text: t().stopped }));
  if (turn.fallback) item.append(el('p', { className: 'badge', text: t().fallback }));
  const used = usedCitations(turn);
  if (used.length && turn.state !== 'streaming') item.append(renderSourceCards(used, turn.text, lang, open));
  if (refused && turn.suggestions?.length) item.append(el('p', { className: 'suggestions-label', text: t().mayLook }), renderSuggestionCards(turn.suggestions, lang, open));
  if (turn.state !== 'streaming' && turn.text) {
    const copyButton = el('button', { className: 'ghost copy', text: t().copy, attrs: { type: 'button' } });
    copyButton.addEventListener('click', () => void copy(referencesText(turn.text, used, lang), copyButton));
    item.append(el('div', { className: 'turn-tools' }, copyButton));
  }
  return item;
}

function renderTurn(turn: Turn, index: number): HTMLLIElement {
  if (turn.role === 'assistant') return renderAssistant(turn, index);
  const item = el('li', { className: 'turn user', text: turn.text });
  if (turn.filters) item.append(el('span', { className: 'turn-filters', text: t().filteredBy(turn.filters) }));
  return item;
}

function render() {
  log.replaceChildren(...turns.map(renderTurn));
  byId('empty').hidden = turns.length > 0;
  log.lastElementChild?.scrollIntoView({ block: 'end' });
}

/** Re-renders only the last turn (called for every streamed delta). */
function renderLast() {
  const fresh = renderTurn(turns.at(-1)!, turns.length - 1);
  const last = log.lastElementChild;
  if (last) last.replaceWith(fresh);
  else log.append(fresh);
  fresh.scrollIntoView({ block: 'end' });
}

function setBusy(busy: boolean) {
  input.disabled = busy;
  send.disabled = busy;
  stop.hidden = !busy;
  if (!busy) input.focus();
}

async function ask(question: string) {
  const history = historyFor(turns);
  const filters = currentFilters();
  turns.push({ role: 'user', text: question, ...(describeFilters(filters, lang) ? { filters: describeFilters(filters, lang) } : {}) });
  const answer: AssistantTurn = { role: 'assistant', text: '', citations: [], state: 'streaming' };
  turns.push(answer);
  render();
  setBusy(true);
  inFlight = new AbortController();
  try {
    for await (const { event, data } of askStream({ question, history, ...filters }, inFlight.signal)) {
      if (event === 'citations') answer.citations = data.citations;
      else if (event === 'delta') answer.text += data.text;
      else if (event === 'done') {
        Object.assign(answer, { answerable: data.answerable, suggestions: data.suggestions, used: data.used, mode: data.mode, language: data.language, fallback: Boolean(data.fallback), state: 'done' });
        // The checked text of an LLM answer (corrected markers, dropped sentences) replaces the streamed one.
        if (data.answer !== undefined) Object.assign(answer, { text: data.answer, claims: data.claims });
      }
      else throw new ApiError(data.code === 'unavailable' ? 'unavailable' : 'failed', data.message);
      renderLast();
    }
    if (answer.state === 'streaming') answer.state = 'done';
  } catch (error) {
    if (inFlight?.signal.aborted) answer.state = 'stopped';
    else {
      answer.state = 'error';
      answer.failure = error instanceof ApiError ? { kind: error.kind, message: error.message, retryAfter: error.retryAfter } : { kind: 'failed', message: (error as Error).message };
      if (answer.failure.kind === 'unreachable') void loadStatus();
    }
  } finally {
    inFlight = null;
    renderLast();
    saveTurns(turns);
    setBusy(false);
  }
}

/** Asks the question of a failed answer again, in place of the failed pair. */
async function retryAt(index: number) {
  const question = turns[index - 1];
  if (inFlight || question?.role !== 'user') return;
  turns = turns.slice(0, index - 1);
  await ask(question.text);
}

async function loadStatus() {
  const status = byId('status');
  try {
    const health = await fetchHealth();
    const mode = health.llm.provider === 'none' ? t().extractive : t().llm(health.llm.model);
    // Without a translator, said once and quietly here: quotes stay in the language of their communiqué.
    offerTranslation(health.translation?.engine !== 'none');
    const untranslated = health.translation?.engine === 'none' ? ` · ${t().noTranslation}` : '';
    status.textContent = t().statusLine(health.documents, health.chunks, `${health.embeddings.provider}/${health.embeddings.model}`, mode) + untranslated;
  } catch {
    status.textContent = t().offline;
  }
}

function renderExamples() {
  byId('examples').replaceChildren(
    ...exampleQuestions(sources, lang).map((example) => {
      const button = el('button', { text: example, attrs: { type: 'button' } });
      button.addEventListener('click', () => {
        input.value = example;
        form.requestSubmit();
      });
      return el('li', {}, button);
    }),
  );
}

async function loadSources() {
  try {
    sources = await fetchSources();
  } catch {
    sources = [];
  }
  renderExamples();
  renderFilters(sources, lang);
}

function applyLanguage() {
  document.documentElement.lang = lang;
  checker.relabel();
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const value = t()[node.dataset.i18n as keyof typeof strings.en];
    if (typeof value === 'string') node.textContent = value;
  }
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const value = t()[node.dataset.i18nLabel as keyof typeof strings.en];
    if (typeof value === 'string') node.setAttribute('aria-label', value);
  }
  input.placeholder = t().placeholder;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  renderExamples();
  renderFilters(sources, lang);
  render();
  void loadStatus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question || inFlight) return;
  input.value = '';
  void ask(question);
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  if (inFlight) inFlight.abort();
  else if (panelOpen()) closePanel();
});
stop.addEventListener('click', () => inFlight?.abort());
byId('panel-close').addEventListener('click', closePanel);
byId('filters-clear').addEventListener('click', clearFilters);
byId('new-chat').addEventListener('click', () => {
  inFlight?.abort();
  turns = [];
  saveTurns(turns);
  closePanel();
  render();
  input.focus();
});
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
  button.addEventListener('click', () => {
    lang = button.dataset.lang as Lang;
    localStorage.setItem(LANG_KEY, lang);
    applyLanguage();
  });
}
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-choice]')) {
  button.addEventListener('click', () => applyTheme(button.dataset.themeChoice as Theme, true));
}
// Back online: the status line says so again.
window.addEventListener('online', () => void loadStatus());

applyTheme(initialTheme());
applyLanguage();
void loadSources();
input.focus();
