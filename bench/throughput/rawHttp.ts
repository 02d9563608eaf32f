import { sendRaw as sendRequest, type RawAnswer } from '../../tests/helpers/rawHttp.js';
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
