/** Stable error codes shared by the HTTP API and the CLI. */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'not_found'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'no_text_layer'
  | 'corrupt_document'
  | 'empty_document'
  | 'rate_limited'
  | 'unavailable'
  | 'internal'
  | 'config'
  | 'index_missing'
  | 'index_incompatible'
  | 'index_corrupt'
  | 'index_locked';

const httpStatus: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  // A file of an accepted type whose content cannot give a communiqué's text: well-formed request, unusable file.
  no_text_layer: 422,
  corrupt_document: 422,
  empty_document: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
  config: 500,
  index_missing: 503,
  index_incompatible: 503,
  index_corrupt: 503,
  index_locked: 503,
};

const exitCodes: Partial<Record<ErrorCode, number>> = {
  bad_request: 2,
  no_text_layer: 2,
  corrupt_document: 2,
  empty_document: 2,
  config: 3,
  index_missing: 4,
  index_incompatible: 4,
  index_corrupt: 4,
  index_locked: 5,
};

/** An error with a stable code, mapped once to an HTTP status (server) or an exit code (CLI). */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return httpStatus[this.code];
  }
  get exitCode(): number {
    return exitCodes[this.code] ?? 1;
  }
}

/** Index problems are reported to API clients as "unavailable": the service cannot answer until the index is rebuilt. */
export function publicCode(code: ErrorCode): ErrorCode {
  return code.startsWith('index_') || code === 'config' ? 'unavailable' : code;
}
