import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';

/** An answer exactly as it came off the wire (body not decompressed). */
export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The header lines as received: names in their case and order, each followed by its value. */
  rawHeaders: string[];
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
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Writes bytes to a fresh TCP connection (anything, valid HTTP or not) and returns everything
 * the server sends back until it closes the connection.
 */
export function sendBytes(url: string, bytes: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
  });
}
