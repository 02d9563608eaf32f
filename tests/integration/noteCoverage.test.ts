// "Every statement of the lesson note must be reachable through the API": split the original
// note into statements and find each one in the Korean lesson as served over GraphQL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import '../../src/index.js';
import { plainText } from '../../src/markdown/visitBlocks.js';
import { splitSections } from '../../src/markdown/splitSections.js';
import { projectRoot } from '../../src/paths.js';
import { graphql, serveRegisteredFunction, type ServedFunction } from '../helpers/httpServer.js';

const NOTE = join(projectRoot(), 'seed', 'source', '000_d7366607ff1db3ac.txt');

let server: ServedFunction;
beforeAll(async () => {
  server = await serveRegisteredFunction('api');
});
afterAll(() => server.close());

const SPANS = 'spans { text }';
const BLOCK = (inner: string) =>
  `type ${SPANS} image { alt } table { header { ${SPANS} } rows { cells { ${SPANS} } } } items { ${SPANS} blocks { ${inner} } } blocks { ${inner} }`;
// Two levels of nested blocks: the course nests lists once (deeper would be over the cost limit).
const BLOCKS = BLOCK(BLOCK('type'));

function collectText(value: unknown, out: string[]): void {
  if (Array.isArray(value)) value.forEach((v) => collectText(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'text' || key === 'alt' || key === 'title') && typeof v === 'string')
        out.push(v);
      else collectText(v, out);
    }
  }
}

// Statements of the note: its lines of plain text, table cells split at their "\-" bullets.
function noteStatements(): string[] {
  const note = readFileSync(NOTE, 'utf8');
  const document = splitSections(note);
  const text = document.sections.map((s) => `${s.title}\n${plainText(s.blocks)}`).join('\n');
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?:^|\s)-\s*/))
    .map((line) => line.replace(/\*/g, '').trim())
    .filter((line) => line.length > 1);
}

const squash = (text: string) => text.replace(/[\s*]/g, '');

describe('the lesson note, statement by statement', () => {
  it("serves the note's title line as the lesson number and English title", async () => {
    const title = splitSections(readFileSync(NOTE, 'utf8')).title;
    const answer = await graphql<any>(
      server.url,
      '{ lesson(slug: "introduction-to-llms", locale: EN) { number title } }',
    );
    const { number, title: served } = answer.data.lesson;
    expect(`${String(number).padStart(2, '0')}_${served}`).toBe(title);
  });

  it('has every statement of the note in the served Korean lesson', async () => {
    const answer = await graphql<any>(
      server.url,
      `{ lesson(slug: "introduction-to-llms", locale: KO) { title sections { title blocks { ${BLOCKS} } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const served: string[] = [];
    collectText(answer.data.lesson, served);
    const haystack = squash(served.join('\n'));
    const statements = noteStatements();
    expect(statements.length).toBeGreaterThan(60);
    const missing = statements.filter((statement) => !haystack.includes(squash(statement)));
    expect(missing).toEqual([]);
  });
});
