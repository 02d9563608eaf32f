import type { IncomingHttpHeaders } from 'node:http';

/** The trace a request belongs to, as the load balancer or the caller propagated it. */
export interface TraceContext {
  /** 32 lowercase hex digits. */
  traceId: string;
  /** 16 lowercase hex digits, when the caller named its span. */
  spanId?: string;
  sampled?: boolean;
}

// W3C Trace Context: version-traceid-parentid-flags (https://www.w3.org/TR/trace-context/).
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
// Google's legacy header: TRACE_ID/SPAN_ID;o=OPTIONS, the span id in decimal.
const CLOUD_TRACE = /^([0-9a-fA-F]{32})(?:\/(\d{1,20}))?(?:;o=([0-9]+))?$/;
const ALL_ZERO = /^0+$/;

/**
 * Reads the trace from `traceparent` (preferred: the W3C standard Cloud Run forwards) or
 * `X-Cloud-Trace-Context`. Malformed or all-zero ids are ignored, never echoed.
 */
export function traceContextOf(headers: IncomingHttpHeaders): TraceContext | undefined {
  const parent = single(headers.traceparent)?.trim().toLowerCase();
  const w3c = parent ? TRACEPARENT.exec(parent) : null;
  if (w3c && w3c[1] !== 'ff' && !ALL_ZERO.test(w3c[2]!) && !ALL_ZERO.test(w3c[3]!)) {
    return {
      traceId: w3c[2]!,
      spanId: w3c[3]!,
      sampled: (Number.parseInt(w3c[4]!, 16) & 1) === 1,
    };
  }
  const legacy = single(headers['x-cloud-trace-context'])?.trim();
  const google = legacy ? CLOUD_TRACE.exec(legacy) : null;
  if (google && !ALL_ZERO.test(google[1]!)) {
    const span = google[2] ? BigInt(google[2]) : 0n;
    return {
      traceId: google[1]!.toLowerCase(),
      ...(span > 0n && span < 2n ** 64n ? { spanId: span.toString(16).padStart(16, '0') } : {}),
      ...(google[3] !== undefined ? { sampled: (Number(google[3]) & 1) === 1 } : {}),
    };
  }
  return undefined;
}

/**
 * The special fields by which Cloud Logging links an entry to its trace
 * (`projects/PROJECT/traces/ID` when the project is known, else the bare id).
 */
export function traceLogFields(
  trace: TraceContext | undefined,
  projectId: string | undefined,
): Record<string, unknown> {
  if (!trace) return {};
  return {
    'logging.googleapis.com/trace': projectId
      ? `projects/${projectId}/traces/${trace.traceId}`
      : trace.traceId,
    ...(trace.spanId ? { 'logging.googleapis.com/spanId': trace.spanId } : {}),
    ...(trace.sampled !== undefined
      ? { 'logging.googleapis.com/trace_sampled': trace.sampled }
      : {}),
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
