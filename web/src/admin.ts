import type { AdminDocument, UploadOutcome } from '../../src/runtime/corpus-admin.js';
import type { UploadLimits as Limits } from '../../src/server/routes/admin.js';
import { byId, el } from './dom.js';

/** The admin page (web/admin.html): token kept for the tab, uploads with per-file progress, the list with delete. */

const TOKEN_KEY = 'communiques.adminToken';
/** Files sent at once: each file is its own request, so each has its own progress and result. */
const PARALLEL_UPLOADS = 2;

let token = sessionStorage.getItem(TOKEN_KEY) ?? '';

/** Human-readable size, in the decimal units the README's limits use. */
function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The message of an error body, or a fallback naming the status. */
function errorMessage(body: unknown, status: number): string {
  const message = (body as { error?: { message?: string } } | null)?.error?.message;
  return message ?? `The server answered ${status}.`;
}

/** Fetches an admin route with the token; a 401 asks for the token again. */
async function adminFetch(path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
  const body = await response.json().catch(() => null);
  if (response.status === 401) {
    signOut(errorMessage(body, 401));
    throw new Error(errorMessage(body, 401));
  }
  if (!response.ok) throw new Error(errorMessage(body, response.status));
  return body;
}

function showError(id: string, message: string | null): void {
  const node = byId(id);
  node.hidden = !message;
  node.textContent = message ?? '';
}

/** Shows the token form again, with why. */
function signOut(reason: string | null): void {
  token = '';
  sessionStorage.removeItem(TOKEN_KEY);
  byId('workspace').hidden = true;
  byId('sign-out').hidden = true;
  byId('token-form').hidden = false;
  showError('token-error', reason);
  byId<HTMLInputElement>('token').focus();
}

/** Checks the token by listing the documents; shows the workspace when it works. */
async function signIn(candidate: string): Promise<void> {
  token = candidate;
  try {
    const body = (await adminFetch('/api/admin/documents')) as { documents: AdminDocument[]; limits: Limits };
    sessionStorage.setItem(TOKEN_KEY, token);
    byId('token-form').hidden = true;
    byId('workspace').hidden = false;
    byId('sign-out').hidden = false;
    showError('token-error', null);
    byId('limits').textContent = `up to ${body.limits.maxFiles} files, ${size(body.limits.maxFileBytes)} each`;
    renderDocuments(body.documents);
  } catch (error) {
    if (token) showError('token-error', (error as Error).message);
  }
}

function renderDocuments(documents: AdminDocument[]): void {
  byId('count').textContent = `(${documents.length})`;
  const titles = new Map(documents.map((d) => [d.id, d]));
  const items = documents.map((d) => {
    const remove = el('button', { className: 'delete', text: 'Delete', attrs: { type: 'button', 'aria-label': `Delete ${d.title}` } });
    remove.addEventListener('click', () => void removeDocument(d, remove));
    const tags = [d.language.toUpperCase(), ...(d.uploaded ? ['uploaded'] : []), ...d.translations.map((t) => `${titles.get(t)?.language.toUpperCase() ?? '?'} version`)];
    return el(
      'li',
      { className: 'document' },
      el('span', { className: 'document-title', text: d.title }),
      remove,
      el('span', { className: 'document-meta' }, ...tags.map((t) => el('span', { className: 'tag', text: t })), `${d.date ?? 'no date'} · ${d.chunks} passages · ${d.id}`),
    );
  });
  byId('documents').replaceChildren(...items);
}

async function refresh(): Promise<void> {
  try {
    renderDocuments(((await adminFetch('/api/admin/documents')) as { documents: AdminDocument[] }).documents);
    showError('list-error', null);
  } catch (error) {
    showError('list-error', (error as Error).message);
  }
}

async function removeDocument(document: AdminDocument, button: HTMLButtonElement): Promise<void> {
  if (!confirm(`Delete “${document.title}” from the index${document.uploaded ? '' : ' and the corpus folder'}?`)) return;
  button.disabled = true;
  try {
    await adminFetch(`/api/admin/documents/${encodeURIComponent(document.id)}`, { method: 'DELETE' });
    await refresh();
  } catch (error) {
    showError('list-error', (error as Error).message);
    button.disabled = false;
  }
}

/** What a finished upload's row says. */
function describe(result: UploadOutcome): string {
  if (result.status === 'added') {
    const linked = result.translations?.length ? `; linked to its other-language version ${result.translations.join(', ')}` : '';
    return `Added as “${result.title}” (${result.chunks} passages)${linked}.`;
  }
  if (result.status === 'duplicate') return `Not added: the same communiqué as “${result.duplicateOf!.title}” (${result.duplicateOf!.id}), already indexed.`;
  return `Not added: ${result.error?.message ?? 'unknown error'}`;
}

/** Sends one file with XMLHttpRequest (fetch cannot report upload progress) and shows its progress and result. */
function uploadFile(file: File): Promise<void> {
  const progress = el('progress', { attrs: { max: '100', value: '0', 'aria-label': `Upload of ${file.name}` } });
  const status = el('span', { className: 'upload-status', text: 'Waiting…' });
  const row = el('li', { className: 'upload', attrs: { 'data-status': 'pending' } }, el('span', { className: 'upload-name', text: file.name }), el('span', { className: 'upload-size', text: size(file.size) }), progress, status);
  byId('uploads').prepend(row);
  return new Promise((done) => {
    const form = new FormData();
    form.append('files', file, file.name);
    const request = new XMLHttpRequest();
    request.open('POST', '/api/admin/documents');
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 90);
      status.textContent = 'Uploading…';
    });
    request.upload.addEventListener('load', () => (status.textContent = 'Indexing…'));
    const finish = (state: string, text: string) => {
      progress.value = 100;
      row.dataset.status = state;
      status.textContent = text;
      done();
    };
    request.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // Not JSON: the status says enough.
      }
      if (request.status === 401) signOut(errorMessage(body, 401));
      if (request.status !== 200) return finish('rejected', `Not added: ${errorMessage(body, request.status)}`);
      const result = (body as { results: UploadOutcome[] }).results[0]!;
      finish(result.status, describe(result));
    });
    request.addEventListener('error', () => finish('rejected', 'Not added: the server could not be reached.'));
    request.send(form);
  });
}

/** Uploads files a few at a time, then refreshes the list. */
async function uploadAll(files: File[]): Promise<void> {
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) await uploadFile(file);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, queue.length) }, worker));
  await refresh();
}

function start(): void {
  byId('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void signIn(byId<HTMLInputElement>('token').value.trim());
  });
  byId('sign-out').addEventListener('click', () => signOut(null));
  byId('refresh').addEventListener('click', () => void refresh());
  const input = byId<HTMLInputElement>('files');
  input.addEventListener('change', () => {
    void uploadAll([...(input.files ?? [])]);
    input.value = '';
  });
  const drop = byId('drop');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    void uploadAll([...(event.dataTransfer?.files ?? [])]);
  });
  if (token) void signIn(token);
  else byId<HTMLInputElement>('token').focus();
}

start();
