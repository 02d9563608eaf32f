import { sendRaw as sendRequest, type RawAnswer } from '../../tests/helpers/rawHttp.js';
import type { CannedResponse } from './cannedResponses.js';
import type { LoadRequest } from './load.js';

/** Sends one benchmark request to a server once, with node:http (see the tests' sendRaw). */
export function sendRaw(
  baseUrl: string,
  request: LoadRequest,
  extraHeaders: Record<string, string> = {},
): Promise<RawAnswer> {
  return sendRequest(
    `${baseUrl}${request.path}`,
    request.method,
    { ...request.headers, ...extraHeaders },
    request.body,
  );
}

// Headers that belong to one connection or one moment: the baselines make their own.
const PER_RESPONSE = new Set(['content-length', 'date', 'connection', 'keep-alive']);

/** An answer of the API as the baseline servers replay it: as sent, but for PER_RESPONSE. */
export function cannedResponseOf(answer: RawAnswer): CannedResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (typeof value === 'string' && !PER_RESPONSE.has(name)) headers[name] = value;
  }
  return { status: answer.status, headers, bodyBase64: answer.body.toString('base64') };
}
