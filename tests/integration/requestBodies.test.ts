// One small request must never stall an instance: request bodies are received within the body
// limit as they arrive, counted after decompression, and refused as JSON the moment they pass it.
import { constants, createBrotliCompress, createDeflate, createGzip, gzipSync } from 'node:zlib';
import { request, serveApi } from '../helpers/httpServer.js';
import { compressedPadding, postEndlessBody } from '../helpers/hostileBodies.js';
import { sendRaw } from '../helpers/rawHttp.js';

let served: Awaited<ReturnType<typeof serveApi>>;
beforeAll(async () => {
  served = await serveApi({ NODE_ENV: 'production' });
});
afterAll(() => served.close());

// The most memory this process (the server included) held in buffers and on the heap while
// `work` ran, above what it held when it started, in MiB: sampled every few milliseconds, since
// a body being inflated is held until it is complete. (Resident memory would not do: freed
// memory stays resident, so one test would hide the next.)
async function memoryGrowthDuring(work: Promise<unknown>): Promise<number> {
  const held = () => {
    const usage = process.memoryUsage();
    return usage.arrayBuffers + usage.heapUsed;
  };
  const before = held();
  let highest = before;
  const sample = setInterval(() => {
    highest = Math.max(highest, held());
  }, 2);
  try {
    await work;
  } finally {
    clearInterval(sample);
  }
  return (Math.max(highest, held()) - before) / (1 << 20);
}

describe('compressed request bodies', () => {
  it.each([
    ['gzip', 95, () => createGzip({ level: 9 })],
    ['deflate', 95, () => createDeflate({ level: 9 })],
    ['br', 512, () => createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })],
  ])(
    'refuses a %s body that inflates to %i MB with a JSON 413, inflating no more than the limit',
    async (coding, megabytes, compressor) => {
      const body = await compressedPadding(compressor(), megabytes);
      expect(body.length).toBeLessThan(100 * 1024);
      let answer: Awaited<ReturnType<typeof sendRaw>> | undefined;
      const growth = await memoryGrowthDuring(
        sendRaw(
          `${served.url}/graphql`,
          'POST',
          {
            'content-type': 'application/json',
            'content-encoding': coding,
            'content-length': String(body.length),
          },
          body,
        ).then((received) => (answer = received)),
      );
      // Inflating the whole body would have held its inflated size in memory.
      expect(growth).toBeLessThan(32);
      if (!answer) throw new Error('no answer');
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body.toString())).toEqual({
        errors: [
          {
            message: 'The request body is larger than 102400 bytes.',
            extensions: { code: 'PAYLOAD_TOO_LARGE' },
          },
        ],
      });
      expect((await request(`${served.url}/healthz`)).status).toBe(200);
    },
  );

  it('serves a compressed body within the limit', async () => {
    const body = gzipSync(JSON.stringify({ query: '{ concept(slug: "encoder") { slug } }' }));
    const answer = await sendRaw(
      `${served.url}/graphql`,
      'POST',
      {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body,
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString())).toEqual({ data: { concept: { slug: 'encoder' } } });
  });

  it.each([
    [
      'an unknown coding',
      { 'content-encoding': 'zstd' },
      Buffer.from('{}'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'two codings',
      { 'content-encoding': 'gzip, br' },
      gzipSync('{}'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a corrupt gzip body',
      { 'content-encoding': 'gzip' },
      Buffer.from('not gzip at all'),
      400,
      'BAD_REQUEST',
    ],
    [
      'a JSON body in another charset',
      { 'content-type': 'application/json; charset=utf-16' },
      Buffer.from('{}'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ])('answers %s with a JSON error', async (_name, headers, body, status, code) => {
    const answer = await sendRaw(
      `${served.url}/graphql`,
      'POST',
      {
        'content-type': 'application/json',
        ...headers,
      },
      body,
    );
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body.toString()).errors[0].extensions.code).toBe(code);
  });
});

describe('chunked request bodies', () => {
  it('refuses a chunked body as soon as it passes the limit, without waiting for its end', async () => {
    // The body never ends: only an answer given at the limit lets this test finish.
    const answer = await postEndlessBody(`${served.url}/graphql`);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
