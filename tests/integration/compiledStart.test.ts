// A start on the compiled course (the build's stored documents, adopted, with their large texts
// parsed on first read) answers byte for byte what a start that restores the course commit by
// commit answers, when both are stamped at the same time.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSeedDir } from '../../src/paths.js';
import { writeCompiledSeed } from '../../src/seed/compiledSeed.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { restoreContent } from '../../src/seed/restoreContent.js';
import { seedFileStats } from '../../src/seed/seedFileStats.js';
import { seedFingerprint } from '../../src/seed/seedFingerprint.js';
import { seedMemoryStore } from '../../src/seed/seedMemoryStore.js';
import { finalRecords, storedCourse } from '../../src/seed/storedCourse.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { serveApi } from '../helpers/httpServer.js';
import { recordedAnswers } from '../helpers/recordedAnswers.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

const NOW = new Date('2026-12-04T10:00:00.000Z');

const GETS = [
  '/v1/concepts?limit=100',
  '/v1/concepts/transformer',
  '/v1/concepts/gemini/related',
  '/v1/lessons',
  '/v1/lessons/introduction-to-llms',
  '/v1/lessons/introduction-to-llms/bundle',
  '/v1/search?q=%ED%94%84%EB%A1%AC%ED%94%84%ED%8A%B8',
  '/v1/sync',
];
const QUERIES = [
  '{ concepts(first: 100, locale: EN) { edges { node { slug term summary definition details { title text } examples limitations analogies { domain text caveats mapping { source target } } } } } }',
  '{ lessons { slug title markdown sections { anchor level title markdown concepts { slug } } } }',
  '{ comparisons { slug title rows { label } } }',
  '{ search(query: "transformer", first: 20) { score concept { slug summary } } }',
  '{ events(first: 500) { events { id name rev documentId version locales status actor occurredAt } cursor hasMore } }',
  '{ conceptHistory(slug: "encoder") { version } }',
];

// Each answer's status and body (and ETag), the store's epoch (random, in validators, tokens
// and cursors) and event ids (a hash of it) written as placeholders.
async function answers(url: string, store: MemoryStore): Promise<string[]> {
  const { epoch } = await store.readChanges(0);
  const lines = await recordedAnswers(url, GETS, QUERIES);
  return lines.map((line) =>
    line
      .replace(/eyJ[A-Za-z0-9_-]+/g, (token) =>
        Buffer.from(token, 'base64url').toString().replaceAll(epoch, 'EPOCH'),
      )
      .replaceAll(epoch.slice(0, 8), 'EPOCH')
      .replace(/"id":"evt_[^"]+"/g, '"id":"evt"'),
  );
}

describe('a start on the compiled course', () => {
  it('answers what a start that restores the course answers', async () => {
    const seedDir = defaultSeedDir();
    const bundle = await loadSeedDirectory(seedDir);
    const file = join(await mkdtemp(join(tmpdir(), 'compiled-start-')), 'content.json');
    await writeCompiledSeed(file, {
      fingerprint: await seedFingerprint(seedDir),
      files: await seedFileStats(seedDir),
      documents: await storedCourse(bundle, NOW),
    });
    const compiled = new MemoryStore();
    await seedMemoryStore(compiled, seedDir, file);
    // The compiled path was taken, its lessons' sections still unparsed.
    const lesson = (await compiled.readChanges(0)).documents.find(
      (doc) => doc.collection === 'lessons',
    );
    expect(Object.getOwnPropertyDescriptor(lesson!.data, 'sections')).toHaveProperty('get');
    const restored = new MemoryStore(() => NOW);
    await restoreContent(restored, bundle, finalRecords(bundle, NOW.toISOString()));

    const env = { API_TOKENS: TEST_API_TOKENS };
    const [fromCompiled, fromRestored] = await Promise.all([
      serveApi(env, { store: compiled }),
      serveApi(env, { store: restored }),
    ]);
    try {
      const expected = await answers(fromRestored.url, restored);
      expect(expected.filter((line) => / 200 /.test(line))).toHaveLength(
        GETS.length + QUERIES.length,
      );
      expect(expected.join('\n')).toContain('EPOCH');
      expect(await answers(fromCompiled.url, compiled)).toEqual(expected);
    } finally {
      await fromCompiled.close();
      await fromRestored.close();
    }
  });
});
