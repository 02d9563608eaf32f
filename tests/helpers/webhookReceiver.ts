import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChangeEvent } from '../../src/domain/changeEvent.js';

/** One request a receiver got. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed Standard Webhooks payload. */
  payload: { type: string; timestamp: string; data: ChangeEvent };
}

/** A real HTTP receiver on 127.0.0.1 that records what it gets and answers `status()`. */
export interface WebhookReceiver {
  url: string;
  received: Received[];
  /** The status of the next answer (200 unless set): change it to make the receiver fail. */
  status: () => number;
  close(): Promise<void>;
}

/** Starts a receiver on a free loopback port. */
export async function startReceiver(): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    status: () => 200,
    close: () => Promise.resolve(),
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      receiver.received.push({
        headers: req.headers,
        body,
        payload: JSON.parse(body) as Received['payload'],
      });
      res.writeHead(receiver.status()).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = `http://127.0.0.1:${port}/hook`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/** Answers 500 `times` times, then 200. */
export function failing(times: number): () => number {
  let left = times;
  return () => (left-- > 0 ? 500 : 200);
}
