import { STATUS_CODES, maxHeaderSize } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode } from '../errors.js';
import { errorBody } from './app.js';

/** Status, code and message for a request Node's HTTP parser rejected before the app could see it. */
export function describeClientError(error: NodeJS.ErrnoException): { status: number; code: ErrorCode; message: string } {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, code: 'bad_request', message: `The request headers are larger than the ${Math.round(maxHeaderSize / 1024)} KiB the server accepts.` };
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, code: 'bad_request', message: 'The request was not received in time.' };
  // llhttp's messages read "Parse Error: Invalid method encountered" and the like.
  const reason = error.message.replace(/^Parse Error:\s*/i, '').replace(/\.$/, '') || 'malformed request';
  return {
    status: 400,
    code: 'bad_request',
    message: `The HTTP request could not be parsed (${reason}). Characters outside ASCII in a URL must be percent-encoded, e.g. curl -G --data-urlencode 'q=…'.`,
  };
}

/**
 * Node's `clientError` listener: answers parser-level errors (raw bytes in the URL, oversized headers, malformed
 * requests) with the same JSON error body as the app, instead of Node's empty 400, then closes the connection.
 */
export function handleClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const { status, code, message } = describeClientError(error);
  const body = JSON.stringify(errorBody(code, message));
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'X-Content-Type-Options: nosniff',
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}
