// TEMPORARY: replaced by the wt-hooksend branch
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { useAgent } from 'request-filtering-agent';

/** One POST to a receiver. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** How a send is bounded. */
export interface SendPolicy {
  timeoutMs: number;
  maxResponseBytes: number;
  /** Allow loopback and private addresses (tests, local development). */
  allowPrivateNetwork: boolean;
}

/** What came of a send: `ok` for a 2xx answer. */
export interface SendResult {
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
  ok: boolean;
}

/**
 * POSTs a delivery; never throws for the receiver's problems (they become `error`). Redirects
 * are not followed (a 3xx is a failure): a receiver must not point deliveries elsewhere.
 */
export function sendWebhook(request: WebhookRequest, policy: SendPolicy): Promise<SendResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      const ok = error === null && statusCode !== null && statusCode >= 200 && statusCode < 300;
      resolve({ statusCode, error, latencyMs: latency(), ok });
    };
    const refused = checkWebhookUrl(request.url, policy);
    if (refused) return finish(null, refused);
    const url = new URL(request.url);
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'POST',
      headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
      timeout: policy.timeoutMs,
      ...(policy.allowPrivateNetwork ? {} : { agent: useAgent(request.url) }),
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish(null, `no answer within ${policy.timeoutMs} ms`);
    }, policy.timeoutMs);
    req.on('response', (res) => {
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > policy.maxResponseBytes) res.destroy();
      });
      const done = () => {
        clearTimeout(timer);
        const status = res.statusCode ?? null;
        if (status !== null && status >= 300 && status < 400)
          finish(status, `redirect (${status}) not followed`);
        else if (status !== null && (status < 200 || status >= 300))
          finish(status, `the receiver answered ${status}`);
        else finish(status, null);
      };
      res.on('end', done);
      res.on('close', done);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${policy.timeoutMs} ms`)));
    req.on('error', (error) => {
      clearTimeout(timer);
      finish(null, error.message);
    });
    req.end(request.body);
  });
}

/** Null when deliveries may go to `url`; else why not, in words. */
export function checkWebhookUrl(
  url: string,
  policy: { allowPrivateNetwork: boolean },
): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must be http(s)';
  if (parsed.username || parsed.password) return 'must not carry credentials';
  if (policy.allowPrivateNetwork) return null;
  if (parsed.protocol !== 'https:') return 'must be https';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'must not be a local address';
  if (
    isIP(host) &&
    /^(127\.|10\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.|0\.|::1$|f[cd]|fe80)/i.test(host)
  )
    return 'must not be a private address';
  return null;
}
