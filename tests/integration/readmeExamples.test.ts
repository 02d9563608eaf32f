// Keeps the README true: every `curl` example followed by a JSON answer is replayed, in order,
// against the real function entry, and the answer must equal the one printed (timestamps aside).
// `$ADMIN_TOKEN` in an example stands for the admin token the reader got from `npm start`.
import { TEST_API_TOKENS } from '../helpers/tokens.js';
import { readmeExamples, toRequest } from '../helpers/readmeExamples.js';
import { request, serveRegisteredFunction, type ServedFunction } from '../helpers/httpServer.js';

// Timestamps, webhook ids and secrets differ from run to run; everything else must match exactly.
const normalize = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (_key, v: unknown) => {
    if (typeof v !== 'string') return v;
    if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v)) return '<timestamp>';
    if (/^whsec_[A-Za-z0-9+/]{43}=$/.test(v)) return '<webhook secret>';
    if (/^wh_[A-Za-z0-9_-]{16}$/.test(v)) return '<webhook id>';
    return v;
  });

let server: ServedFunction;
beforeAll(async () => {
  // The entry reads its configuration when imported: give it the test tokens first.
  process.env.API_TOKENS = TEST_API_TOKENS;
  await import('../../src/index.js');
  server = await serveRegisteredFunction('api');
});
afterAll(() => server.close());

const examples = readmeExamples();

describe('README examples', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.map((e) => [e.command.slice(0, 90), e] as const))(
    '%s',
    async (_name, example) => {
      const { url, init } = toRequest(example.command, server.url);
      const answer = await request(url, init);
      expect(normalize(answer.json)).toEqual(normalize(example.expected));
    },
  );
});
