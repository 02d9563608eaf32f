// The explorer's example tabs are README examples: each query is one the README sends (and
// whose answer it prints, replayed by readmeExamples.test.ts), so the explorer never offers a
// query the docs dropped or changed.
import { parse } from 'graphql';
import { EXPLORER_EXAMPLES } from '../../explorer/src/examples.js';
import { readmeExamples } from '../helpers/readmeExamples.js';

function readmeQueries(): string[] {
  return readmeExamples().flatMap(({ command }) => {
    const body = /-d '(\{"query".*?\})'/.exec(command)?.[1];
    return body ? [(JSON.parse(body) as { query: string }).query] : [];
  });
}

describe("the explorer's examples", () => {
  it.each(EXPLORER_EXAMPLES.map((example) => [example.name, example.query]))(
    '%s is a README example, verbatim',
    (_name, query) => {
      expect(readmeQueries()).toContain(query);
    },
  );

  it('have distinct operation names that GraphQL accepts', () => {
    const names = EXPLORER_EXAMPLES.map((example) => example.name);
    expect(new Set(names).size).toBe(names.length);
    for (const example of EXPLORER_EXAMPLES) {
      expect(() => parse(`query ${example.name} ${example.query}`)).not.toThrow();
    }
  });
});
