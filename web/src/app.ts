import type { AskDone, Citation, Suggestion } from '../../src/answer/types.js';
import { browserLang, strings, type Lang } from './i18n.js';
import { readSse } from './sse.js';

/** A turn of the conversation as the page keeps it (and stores it across reloads). */
type Turn =
  | { role: 'user'; text: string }
  | { role: 'assistant'; text: string; citations: Citation[]; used?: number[]; answerable?: boolean; suggestions?: Suggestion[]; mode?: string; fallback?: boolean; state: 'streaming' | 'done' | 'stopped' | 'error' };

const STORE_KEY = 'communiques.conversation.v1';
const LANG_KEY = 'communiques.lang';
const MAX_HISTORY_CHARS = 15_000;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const log = $<HTMLOListElement>('log');
const form = $<HTMLFormElement>('composer');
const input = $<HTMLTextAreaElement>('question');
const send = $<HTMLButtonElement>('send');
const stop = $<HTMLButtonElement>('stop');
const panel = $<HTMLElement>('panel');

let lang: Lang = (localStorage.getItem(LANG_KEY) as Lang | null) ?? browserLang();
let turns: Turn[] = loadTurns();
let inFlight: AbortController | null = null;
const sourceCache = new Map<string, Promise<{ id: string; title: string; date: string | null; text: string }>>();

function t() {
  return strings[lang];
}

function loadTurns(): Turn[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.map((turn: Turn) => (turn.role === 'assistant' && turn.state === 'streaming' ? { ...turn, state: 'stopped' } : turn)) : [];
  } catch {
    return [];
  }
}

function saveTurns() {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(turns));
  } catch {
    // Storage full or disabled: the conversation still works, it just will not survive a reload.
  }
}

/** Creates an element with text content only: nothing from the server is ever parsed as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; attrs?: Record<string, string> } = {}, ...children: Array<Node | string>) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function formatDate(date: string | null): string {
  if (!date) return t().undated;
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The answer text with each [n] turned into a link that shows its quote on hover or focus. */
function renderAnswer(turn: Extract<Turn, { role: 'assistant' }>, index: number): HTMLElement {
  const answer = el('div', { className: `answer${turn.state === 'streaming' ? ' streaming' : ''}` });
  const byN = new Map(turn.citations.map((c) => [c.n, c]));
  for (const part of turn.text.split(/(\[\d+\])/)) {
    const m = /^\[(\d+)\]$/.exec(part);
    const citation = m ? byN.get(Number(m[1])) : undefined;
    if (!citation) {
      answer.append(part);
      continue;
    }
    const link = el('a', { className: 'cite', text: `[${citation.n}]`, attrs: { href: `#source-${index}-${citation.n}`, 'aria-label': `${t().sources} ${citation.n}: ${citation.title}` } }, el('span', { className: 'tip', text: citation.quote, attrs: { role: 'tooltip' } }));
    link.addEventListener('click', (event) => {
      event.preventDefault();
      void openSource(citation.source, citation.start, citation.end);
    });
    answer.append(link);
  }
  return answer;
}

function sourceCard(label: string, title: string, date: string | null, source: string, quote: string | null, open: () => void): HTMLElement {
  const card = el('button', { className: 'card', attrs: { type: 'button' } }, el('span', { className: 'title' }, el('span', { className: 'n', text: label ? `${label} ` : '' }), title), el('span', { className: 'meta', text: `${formatDate(date)} · ${source}` }));
  if (quote) card.append(el('span', { className: 'quote' }, el('mark', { text: quote })));
  card.addEventListener('click', open);
  return card;
}

