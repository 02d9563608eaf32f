import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/** An answer exactly as it came off the wire (body not decompressed). */
export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Sends one request with node:http: the bytes and headers exactly as given (declared lengths,
 * chunked or broken bodies), and no Accept-Encoding or decompression of its own, as fetch adds.
 */
export function sendRaw(
  url: string,
  method: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(url), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}
