import type { AskDone, Citation } from '../../src/answer/types.js';
import type { DocumentTranslation } from '../../src/translate/translate-document.js';
import type { SourceSummary } from '../../src/retrieval/retriever.js';
import type { HealthPayload } from '../../src/server/routes/health.js';
import { readSse } from './sse.js';

export type { HealthPayload, SourceSummary };

/** The body the page sends to `POST /api/ask`. */
export interface AskRequest {
  question: string;
  history: Array<{ role: 'user' | 'assistant'; content: string }>;
  sources?: string[];
  from?: string;
  to?: string;
}

/** The events of `POST /api/ask` as Server-Sent Events, typed by name. */
export type AskStreamEvent =
  | { event: 'citations'; data: { citations: Citation[] } }
  | { event: 'delta'; data: { text: string } }
  | { event: 'done'; data: AskDone }
  | { event: 'error'; data: { code: string; message: string } };

/** A communiqué's full text, as `GET /api/sources/:id` returns it. */
export interface SourceDocument {
  id: string;
  title: string;
  date: string | null;
  language: string;
  text: string;
  publisher?: string | null;
}

/** Why a request failed: the server could not be reached, or it answered with the API's error shape. */
export class ApiError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'rate_limited' | 'unavailable' | 'rejected' | 'failed',
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** fetch, with a network failure turned into an `unreachable` ApiError (an abort stays an AbortError). */
async function request(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('unreachable', (error as Error).message);
  }
}

/** The API's `{ error: { code, message } }` body as an ApiError of the matching kind. */
async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  const message = body?.error?.message ?? `HTTP ${response.status}`;
  if (response.status === 429) return new ApiError('rate_limited', message, Number(response.headers.get('retry-after')) || undefined);
  if (response.status === 503 || response.status === 504) return new ApiError('unavailable', message);
  if (response.status >= 400 && response.status < 500) return new ApiError('rejected', message);
  return new ApiError('failed', message);
}

async function getJson<T>(url: string): Promise<T> {
  const response = await request(url);
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** Asks a question and yields the answer's events as they stream in. */
export async function* askStream(body: AskRequest, signal: AbortSignal): AsyncGenerator<AskStreamEvent> {
  const response = await request('/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok || !response.body) throw await failure(response);
  try {
    for await (const event of readSse(response.body)) yield { event: event.event, data: JSON.parse(event.data) } as AskStreamEvent;
  } catch (error) {
    if ((error as Error).name === 'AbortError' || error instanceof ApiError) throw error;
    // The connection dropped in the middle of the answer.
    throw new ApiError('unreachable', (error as Error).message);
  }
}

/** `GET /api/health`. */
export const fetchHealth = () => getJson<HealthPayload>('/api/health');

/** `GET /api/sources`: the indexed communiqués. */
export const fetchSources = () => getJson<{ sources: SourceSummary[] }>('/api/sources').then((body) => body.sources);

/** A communiqué with its machine translation, as `GET /api/sources/:id?translate=` returns it (nulls: none). */
export type TranslatedSource = SourceDocument & DocumentTranslation;

const documents = new Map<string, Promise<unknown>>();

/** GETs a URL once per page (a failed fetch is tried again next time). */
function getOnce<T>(url: string): Promise<T> {
  let pending = documents.get(url) as Promise<T> | undefined;
  if (!pending) {
    pending = getJson<T>(url);
    documents.set(url, pending);
    pending.catch(() => documents.delete(url));
  }
  return pending;
}

/** `GET /api/sources/:id`, fetched once per page. */
export const fetchSource = (id: string) => getOnce<SourceDocument>(`/api/sources/${encodeURIComponent(id)}`);

/** `GET /api/sources/:id?translate=to`: the communiqué translated sentence by sentence, fetched once per page. */
export const fetchTranslatedSource = (id: string, to: 'fr' | 'en') => getOnce<TranslatedSource>(`/api/sources/${encodeURIComponent(id)}?translate=${to}`);
