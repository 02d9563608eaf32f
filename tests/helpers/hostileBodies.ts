import { request as httpRequest } from 'node:http';
import type { Transform } from 'node:stream';

/**
 * A GraphQL request body padded with `megabytes` of one letter, compressed as it is written by
 * `compressor` (gzip, deflate, brotli): a few kilobytes that inflate to any size, without the
 * caller ever holding the inflated body.
 */
export async function compressedPadding(compressor: Transform, megabytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  compressor.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => compressor.on('end', resolve));
  const megabyte = Buffer.alloc(1 << 20, 0x61);
  compressor.write('{"query":"{ lessons { slug } }","variables":{"pad":"');
  for (let i = 0; i < megabytes; i++) {
    if (!compressor.write(megabyte))
      await new Promise((resolve) => compressor.once('drain', resolve));
  }
  compressor.end('"}}');
  await ended;
  return Buffer.concat(chunks);
}

/**
 * POSTs a chunked JSON body to `url` that never ends (64 KB more every 10 ms until an answer
 * starts) and resolves with the answer: only a server that answers at its body limit lets it
 * resolve. The server closes the connection after such an answer; writing on into it would
 * make the client fail with EPIPE before it reads the answer, so writing stops as it arrives.
 */
export function postEndlessBody(url: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        answered = true;
        clearInterval(pump);
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, text });
          req.destroy();
        });
      },
    );
    req.on('error', (error) => (answered ? undefined : reject(error)));
    req.write('{"query":"{ lessons { slug } }","pad":"');
    const chunk = 'x'.repeat(64 * 1024);
    const pump = setInterval(() => (req.destroyed ? clearInterval(pump) : req.write(chunk)), 10);
    req.on('close', () => clearInterval(pump));
  });
}
