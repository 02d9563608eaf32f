import { request as httpRequest } from 'node:http';
import type { LoadRequest } from './load.js';

/** An answer exactly as it came off the wire (body not decompressed). */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Sends one request with node:http, which adds no Accept-Encoding of its own (fetch does). */
export function sendRaw(
  url: string,
  request: LoadRequest,
  extraHeaders: Record<string, string> = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL(request.path, url),
      { method: request.method, headers: { ...request.headers, ...extraHeaders } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') headers[name] = value;
          }
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}
