import type { IncomingMessage, ServerResponse } from 'node:http';
import { logger } from './logger.js';
import { traceContextOf, traceLogFields } from './traceContext.js';

/** What the layers of one request learn about it for its log line. */
export interface RequestRecord {
  /** process.hrtime.bigint() when the request reached the process's top-level app. */
  readonly startedAt: bigint;
  /** anonymous, editor or admin (never the token or its fingerprint). */
  viewer?: string;
  /** The GraphQL operation, once resolved: name (null when anonymous) and type. */
  operation?: { name: string | null; type: string };
  /** Codes of the GraphQL errors the answer carries. */
  errorCodes?: string[];
  /** Whether the response cache answered (hit) or will keep the answer if it may (miss). */
  cache?: 'hit' | 'miss';
}

const records = new WeakMap<IncomingMessage, RequestRecord>();

/** Whether the request already has a record (it has been seen by an earlier layer). */
export function hasRecord(req: IncomingMessage): boolean {
  return records.has(req);
}

/** The record of a request, created on first use. */
export function recordOf(req: IncomingMessage): RequestRecord {
  let record = records.get(req);
  if (!record) {
    record = { startedAt: process.hrtime.bigint() };
    records.set(req, record);
  }
  return record;
}

/**
 * Writes one structured line when the response is finished (or the client went away):
 * Cloud Logging's `httpRequest` (method, path, status, latency, size), the trace from the
 * request's headers, the GraphQL operation and error codes, the viewer's role. It records
 * no query string, body, variables, header, token, IP address or user agent: paths name
 * content, everything else may name a person or carry a secret.
 */
export function logRequestWhenDone(
  req: IncomingMessage,
  res: ServerResponse,
  projectId: string | undefined,
): void {
  const record = recordOf(req);
  const write = (aborted: boolean) => {
    const log = logger();
    const status = res.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 || aborted ? 'warn' : 'info';
    if (!log.isLevelEnabled(level)) return;
    const milliseconds = Number(process.hrtime.bigint() - record.startedAt) / 1e6;
    // Express keeps the URL as received in originalUrl; mounted routers rewrite `url`.
    const path = pathOf((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url);
    const size = res.getHeader('content-length');
    const operation = record.operation;
    log[level](
      {
        httpRequest: {
          requestMethod: req.method,
          requestUrl: path,
          status,
          latency: `${(milliseconds / 1000).toFixed(6)}s`,
          ...(size !== undefined ? { responseSize: String(size) } : {}),
        },
        ...(operation
          ? { graphql: { operationName: operation.name, operationType: operation.type } }
          : {}),
        ...(record.errorCodes?.length ? { errorCodes: record.errorCodes } : {}),
        ...(record.viewer ? { viewer: record.viewer } : {}),
        ...(record.cache ? { responseCache: record.cache } : {}),
        ...(aborted ? { aborted: true } : {}),
        ...traceLogFields(traceContextOf(req.headers), projectId),
      },
      `${req.method ?? '?'} ${path} ${aborted ? 'aborted' : status} ${milliseconds.toFixed(1)} ms` +
        (operation ? ` ${operation.type} ${operation.name ?? '(anonymous)'}` : ''),
    );
  };
  // 'close' follows 'finish' on every response, and comes alone when the client went away.
  res.once('close', () => write(!res.writableFinished));
}

// The path only: query strings carry search terms and other user input.
function pathOf(url: string | undefined): string {
  const path = (url ?? '/').split('?', 1)[0]!;
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}