function referencesText(turn: Extract<Turn, { role: 'assistant' }>): string {
  const used = turn.citations.filter((c) => !turn.used || turn.used.includes(c.n));
  if (!used.length) return turn.text;
  return `${turn.text}\n\n${t().references}:\n${used.map((c) => `[${c.n}] ${c.title} (${formatDate(c.date)}) — ${c.source}`).join('\n')}`;
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

function renderTurn(turn: Turn, index: number): HTMLLIElement {
  if (turn.role === 'user') return el('li', { className: 'turn user', text: turn.text });
  const refused = turn.answerable === false;
  const item = el('li', { className: `turn assistant${refused ? ' refusal' : ''}${turn.state === 'error' ? ' error' : ''}`, attrs: { 'aria-busy': String(turn.state === 'streaming') } });
  if (refused) item.append(el('p', { className: 'badge', text: t().notFound }));
  item.append(renderAnswer(turn, index));
  if (turn.state === 'stopped') item.append(el('p', { className: 'badge', text: t().stopped }));
  if (turn.fallback) item.append(el('p', { className: 'badge', text: t().fallback }));
  const used = turn.citations.filter((c) => !turn.used || turn.used.includes(c.n));
  if (used.length && turn.state !== 'streaming') {
    item.append(el('div', { className: 'cards', attrs: { 'aria-label': t().sources } }, ...used.map((c) => sourceCard(`[${c.n}]`, c.title, c.date, c.source, c.quote, () => void openSource(c.source, c.start, c.end)))));
  }
  if (refused && turn.suggestions?.length) {
    item.append(el('p', { className: 'suggestions-label', text: t().mayLook }), el('div', { className: 'cards' }, ...turn.suggestions.map((s) => sourceCard('', s.title, s.date, s.source, null, () => void openSource(s.source)))));
  }
  if (turn.state !== 'streaming' && turn.text) {
    const copyButton = el('button', { className: 'ghost copy', text: t().copy, attrs: { type: 'button' } });
    copyButton.addEventListener('click', () => void copy(referencesText(turn), copyButton));
    item.append(el('div', { className: 'turn-tools' }, copyButton));
  }
  return item;
}

function render() {
  log.replaceChildren(...turns.map(renderTurn));
  $('empty').hidden = turns.length > 0;
  log.lastElementChild?.scrollIntoView({ block: 'end' });
}

/** Re-renders only the last turn (called for every streamed delta). */
function renderLast() {
  const last = log.lastElementChild;
  const fresh = renderTurn(turns.at(-1)!, turns.length - 1);
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

/** The conversation so far, as the API's `history` (within its size limits). */
function historyFor(previous: Turn[]) {
  const history: Array<{ role: 'user' | 'assistant'; content: string }> = [];
  let size = 0;
  for (const turn of [...previous].reverse()) {
    const content = turn.text.slice(0, 4000);
    if (!content || history.length >= 20 || size + content.length > MAX_HISTORY_CHARS) break;
    size += content.length;
    history.unshift({ role: turn.role, content });
  }
  return history;
}

async function ask(question: string) {
  const history = historyFor(turns);
  turns.push({ role: 'user', text: question });
  const answer: Extract<Turn, { role: 'assistant' }> = { role: 'assistant', text: '', citations: [], state: 'streaming' };
  turns.push(answer);
  render();
  setBusy(true);
  inFlight = new AbortController();
  try {
    const response = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question, history }),
      signal: inFlight.signal,
    });
    if (!response.ok || !response.body) {
      const body = await response.json().catch(() => null);
      throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
    }
    for await (const event of readSse(response.body)) {
      const data = JSON.parse(event.data);
      if (event.event === 'citations') answer.citations = data.citations;
      else if (event.event === 'delta') answer.text += data.text;
      else if (event.event === 'done') {
        const done = data as AskDone;
        Object.assign(answer, { answerable: done.answerable, suggestions: done.suggestions, used: done.used, mode: done.mode, fallback: Boolean(done.fallback), state: 'done' });
      } else if (event.event === 'error') throw new Error(data.message);
      renderLast();
    }
    if (answer.state === 'streaming') answer.state = 'done';
  } catch (error) {
    if (inFlight?.signal.aborted) answer.state = 'stopped';
    else {
      answer.state = 'error';
      answer.text = `${t().error}: ${(error as Error).message}`;
    }
  } finally {
    inFlight = null;
    renderLast();
    saveTurns();
    setBusy(false);
  }
}

async function fetchSource(id: string) {
  let pending = sourceCache.get(id);
  if (!pending) {
    pending = fetch(`/api/sources/${encodeURIComponent(id)}`).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json();
    });
    sourceCache.set(id, pending);
    pending.catch(() => sourceCache.delete(id));
  }
  return pending;
}

/** Opens the side panel with a communiqué's full text, the cited span highlighted and scrolled into view. */
async function openSource(id: string, start?: number, end?: number) {
  const doc = await fetchSource(id);
  $('panel-title').textContent = doc.title;
  $('panel-meta').textContent = `${formatDate(doc.date)} · ${doc.id}`;
  const text = $('panel-text');
  if (start !== undefined && end !== undefined && end <= doc.text.length) {
    const mark = el('mark', { text: doc.text.slice(start, end), attrs: { id: 'cited-span' } });
    text.replaceChildren(doc.text.slice(0, start), mark, doc.text.slice(end));
    panel.hidden = false;
    mark.scrollIntoView({ block: 'center' });
  } else {
    text.replaceChildren(doc.text);
    panel.hidden = false;
    text.scrollTop = 0;
  }
  text.focus({ preventScroll: true });
}

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset.i18n as keyof (typeof strings)['en'];
    const value = t()[key];
    if (typeof value === 'string') node.textContent = value;
  }
  input.placeholder = t().placeholder;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  $('examples').replaceChildren(
    ...t().examples.map((example) => {
      const button = el('button', { text: example, attrs: { type: 'button' } });
      button.addEventListener('click', () => {
        input.value = example;
        form.requestSubmit();
      });
      return el('li', {}, button);
    }),
  );
  render();
  void loadStatus();
}

async function loadStatus() {
  const status = $('status');
  try {
    const health = await (await fetch('/api/health')).json();
    const mode = health.llm.provider === 'none' ? t().extractive : t().llm(health.llm.model);
    status.textContent = t().statusLine(health.documents, health.chunks, `${health.embeddings.provider}/${health.embeddings.model}`, mode);
  } catch {
    status.textContent = t().offline;
  }
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
  else if (!panel.hidden) panel.hidden = true;
});
stop.addEventListener('click', () => inFlight?.abort());
$('panel-close').addEventListener('click', () => (panel.hidden = true));
$('new-chat').addEventListener('click', () => {
  inFlight?.abort();
  turns = [];
  saveTurns();
  panel.hidden = true;
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

applyLanguage();
input.focus();
