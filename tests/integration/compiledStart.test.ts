// A start on the compiled course (the build's stored documents, adopted, with their large texts
// parsed on first read) answers byte for byte what a start that restores the course commit by
// commit answers, when both are stamped at the same time.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSeedDir } from '../../src/paths.js';
import { relativeSeedDir, writeCompiledSeed } from '../../src/seed/compiledSeed.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { restoreContent } from '../../src/seed/restoreContent.js';
import { seedFileStats } from '../../src/seed/seedFileStats.js';
import { seedFingerprint } from '../../src/seed/seedFingerprint.js';
import { seedMemoryStore } from '../../src/seed/seedMemoryStore.js';
import { finalRecords, storedCourse } from '../../src/seed/storedCourse.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { serveApi } from '../helpers/httpServer.js';
import { recordedAnswers, START_GETS, START_QUERIES } from '../helpers/recordedAnswers.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

const NOW = new Date('2026-12-04T10:00:00.000Z');

// The start corpus, and the outbox (events exist only when read back: see MemoryStore.adopt).
const QUERIES = [
  ...START_QUERIES,
  '{ events(first: 500) { events { id name rev documentId version locales status actor occurredAt } cursor hasMore } }',
];

// Each answer's status and body (and ETag), the store's epoch (random, in validators, tokens
// and cursors) and event ids (a hash of it) written as placeholders. Event ids go first, and a
// token is a whole base64url run beginning with `eyJ` (`{"` encoded): an event id that held
// "eyJ" by chance (about one run in a hundred) was decoded as a token, into garbage.
async function answers(url: string, store: MemoryStore): Promise<string[]> {
  const { epoch } = await store.readChanges(0);
  const lines = await recordedAnswers(url, START_GETS, QUERIES);
  return lines.map((line) =>
    line
      .replace(/"id":"evt_[^"]+"/g, '"id":"evt"')
      .replace(/(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]+/g, (token) =>
        Buffer.from(token, 'base64url').toString().replaceAll(epoch, 'EPOCH'),
      )
      .replaceAll(epoch.slice(0, 8), 'EPOCH'),
  );
}

describe('a start on the compiled course', () => {
  it('answers what a start that restores the course answers', async () => {
    const seedDir = defaultSeedDir();
    const bundle = await loadSeedDirectory(seedDir);
    const file = join(await mkdtemp(join(tmpdir(), 'compiled-start-')), 'content.json');
    await writeCompiledSeed(file, {
      fingerprint: await seedFingerprint(seedDir),
      files: seedFileStats(seedDir),
      compiledFrom: relativeSeedDir(file, seedDir)!,
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
        START_GETS.length + QUERIES.length,
      );
      expect(expected.join('\n')).toContain('EPOCH');
      expect(await answers(fromCompiled.url, compiled)).toEqual(expected);
    } finally {
      await fromCompiled.close();
      await fromRestored.close();
    }
  });
});
