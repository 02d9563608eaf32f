import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { AppError, ErrorCode, type Issue } from '../errors.js';

/** Why a request body was refused: the code (its status comes from HTTP_STATUS) and message. */
export class BodyRefusal extends AppError {
  override readonly name = 'BodyRefusal';
  /** True when the client is gone (nothing can be answered). */
  readonly aborted: boolean;

  constructor(
    code: ErrorCode,
    message: string,
    options: { aborted?: boolean; issues?: Issue[] } = {},
  ) {
    super(code, message, options.issues ?? []);
    this.aborted = options.aborted ?? false;
  }
}

// The content codings a body may arrive in (those Node decodes without a native add-on).
const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** The refusal of a body over `limit` bytes, counted after decompression. */
export function tooLarge(limit: number): BodyRefusal {
  return new BodyRefusal(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `The request body is larger than ${limit} bytes.`,
  );
}

/**
 * Reads a request body, decoding its Content-Encoding (gzip, deflate, br), and never holds
 * more than `limit` bytes of it: the bytes received and the bytes decoded are both counted as
 * they arrive, and reading stops at the first byte over the limit. A small compressed body that
 * inflates to gigabytes therefore costs at most `limit` bytes of memory and the CPU time to
 * inflate that much. Rejects with a BodyRefusal; the rest of a refused body is left unread
 * (the caller drains it while answering).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const coding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const makeDecoder = coding === 'identity' || coding === '' ? undefined : DECODERS[coding];
  if (coding !== 'identity' && coding !== '' && !makeDecoder) {
    return Promise.reject(
      new BodyRefusal(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        `Content-Encoding ${JSON.stringify(coding)} is not supported: send gzip, deflate, br or none.`,
      ),
    );
  }
  const decoder = makeDecoder?.();
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let decoded = 0;
    let settled = false;

    const finish = (error: BodyRefusal | undefined) => {
      if (settled) return;
      settled = true;
      req.off('data', countReceived);
      if (decoder) {
        req.unpipe(decoder);
        decoder.destroy();
      }
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, decoded));
    };
    function countReceived(chunk: Buffer) {
      received += chunk.length;
      if (received > limit) finish(tooLarge(limit));
    }
    const keep = (chunk: Buffer) => {
      if (settled) return;
      decoded += chunk.length;
      if (decoded > limit) finish(tooLarge(limit));
      else chunks.push(chunk);
    };
    const gone = () =>
      finish(
        new BodyRefusal(ErrorCode.BAD_REQUEST, 'The request body could not be read.', {
          aborted: true,
        }),
      );

    req.on('error', gone);
    req.on('close', () => {
      if (!req.complete) gone();
    });
    if (decoder) {
      // Compressed bytes count against the limit too (a body may not compress at all).
      req.on('data', countReceived);
      decoder.on('data', keep);
      decoder.on('end', () => finish(undefined));
      decoder.on('error', () =>
        finish(
          new BodyRefusal(ErrorCode.BAD_REQUEST, `The request body is not valid ${coding} data.`),
        ),
      );
      req.pipe(decoder);
    } else {
      req.on('data', keep);
      req.on('end', () => finish(undefined));
    }
  });
}
