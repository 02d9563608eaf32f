import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A response captured from the API, replayed byte for byte by the baseline servers. */
export interface CannedResponse {
  status: number;
  headers: Record<string, string>;
  bodyBase64: string;
}

/** Canned responses keyed by operation number, as the benchmark runner wrote them. */
export type CannedResponses = Record<string, CannedResponse>;

/**
 * The header naming the benchmark operation a request belongs to: the baselines answer by it
 * without reading the body (three POST operations share one path). The API ignores it.
 */
export const OPERATION_HEADER = 'x-bench-operation';

/**
 * Loads the canned responses named by BENCH_RESPONSES and returns a handler that answers each
 * request with its precomputed bytes (404 for anything else). Bodies are decoded once, here.
 */
export function cannedResponder(): (req: IncomingMessage, res: ServerResponse) => void {
  const file = process.env.BENCH_RESPONSES;
  if (!file) throw new Error('BENCH_RESPONSES must name the canned responses file');
  const canned = JSON.parse(readFileSync(file, 'utf8')) as CannedResponses;
  const prepared = new Map(
    Object.entries(canned).map(([key, response]) => {
      const body = Buffer.from(response.bodyBase64, 'base64');
      const headers = { ...response.headers, 'content-length': String(body.length) };
      return [key, { status: response.status, headers, body }] as const;
    }),
  );
  return (req, res) => {
    const found = prepared.get(String(req.headers[OPERATION_HEADER]));
    if (!found) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.writeHead(found.status, found.headers);
    res.end(found.body);
  };
}
