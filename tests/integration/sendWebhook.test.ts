import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { checkWebhookUrl, sendWebhook, type SendPolicy } from '../../src/webhooks/sendWebhook.js';
import { freePort } from '../helpers/processes.js';

/** A real HTTP receiver on a loopback port, counting every connection that reaches it. */
interface Receiver {
  port: number;
  url: string;
  connections: number;
  requests: { path: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

async function startReceiver(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Receiver> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      receiver.requests.push({ path: req.url ?? '', headers: req.headers, body });
      handle(req, res);
    });
  });
  server.on('connection', (socket) => {
    receiver.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: Receiver = {
    port,
    url: `http://127.0.0.1:${port}`,
    connections: 0,
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return receiver;
}

const DEV: SendPolicy = { timeoutMs: 5000, maxResponseBytes: 64 * 1024, allowPrivateNetwork: true };
const PROD: SendPolicy = { ...DEV, allowPrivateNetwork: false };
const delivery = (url: string) => ({
  url,
  headers: {
    'content-type': 'application/json',
    'webhook-id': 'evt_0123456789abcdefghijkl',
    'webhook-timestamp': '1614265330',
    'webhook-signature': 'v1,abc=',
  },
  body: '{"type":"concept.updated","note":"한국어"}',
});

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

let receivers: Receiver[] = [];
async function receiver(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const started = await startReceiver(handle);
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
});

describe('sendWebhook to receivers that answer', () => {
  test('a 2xx is ok, and the receiver gets the body and headers as given', async () => {
    const target = await receiver((_req, res) => res.writeHead(204).end());
    const result = await sendWebhook(delivery(`${target.url}/hook`), DEV);
    expect(result).toEqual({
      statusCode: 204,
      error: null,
      latencyMs: expect.any(Number),
      ok: true,
    });
    expect(target.requests).toHaveLength(1);
    const [seen] = target.requests;
    expect(seen?.path).toBe('/hook');
    expect(seen?.body).toBe(delivery('').body);
    expect(seen?.headers['webhook-id']).toBe('evt_0123456789abcdefghijkl');
    expect(seen?.headers['content-length']).toBe(String(Buffer.byteLength(delivery('').body)));
  });

  test('a 500 is not ok, with its status and an excerpt of what the receiver said', async () => {
    const target = await receiver((_req, res) => res.writeHead(500).end('boom\nat line 3'));
    const result = await sendWebhook(delivery(target.url), DEV);
    expect(result).toMatchObject({ statusCode: 500, ok: false });
    expect(result.error).toBe('the receiver answered HTTP 500: boom at line 3');
  });

  test('a 302 is not followed: a failure naming where it pointed', async () => {
    const target = await receiver((req, res) => {
      if (req.url === '/hook') res.writeHead(302, { location: '/followed' }).end();
      else res.writeHead(200).end();
    });
    const result = await sendWebhook(delivery(`${target.url}/hook`), DEV);
    expect(result).toMatchObject({ statusCode: 302, ok: false });
    expect(result.error).toMatch(/HTTP 302, a redirect to \/followed; redirects are not followed/);
    expect(target.requests.map((r) => r.path)).toEqual(['/hook']);
  });
});

describe('sendWebhook cuts receivers that would hold it', () => {
  test('one that never answers is cut at the timeout', async () => {
    const target = await receiver(() => undefined);
    const { result, ms } = await timed(() =>
      sendWebhook(delivery(target.url), { ...DEV, timeoutMs: 300 }),
    );
    expect(result).toMatchObject({ statusCode: null, ok: false });
    expect(result.error).toBe(
      'no complete answer within 300 ms (timed out waiting for the response)',
    );
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(3000);
  });

  test('one that drips its body slowly is cut at the timeout, its 2xx notwithstanding', async () => {
    const timers: NodeJS.Timeout[] = [];
    const target = await receiver((_req, res) => {
      res.writeHead(200);
      timers.push(setInterval(() => res.write('.'), 50));
    });
    try {
      const { result, ms } = await timed(() =>
        sendWebhook(delivery(target.url), { ...DEV, timeoutMs: 400 }),
      );
      expect(result).toMatchObject({ statusCode: 200, ok: false });
      expect(result.error).toMatch(/within 400 ms \(timed out reading the response body\)/);
      expect(ms).toBeLessThan(3000);
    } finally {
      timers.forEach(clearInterval);
    }
  });

  test('one streaming a huge body is cut at the byte limit, long before the timeout', async () => {
    let sent = 0;
    let streamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (streamClosed = resolve));
    const target = await receiver((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(16 * 1024, 120);
      // Endless, as fast as the client reads: only the client hanging up ends it.
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length;
      };
      res.on('drain', pump);
      res.on('close', streamClosed);
      pump();
    });
    const { result, ms } = await timed(() =>
      sendWebhook(delivery(target.url), { ...DEV, timeoutMs: 20_000, maxResponseBytes: 100_000 }),
    );
    expect(result).toEqual({
      statusCode: 200,
      error: null,
      latencyMs: expect.any(Number),
      ok: true,
    });
    expect(ms).toBeLessThan(5000);
    await closed; // the receiver saw the connection dropped
    // What it managed to push is bounded by the limit plus socket buffers, not endless.
    expect(sent).toBeLessThan(50 * 1024 * 1024);
  });
});

