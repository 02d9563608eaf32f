// README.md's "A typed client" snippets are the marked regions of clients/typescript/examples,
// quoted verbatim; this runs them against the real function.
import { readFileSync } from 'node:fs';
import { MemoryStorage } from '../../clients/typescript/src/index.js';
import { conceptListItems } from '../../clients/typescript/examples/conceptList.js';
import { offlineLessonTitle } from '../../clients/typescript/examples/offlineReading.js';
import { serveApi } from '../helpers/httpServer.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The README region of an example file, as the README shows it (one indentation level less). */
function snippet(path: string): string {
  const body = read(path).split('// README:start\n')[1]!.split('  // README:end')[0]!;
  return body.replace(/^ {2}/gm, '');
}

describe("README's typed client", () => {
  it.each(['conceptList.ts', 'offlineReading.ts', 'webhookDelivery.ts'])(
    'quotes examples/%s verbatim',
    (file) => {
      expect(read('README.md')).toContain(
        `\`\`\`ts\n${snippet(`clients/typescript/examples/${file}`)}\`\`\``,
      );
    },
  );

  it('lists a category in English, and reads a lesson offline once it was synced', async () => {
    const server = await serveApi({});
    const storage = new MemoryStorage();
    let online: { title: string; concepts: string[] };
    try {
      const items = await conceptListItems(server.url, 'llm-types');
      expect(items).toHaveLength(3);
      expect(items[0]).toMatch(/^Dialog-Tuned Model: An LLM trained to carry on a conversation/);
      online = await offlineLessonTitle(server.url, storage, 'introduction-to-llms');
      expect(online.title).toBe('대규모 언어 모델(LLM) 소개');
    } finally {
      await server.close();
    }
    // The API is gone: the kept copy still answers.
    expect(await offlineLessonTitle(server.url, storage, 'introduction-to-llms')).toEqual(online);
  });
});
