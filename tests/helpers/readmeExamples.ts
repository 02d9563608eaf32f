// The README's `curl` examples followed by a JSON answer, as requests: what
// readmeExamples.test.ts replays against the printed answers and fastGraphQLPath.test.ts
// through both GraphQL executions. `$ADMIN_TOKEN` stands for the test admin token.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { ADMIN_TOKEN } from './tokens.js';

/** A README example: its command and the answer printed after it. */
export interface Example {
  command: string;
  expected: unknown;
}

/** Every `curl` example of the README followed by a JSON answer, in order. */
export function readmeExamples(): Example[] {
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

/** The request a README `curl` command sends, to `baseUrl` instead of localhost:8080. */
export function toRequest(command: string, baseUrl: string): { url: string; init: RequestInit } {
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