describe('sendWebhook reports receiver-side failures in words, never throwing', () => {
  test('a connection reset', async () => {
    const target = await receiver((req) => req.socket.destroy());
    const result = await sendWebhook(delivery(target.url), DEV);
    expect(result).toMatchObject({ statusCode: null, ok: false });
    expect(result.error).toMatch(/^the connection to 127\.0\.0\.1:\d+ was reset/);
  });

  test('a refused connection', async () => {
    const port = await freePort();
    const result = await sendWebhook(delivery(`http://127.0.0.1:${port}/`), DEV);
    expect(result).toMatchObject({ statusCode: null, ok: false });
    expect(result.error).toBe(`connection refused by 127.0.0.1:${port}`);
  });

  test('a TLS failure (https to a server that speaks plain http)', async () => {
    const target = await receiver((_req, res) => res.end());
    const result = await sendWebhook(delivery(`https://127.0.0.1:${target.port}/`), DEV);
    expect(result).toMatchObject({ statusCode: null, ok: false });
    expect(result.error).toMatch(
      /^TLS error with 127\.0\.0\.1:\d+ \(EPROTO\): wrong version number$/,
    );
    expect(result.error).not.toMatch(/\n|\s{4}at /);
  });

  test('a name that does not resolve', async () => {
    const result = await sendWebhook(delivery('https://no-such-receiver.invalid/hook'), PROD);
    expect(result).toMatchObject({ statusCode: null, ok: false });
    expect(result.error).toMatch(/^could not resolve no-such-receiver\.invalid: /);
  });
});

describe('sendWebhook in production refuses non-public receivers without connecting', () => {
  test.each([
    'https://127.0.0.1:PORT/hook',
    'https://[::1]:PORT/hook',
    'https://[::ffff:127.0.0.1]:PORT/hook',
    'https://2130706433:PORT/hook', // 127.0.0.1 as one number
    'https://0.0.0.0:PORT/hook',
    'https://169.254.169.254/computeMetadata/v1/',
    'https://10.0.0.1/hook',
    'https://192.168.1.1/hook',
    'https://100.64.0.1/hook',
  ])('%s', async (template) => {
    const target = await receiver((_req, res) => res.end());
    const { result, ms } = await timed(() =>
      sendWebhook(delivery(template.replace('PORT', String(target.port))), PROD),
    );
    expect(result).toMatchObject({ statusCode: null, ok: false });
    expect(result.error).toMatch(/^refused before sending: the address .+ is not public/);
    expect(ms).toBeLessThan(1000);
    expect(target.connections).toBe(0);
  });

  test('a name resolving to loopback is refused when connecting (after DNS)', async () => {
    const target = await receiver((_req, res) => res.end());
    // The URL alone passes (names are not judged before sending): the agent's check on the
    // resolved address is what refuses it, as it would a public name rebound to 127.0.0.1.
    const result = await sendWebhook(delivery(`https://localhost:${target.port}/hook`), PROD);
    expect(result).toMatchObject({ statusCode: null, ok: false });
    expect(result.error).toMatch(
      /^refused: localhost resolves to (127\.0\.0\.1|::1), which is not a public address/,
    );
    expect(target.connections).toBe(0);
  });

  test('the same receiver by name is reached when private networks are allowed', async () => {
    const target = await receiver((_req, res) => res.writeHead(200).end());
    const result = await sendWebhook(delivery(`http://localhost:${target.port}/hook`), DEV);
    expect(result).toMatchObject({ statusCode: 200, ok: true });
    expect(target.connections).toBe(1);
  });

  test('plain http is refused', async () => {
    const target = await receiver((_req, res) => res.end());
    const result = await sendWebhook(delivery(`http://127.0.0.1:${target.port}/`), PROD);
    expect(result.error).toBe('refused before sending: plain http is not allowed: use https');
    const named = await sendWebhook(delivery('http://hooks.example.com/'), PROD);
    expect(named.error).toBe('refused before sending: plain http is not allowed: use https');
    expect(target.connections).toBe(0);
  });
});

