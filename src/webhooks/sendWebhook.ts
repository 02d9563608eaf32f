import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { checkTargetUrl } from './checkWebhookUrl.js';
import { describeSendError, describeStatus } from './describeSendError.js';

/** Whether a URL may be registered as a webhook (see checkWebhookUrl.ts): beside the sender it guards. */
export { checkWebhookUrl } from './checkWebhookUrl.js';

/** How a delivery may be sent. */
export interface SendPolicy {
  /** The whole exchange (connect, TLS, headers, body) must finish within this. */
  timeoutMs: number;
  /** The response body is read up to this many bytes, then the connection is dropped. */
  maxResponseBytes: number;
  /** True only in development and tests: http and loopback/private receivers allowed. */
  allowPrivateNetwork: boolean;
}

/** How one try went. Never an exception: receivers are outside our control. */
export interface SendResult {
  /** The receiver's HTTP status; null when no answer came. */
  statusCode: number | null;
  /** Why it failed, in words (no stack); null when ok. */
  error: string | null;
  latencyMs: number;
  /** A 2xx within the timeout. */
  ok: boolean;
}

// The response body is kept only for an excerpt in the error of a non-2xx answer.
const KEPT_BODY_BYTES = 1024;

// One agent pair per policy. Each checks the address a connection goes to after DNS
// resolution, at connect time, so a name that resolves to a public address when the webhook
// is registered and to an internal one later (DNS rebinding) is still refused. No keep-alive:
// every delivery gets its own connection, and nothing lingers between receivers.
const agents = {
  public: {
    http: new RequestFilteringHttpAgent({ keepAlive: false }),
    https: new RequestFilteringHttpsAgent({ keepAlive: false }),
  },
  private: {
    http: new RequestFilteringHttpAgent({ keepAlive: false, allowPrivateIPAddress: true }),
    https: new RequestFilteringHttpsAgent({ keepAlive: false, allowPrivateIPAddress: true }),
  },
};

/**
 * POSTs one delivery to a receiver and says how it went. The URL is checked first (scheme,
 * credentials, literal addresses) and every address connected to is checked again after DNS
 * resolution. Redirects are not followed. At most `maxResponseBytes` of the answer are read,
 * and the whole exchange is cut at `timeoutMs` (a slow-dripping receiver cannot hold the
 * function). Resolves in every case, with `error` saying what went wrong.
 */
export function sendWebhook(
  request: { url: string; headers: Record<string, string>; body: string },
  policy: SendPolicy,
): Promise<SendResult> {
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  const refused = checkTargetUrl(request.url, policy);
  if (refused !== null) {
    return Promise.resolve({
      statusCode: null,
      error: `refused before sending: ${refused}`,
      latencyMs: latencyMs(),
      ok: false,
    });
  }
  const url = new URL(request.url);
  const body = Buffer.from(request.body, 'utf8');
  const pair = policy.allowPrivateNetwork ? agents.private : agents.public;

  return new Promise<SendResult>((resolve) => {
    let phase = 'connecting';
    let statusCode: number | null = null;
    let settled = false;
    let response: IncomingMessage | undefined;

    const finish = (error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Destroying drops the socket whatever state it is in: a receiver still sending gets cut.
      response?.destroy();
      req?.destroy();
      resolve({ statusCode, error, latencyMs: latencyMs(), ok: error === null });
    };
    const timer = setTimeout(
      () => finish(`no complete answer within ${policy.timeoutMs} ms (timed out ${phase})`),
      policy.timeoutMs,
    );

    let req: ReturnType<typeof httpRequest> | undefined;
    try {
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      req = send(url, {
        method: 'POST',
        agent: url.protocol === 'https:' ? pair.https : pair.http,
        headers: { ...request.headers, 'content-length': String(body.length) },
      });
    } catch (error) {
      // Node refuses some header values synchronously: still a result, not an exception.
      finish(describeSendError(error, url.host));
      return;
    }
    req.on('error', (error) => finish(describeSendError(error, url.host)));
    req.on('socket', (socket) => {
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
        if (phase === 'connecting') phase = 'waiting for the response';
      });
    });
    req.on('response', (res) => {
      response = res;
      statusCode = res.statusCode ?? null;
      phase = 'reading the response body';
      const kept: Buffer[] = [];
      let keptBytes = 0;
      let received = 0;
      const answered = () =>
        finish(
          describeStatus(
            res.statusCode ?? 0,
            res.headers.location,
            Buffer.concat(kept).toString('utf8'),
          ),
        );
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (keptBytes < KEPT_BODY_BYTES) {
          kept.push(chunk.subarray(0, KEPT_BODY_BYTES - keptBytes));
          keptBytes += Math.min(chunk.length, KEPT_BODY_BYTES - keptBytes);
        }
        // Enough: the status is known, the rest of a huge answer is not worth waiting for.
        if (received >= policy.maxResponseBytes) answered();
      });
      res.on('end', answered);
      res.on('error', (error) => finish(describeSendError(error, url.host)));
      res.on('close', () => {
        if (!res.complete) finish(`${url.host} closed the connection before the answer ended`);
      });
    });
    req.end(body);
  });
}
