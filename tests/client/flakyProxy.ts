import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP proxy that answers 503 to the first `failures` requests, then passes through. */
export interface FlakyProxy {
  url: string;
  /** Requests that reached the proxy (refused ones included). */
  received: number;
  close(): Promise<void>;
}

/**
 * Starts a proxy in front of `target` that refuses the first `failures` requests with 503 (and
 * `Retry-After` when given), like an API whose store is still opening, then forwards the rest
 * unchanged (method, headers, body, status and answer headers).
 */
export async function flakyProxy(
  target: string,
  failures: number,
  retryAfter?: string,
): Promise<FlakyProxy> {
  const state = { received: 0 };
  const server: Server = createServer((req, res) => {
    state.received++;
    if (state.received <= failures) {
      res.writeHead(503, {
        'content-type': 'application/json',
        ...(retryAfter ? { 'retry-after': retryAfter } : {}),
      });
      res.end(
        JSON.stringify({ errors: [{ message: 'Starting', extensions: { code: 'UNAVAILABLE' } }] }),
      );
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([name]) => name !== 'host' && name !== 'connection'),
      ) as Record<string, string>;
      void fetch(`${target}${req.url}`, {
        method: req.method,
        headers,
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      }).then(async (answer) => {
        const body = Buffer.from(await answer.arrayBuffer());
        const passed: Record<string, string> = {};
        answer.headers.forEach((value, name) => {
          if (!['content-encoding', 'content-length', 'transfer-encoding'].includes(name))
            passed[name] = value;
        });
        res.writeHead(answer.status, passed);
        res.end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get received() {
      return state.received;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