describe('checkWebhookUrl', () => {
  const PUBLIC = { allowPrivateNetwork: false };
  const PRIVATE = { allowPrivateNetwork: true };
  test.each<[string, { allowPrivateNetwork: boolean }, RegExp | null]>([
    ['https://hooks.example.com/content', PUBLIC, null],
    ['https://hooks.example.com./content', PUBLIC, null],
    ['https://8.8.8.8/hook', PUBLIC, null],
    ['https://[2606:4700:4700::1111]/hook', PUBLIC, null],
    ['https://hooks.example.com:8443/a?b=c', PUBLIC, null],
    ['http://hooks.example.com/', PUBLIC, /plain http/],
    ['ftp://hooks.example.com/', PUBLIC, /scheme ftp: is not allowed/],
    ['ftp://localhost/', PRIVATE, /scheme ftp: is not allowed/],
    ['not a url', PUBLIC, /not a valid URL/],
    ['https://user:secret@hooks.example.com/', PUBLIC, /credentials/],
    ['https://token@hooks.example.com/', PUBLIC, /credentials/],
    ['http://user:secret@localhost/', PRIVATE, /credentials/],
    ['https://127.0.0.1/', PUBLIC, /address 127\.0\.0\.1 is not public/],
    ['https://127.1/', PUBLIC, /address 127\.0\.0\.1 is not public/],
    ['https://0x7f000001/', PUBLIC, /address 127\.0\.0\.1 is not public/],
    ['https://0.0.0.0/', PUBLIC, /not public/],
    ['https://10.1.2.3/', PUBLIC, /not public/],
    ['https://172.16.0.1/', PUBLIC, /not public/],
    ['https://172.31.255.255/', PUBLIC, /not public/],
    ['https://192.168.0.10/', PUBLIC, /not public/],
    ['https://169.254.169.254/', PUBLIC, /not public/],
    ['https://100.64.0.1/', PUBLIC, /not public/],
    ['https://224.0.0.1/', PUBLIC, /not public/],
    ['https://255.255.255.255/', PUBLIC, /not public/],
    ['https://[::]/', PUBLIC, /not public/],
    ['https://[::1]/', PUBLIC, /address ::1 is not public/],
    ['https://[::ffff:127.0.0.1]/', PUBLIC, /not public/],
    ['https://[::ffff:8.8.8.8]/', PUBLIC, /not public/],
    ['https://[fe80::1]/', PUBLIC, /not public/],
    ['https://[fd00::1]/', PUBLIC, /not public/],
    ['https://[ff02::1]/', PUBLIC, /not public/],
    ['https://[2001:db8::1]/', PUBLIC, /not public/],
    ['https://[2002:7f00:1::1]/', PUBLIC, /not public/],
    ['https://localhost/', PUBLIC, /host localhost is not a public name/],
    ['https://LOCALHOST./', PUBLIC, /host localhost is not a public name/],
    ['https://api.localhost/', PUBLIC, /not a public name/],
    ['https://printer.local/', PUBLIC, /not a public name/],
    ['https://metadata.google.internal/', PUBLIC, /not a public name/],
    ['https://intranet/', PUBLIC, /not a public name/],
    [`https://hooks.example.com/${'a'.repeat(2048)}`, PUBLIC, /longer than 2048 characters/],
    ['http://localhost:3000/hook', PRIVATE, null],
    ['http://127.0.0.1:8080/hook', PRIVATE, null],
    ['https://[::1]:8443/hook', PRIVATE, null],
  ])('%s (private allowed: %j)', (url, policy, expected) => {
    const problem = checkWebhookUrl(url, policy);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
