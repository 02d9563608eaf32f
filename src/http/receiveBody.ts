import type { IncomingMessage } from 'node:http';
import typeis from 'type-is';
import { ErrorCode } from '../errors.js';
import { parseJsonBody } from './parseJsonBody.js';
import { BodyRefusal, readBody } from './readBody.js';

/** A request once its body has been received: the bytes, and what they parse to. */
export type RequestWithBody = IncomingMessage & { rawBody?: Buffer; body?: unknown };

/**
 * Receives a request's body before the functions framework would, and leaves it where the
 * framework's own parsers put theirs: `rawBody` (the decoded bytes, as the framework's
 * `verify` hook keeps them) and `body` (JSON parsed; any other type left as bytes, like the
 * framework's catch-all raw parser). The request has then been read to its end, so the
 * framework's body parsers pass it by.
 *
 * Why not let them parse: they read up to 1 GB, inflate compressed bodies without a limit on
 * the inflated size, and keep the last of duplicate JSON keys. Here the limit holds while the
 * bytes arrive, after decompression, and a repeated key is refused. Rejects with a BodyRefusal.
 */
export async function receiveBody(req: RequestWithBody, limit: number): Promise<void> {
  const json = typeis(req, ['application/json', '+json']) !== false;
  const charset = json ? charsetOf(req) : undefined;
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new BodyRefusal(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      `charset ${JSON.stringify(charset)} is not supported: send JSON as utf-8.`,
    );
  }
  const raw = await readBody(req, limit);
  req.rawBody = raw;
  // An empty JSON body is an empty object, as the framework's JSON parser has it.
  if (json) req.body = raw.length === 0 ? {} : parseJsonBody(raw.toString('utf8'));
  else req.body = raw;
}

function charsetOf(req: IncomingMessage): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(req.headers['content-type'] ?? '');
  return match?.[1]?.toLowerCase();
}
