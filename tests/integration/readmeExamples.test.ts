// Keeps the README true: every `curl` example followed by a JSON answer is replayed, in order,
// against the real function entry, and the answer must equal the one printed (timestamps aside).
// `$ADMIN_TOKEN` in an example stands for the admin token the reader got from `npm start`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { ADMIN_TOKEN, TEST_API_TOKENS } from '../helpers/tokens.js';
import { request, serveRegisteredFunction, type ServedFunction } from '../helpers/httpServer.js';

interface Example {
  command: string;
  expected: unknown;
}

function readmeExamples(): Example[] {
  const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({
    lang: m[1],
    body: m[2]!,
  }));
  const examples: Example[] = [];
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (
      block.lang === 'sh' &&
      block.body.trimStart().startsWith('curl ') &&
      next?.lang === 'json'
    ) {
      examples.push({
        command: block.body.replace(/\\\n/g, ' ').trim(),
        expected: JSON.parse(next.body),
      });
    }
  });
  return examples;
}

const SHELL_VARIABLES: Record<string, string> = { ADMIN_TOKEN };

// Splits a shell command line: whitespace separates words, single quotes quote literally,
// double quotes quote with $VARIABLE expansion.
function shellWords(command: string): string[] {
  const words: string[] = [];
  let current: string | null = null;
  for (let i = 0; i < command.length; i++) {
    const char = command[i]!;
    if (char === "'") {
      const end = command.indexOf("'", i + 1);
      current = (current ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (char === '"') {
      const end = command.indexOf('"', i + 1);
      const quoted = command
        .slice(i + 1, end)
        .replace(/\$(\w+)/g, (_, name: string) => SHELL_VARIABLES[name] ?? '');
      current = (current ?? '') + quoted;
      i = end;
    } else if (/\s/.test(char)) {
      if (current !== null) words.push(current);
      current = null;
    } else {
      current = (current ?? '') + char;
    }
  }
  if (current !== null) words.push(current);
  return words;
}

function toRequest(command: string, baseUrl: string): { url: string; init: RequestInit } {
  const words = shellWords(command).slice(1);
  const headers: Record<string, string> = {};
  let body: string | undefined;
  let target = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-s') continue;
    if (word === '-H') {
      const [name, ...value] = words[++i]!.split(':');
      headers[name!.trim()] = value.join(':').trim();
    } else if (word === '-d') body = words[++i];
    else target = word;
  }
  const path = target.replace(/^localhost:8080/, '');
  return {
    url: `${baseUrl}${path}`,
    init: { method: body === undefined ? 'GET' : 'POST', headers, body },
  };
}

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
