import { subscribe } from 'node:diagnostics_channel';
import { Server } from 'node:http';
import type { Socket } from 'node:net';
import { ErrorCode, HTTP_STATUS } from '../errors.js';
import { problemBody, reasonPhrase } from './httpErrors.js';

// What Node's HTTP parser reports before any request exists, and how we answer it.
const ANSWERS: Record<string, { code: ErrorCode; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    code: ErrorCode.HEADERS_TOO_LARGE,
    detail: 'The request line and headers are larger than this server accepts.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    code: ErrorCode.REQUEST_TIMEOUT,
    detail: 'The request was not received in time.',
  },
};
const MALFORMED = {
  code: ErrorCode.BAD_REQUEST,
  detail: 'The request is not valid HTTP.',
};

/**
 * Answers the errors Node's HTTP parser finds in a request (headers too large, malformed
 * request lines, requests too slow) as problem+json, as every other answer of this API is.
 *
 * Why here: these requests never reach a handler, and without a `clientError` listener Node
 * answers them itself with an empty, untyped body. The functions framework creates the server
 * and offers no hook, so the listener is added to each HTTP server as its first connection
 * arrives (diagnostics channel `net.server.socket`, published before the parser reads a byte).
 * Like Node's own answer: only on a socket that has not been written to; then it is closed.
 */
export function answerClientErrorsAsJson(): void {
  // Process-wide marks, not module state: a test runner may load this module more than once.
  const process = globalThis as { [INSTALLED]?: boolean };
  if (process[INSTALLED]) return;
  process[INSTALLED] = true;
  subscribe('net.server.socket', (message) => {
    const server = (message as { socket: Socket & { server?: unknown } }).socket.server;
    if (server instanceof Server && !(server as { [ANSWERED]?: boolean })[ANSWERED]) {
      (server as { [ANSWERED]?: boolean })[ANSWERED] = true;
      server.on('clientError', answerClientError);
    }
  });
}

const INSTALLED = Symbol.for('llm-course-api.clientErrors');
const ANSWERED = Symbol.for('llm-course-api.clientErrors.server');

function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (socket.writable && socket.bytesWritten === 0 && error.code !== 'ECONNRESET') {
    const answer = ANSWERS[error.code ?? ''] ?? MALFORMED;
    const status = HTTP_STATUS[answer.code];
    const title = reasonPhrase(status);
    const body = problemBody(status, answer.code, answer.detail, title);
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroySoon();
}
