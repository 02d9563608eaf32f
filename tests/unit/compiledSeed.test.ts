// The compiled seed stands in for the seed directory only while it is the directory it was
// compiled from: the same file stats, or else the same content hash; in a build trusted as one
// (production), the same directory.
import { isAscii } from 'node:buffer';
import {
  cp,
  mkdtemp,
  readFile,
  stat,
  symlink,
  truncate,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../src/domain/bundle.js';
import { defaultSeedDir } from '../../src/paths.js';
import {
  loadSeedContent,
  readCompiledSeedHead,
  relativeSeedDir,
  writeCompiledSeed,
  type CompiledSeed,
  type SeedContent,
} from '../../src/seed/compiledSeed.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { seedFileStats } from '../../src/seed/seedFileStats.js';
import { seedFingerprint } from '../../src/seed/seedFingerprint.js';
import { storedCourse } from '../../src/seed/storedCourse.js';
import type { StoredDocument } from '../../src/store/contentStore.js';
import { isDeferredField } from '../../src/store/deferredFields.js';
import { DEFERRED_FIELDS } from '../../src/store/deferredTexts.js';
import { applyChanges } from '../../src/content/applyChanges.js';
import { ContentIndex } from '../../src/content/contentIndex.js';
import { emptyDocumentSet, type DocumentSet } from '../../src/content/entries.js';
import { visibilityDependencies } from '../../src/content/publicView.js';
import type { Concept } from '../../src/domain/concept.js';
import { OutdatedTranslations } from '../../src/content/outdatedTranslations.js';
import { createLogger, useLogger } from '../../src/observability/logger.js';

// A marker only the compiled copy has, to see which one was used.
const MARKER = [{ collection: 'categories', id: 'compiled-only' }] as StoredDocument[];

// A copy of the shipped seed to edit, and a compiled file that says it came from it.
async function compiledCopy() {
  const dir = await mkdtemp(join(tmpdir(), 'compiled-seed-'));
  const seedDir = join(dir, 'seed');
  await cp(defaultSeedDir(), seedDir, { recursive: true });
  const file = join(dir, 'content.json');
  const compiled: CompiledSeed = {
    fingerprint: await seedFingerprint(seedDir),
    files: seedFileStats(seedDir),
    compiledFrom: relativeSeedDir(file, seedDir)!,
    documents: MARKER,
  };
  await writeCompiledSeed(file, compiled);
  return { seedDir, file, compiled };
}

const parsed = loadSeedDirectory(defaultSeedDir());

// A compiled copy of the whole course, stored as the build stores it.
async function compiledCourse() {
  const copy = await compiledCopy();
  const documents = await storedCourse(await parsed, new Date('2026-12-04T10:00:00.000Z'));
  await writeCompiledSeed(copy.file, { ...copy.compiled, documents });
  return { ...copy, documents };
}

const documentsOf = (seed: SeedContent) => ('documents' in seed ? seed.documents : []);

// Edits a file of the copy (its mtime moves, as any edit moves it).
async function editEncoder(seedDir: string) {
  const path = join(seedDir, 'concepts', 'encoder.yaml');
  const before = await stat(path);
  await writeFile(
    path,
    (await readFile(path, 'utf8')).replace('  en: Encoder\n', '  en: EnCoder\n'),
  );
  await utimes(path, before.atime, new Date(before.mtimeMs + 1000));
}

describe('loadSeedContent', () => {
  it('uses the compiled documents while the files have the stats they were compiled with', async () => {
    const { seedDir, file, compiled } = await compiledCopy();
    expect(await loadSeedContent(seedDir, file)).toEqual({ documents: MARKER });
    // The stats alone decide here: a fingerprint that cannot match is not consulted.
    await writeCompiledSeed(file, { ...compiled, fingerprint: 'not consulted' });
    expect(await loadSeedContent(seedDir, file)).toEqual({ documents: MARKER });
  });

  it('hashes the files when their stats differ, and uses the compiled documents if the content is the same', async () => {
    const { seedDir, file } = await compiledCopy();
    // A deploy that copies the files resets their mtimes: same content, other stats.
    const later = new Date(Date.now() + 60_000);
    await utimes(join(seedDir, 'concepts', 'encoder.yaml'), later, later);
    expect(await loadSeedContent(seedDir, file)).toEqual({ documents: MARKER });
  });

  it('parses the directory when a file was edited, also to the same size', async () => {
    const { seedDir, file } = await compiledCopy();
    const path = join(seedDir, 'concepts', 'encoder.yaml');
    const text = await readFile(path, 'utf8');
    const edited = text.replace('  en: Encoder\n', '  en: EnCoder\n');
    expect(edited).not.toBe(text);
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    const before = await stat(path);
    await writeFile(path, edited);
    // The same size; the mtime moves (as any edit moves it): stats differ, so the hash decides.
    await utimes(path, before.atime, new Date(before.mtimeMs + 1000));
    const seed = await loadSeedContent(seedDir, file);
    expect(seed).not.toHaveProperty('documents');
    const concepts = 'bundle' in seed ? seed.bundle.concepts : [];
    expect(concepts.find((concept) => concept.slug === 'encoder')?.term.en).toBe('EnCoder');
  });

  it('in a trusted build, uses the compiled documents of the directory without looking at its files', async () => {
    const { seedDir, file, compiled } = await compiledCopy();
    await editEncoder(seedDir);
    // Neither the stats (a file was edited) nor the hash (it cannot match) would pass.
    await writeCompiledSeed(file, { ...compiled, fingerprint: 'not consulted' });
    expect(await loadSeedContent(seedDir, file)).not.toHaveProperty('documents');
    const trusted = { trustBuild: true };
    expect(await loadSeedContent(seedDir, file, trusted)).toEqual({ documents: MARKER });
    // The same directory through a link (as a deploy may name it) is the same directory.
    const link = join(seedDir, '..', 'linked-seed');
    await symlink(seedDir, link);
    expect(await loadSeedContent(link, file, trusted)).toEqual({ documents: MARKER });
  });

  it('in a trusted build, checks a directory it was not compiled from as any start does', async () => {
    const { seedDir, file, compiled } = await compiledCopy();
    const other = join(seedDir, '..', 'other-seed');
    await cp(seedDir, other, { recursive: true });
    const trusted = { trustBuild: true };
    // Other stats (the copy's mtimes), the same content: the hash decides.
    expect(await loadSeedContent(other, file, trusted)).toEqual({ documents: MARKER });
    await writeCompiledSeed(file, { ...compiled, fingerprint: 'stale' });
    expect(await loadSeedContent(other, file, trusted)).toEqual({ bundle: await parsed });
    // A compiled file that names no directory (or one that is gone) is checked too.
    await writeCompiledSeed(file, { ...compiled, compiledFrom: '' });
    await editEncoder(seedDir);
    expect(await loadSeedContent(seedDir, file, trusted)).not.toHaveProperty('documents');
  });

  it('parses the directory without a compiled copy, or with one of another directory', async () => {
    const { seedDir, file, compiled } = await compiledCopy();
    expect(await loadSeedContent(seedDir, join(seedDir, 'missing.json'))).toEqual({
      bundle: await parsed,
    });
    await writeCompiledSeed(file, {
      ...compiled,
      files: { paths: '', sizes: [], mtimes: [] },
      fingerprint: 'stale',
    });
    expect(await loadSeedContent(seedDir, file)).toEqual({ bundle: await parsed });
    // A compiled file of the format before stored documents (bundle and records) is not used.
    await writeFile(file, JSON.stringify({ fingerprint: compiled.fingerprint, bundle: {} }));
    expect(await loadSeedContent(seedDir, file)).toEqual({ bundle: await parsed });
  });

  it('reads back the stored documents byte for byte, their large texts parsed on first read', async () => {
    const { seedDir, file, documents } = await compiledCourse();
    const read = documentsOf(await loadSeedContent(seedDir, file));
    const lesson = read.find((doc) => doc.collection === 'lessons')!.data!;
    expect(Object.getOwnPropertyDescriptor(lesson, 'sections')).toHaveProperty('get');
    expect(Object.getOwnPropertyDescriptor(lesson, 'slug')?.value).toBeDefined();
    // Same keys in the same order, same values (JSON.stringify reads the deferred fields).
    expect(JSON.stringify(read)).toBe(JSON.stringify(documents));
    // Written in ASCII (see asciiJson), though the course is Korean.
    expect(isAscii(await readFile(file))).toBe(true);
    expect(structuredClone(read)).toEqual(documents);
  });

  it('reads each large text from the texts file it started with, also after a rebuild replaced it', async () => {
    const { seedDir, file, compiled, documents } = await compiledCourse();
    const read = documentsOf(await loadSeedContent(seedDir, file));
    // A rebuild of other content (each concept's summary changed) while this start serves.
    const rebuilt = documents.map((doc) =>
      doc.collection === 'concepts'
        ? { ...doc, data: { ...doc.data, summary: { ko: '다시 빌드됨' } } }
        : doc,
    ) as StoredDocument[];
    await writeCompiledSeed(file, { ...compiled, documents: rebuilt });
    expect(JSON.stringify(read)).toBe(JSON.stringify(documents));
    const again = documentsOf(await loadSeedContent(seedDir, file));
    expect(JSON.stringify(again)).toBe(JSON.stringify(rebuilt));
  });

  it('parses the directory when the texts file is not the one compiled with it', async () => {
    const { seedDir, file } = await compiledCourse();
    const texts = file.replace(/\.json$/, '.texts');
    const whole = await readFile(texts);
    await writeFile(texts, whole.subarray(0, whole.length - 1));
    expect(await loadSeedContent(seedDir, file)).toEqual({ bundle: await parsed });
  });

  it('keeps current translation records aside, read by no start and no first English answer', async () => {
    const copy = await compiledCopy();
    const stored = await storedCourse(await parsed, new Date('2026-12-04T10:00:00.000Z'));
    // One concept's English made outdated by a write of its Korean (its record then holds the
    // Korean the English was made from, and `since`).
    const outdated = stored.find((doc) => doc.collection === 'concepts' && doc.translations)!;
    const [path, record] = Object.entries(outdated.translations!)[0]!;
    const documents = stored.map((doc) =>
      doc === outdated
        ? {
            ...doc,
            translations: {
              ...doc.translations,
              [path]: { ...record, ko: '0123456789abcdef', since: '2026-12-05' },
            },
          }
        : doc,
    );
    await writeCompiledSeed(copy.file, { ...copy.compiled, documents });
    const read = documentsOf(await loadSeedContent(copy.seedDir, copy.file));
    // (`in`, not a read: reading a deferred field makes it.)
    const withRecords = read.filter((doc) => 'translations' in doc);
    const deferred = withRecords.filter((doc) => isDeferredField(doc, 'translations'));
    // Aside beside the data's own deferred texts; a relation's or a category's few hashes stay
    // in place (deferring them alone would cost a start a copy of the document).
    const besideTexts = withRecords.filter((doc) => DEFERRED_FIELDS[doc.collection]);
    const inPlace = withRecords.filter((doc) => !DEFERRED_FIELDS[doc.collection]);
    // (Compared by key: comparing the documents would read, and so make, their records.)
    const keyOf = (doc: StoredDocument) => `${doc.collection}/${doc.id}`;
    expect(deferred.map(keyOf)).toEqual(
      besideTexts.filter((doc) => doc.id !== outdated.id).map(keyOf),
    );
    expect(inPlace.map((doc) => doc.collection)).toContain('relations');
    for (const doc of inPlace) {
      expect(isDeferredField(doc, 'translations')).toBe(false);
      const original = stored.find((other) => keyOf(other) === keyOf(doc))!;
      expect(doc.translations).toEqual(original.translations);
    }
    // Every entry keeps its document's records as they are: deferred, or in place.
    const set = applyChanges(emptyDocumentSet(), read);
    const entries = COLLECTIONS.flatMap((collection) => [...set[collection].values()]);
    const entryDeferred = entries.filter((entry) => isDeferredField(entry, 'translations'));
    expect(entryDeferred.length).toBe(deferred.length);
    // With the texts file emptied, reading any deferred field fails (but the outdated concept's,
    // read before): finding the outdated English, as the first English answer does, reads
    // no other document's, and finds the one.
    const outdatedEntry = set.concepts.get(outdated.id)!;
    expect(JSON.stringify(outdatedEntry)).toContain(`"${path}"`);
    await truncate(copy.file.replace(/\.json$/, '.texts'), 0);
    expect(new OutdatedTranslations(set).has(outdatedEntry.term)).toBe(true);
    const fetchedLate = entryDeferred.find((entry) => entry !== outdatedEntry)!;
    expect(() => fetchedLate.translations).toThrow('compiled texts have no bytes');
  });

  it('views every concept from the links its build kept, its analogies and sources unread', async () => {
    const copy = await compiledCopy();
    const stored = await storedCourse(await parsed, new Date('2026-12-04T10:00:00.000Z'));
    // A concept another's analogy links made a draft, and the lesson the concepts cite: the
    // published views then leave those links out, the preview's keep them.
    const linkOf = (doc: StoredDocument) =>
      (doc.data as Concept).analogies.flatMap((a) => a.mapping).find((pair) => pair.concept);
    const linking = stored.find((doc) => doc.collection === 'concepts' && linkOf(doc))!;
    const linked = linkOf(linking)!.concept!;
    const cited = (linking.data as Concept).sources[0]!.lesson;
    const drafts = new Set([`concepts/${linked}`, `lessons/${cited}`]);
    const documents = stored.map((doc) =>
      drafts.has(`${doc.collection}/${doc.id}`)
        ? ({ ...doc, data: { ...doc.data, status: 'DRAFT' } } as StoredDocument)
        : doc,
    );
    await writeCompiledSeed(copy.file, { ...copy.compiled, documents });
    const plain = applyChanges(emptyDocumentSet(), documents);
    const compiled = async () =>
      applyChanges(emptyDocumentSet(), documentsOf(await loadSeedContent(copy.seedDir, copy.file)));
    const [published, preview] = [await compiled(), await compiled()];
    // The same views as the documents' own fields give, links left out and all.
    const views = (set: DocumentSet) => JSON.stringify(new ContentIndex(set, false).concepts);
    expect(views(published)).toBe(views(plain));
    const view = new ContentIndex(published, false).concept(linking.id)!;
    expect(JSON.stringify(view.analogies)).not.toContain(`"concept":"${linked}"`);
    expect(view.sources).toEqual([]);
    for (const concept of published.concepts.values()) {
      expect(visibilityDependencies('concepts', concept)).toEqual(
        visibilityDependencies('concepts', plain.concepts.get(concept.slug)!),
      );
    }
    // With the texts file emptied, reading any deferred field fails: the preview, which hides
    // nothing, views every concept (as the entry itself) without reading one.
    await truncate(copy.file.replace(/\.json$/, '.texts'), 0);
    const previewIndex = new ContentIndex(preview, true);
    expect(previewIndex.concepts.length).toBe(preview.concepts.size);
    for (const concept of previewIndex.concepts) {
      expect(concept).toBe(preview.concepts.get(concept.slug));
    }
    expect(() => preview.concepts.get(linking.id)!.analogies).toThrow(
      'compiled texts have no bytes',
    );
  });

  it('parses the directory when the documents name other deferred fields than the file holds', async () => {
    const { seedDir, file } = await compiledCourse();
    const [head, ...documents] = (await readFile(file, 'latin1')).split('\n');
    const written = JSON.parse(head!) as { bounds: number[] };
    const fewer = JSON.stringify({ ...written, bounds: written.bounds.slice(0, -1) });
    await writeFile(file, [fewer, ...documents].join('\n'));
    expect(await loadSeedContent(seedDir, file)).toEqual({ bundle: await parsed });
  });

  it('writes a head line, then a line per document; a file cut short or damaged is not used', async () => {
    const { seedDir, file, documents } = await compiledCourse();
    const whole = await readFile(file, 'latin1');
    const lines = whole.split('\n');
    // The head, a line per document, and the newline that ends the last.
    expect(lines.length).toBe(documents.length + 2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 4, documents: documents.length });
    expect(readCompiledSeedHead(file)).toEqual(JSON.parse(lines[0]!));
    expect(lines.at(-1)).toBe('');
    const warned: string[] = [];
    const previousLogger = useLogger(
      createLogger('warn', {
        write: (line: string) =>
          void warned.push((JSON.parse(line) as { message: string }).message),
      }),
    );
    try {
      // Cut after a whole line (one document fewer than the head names), and inside one.
      const lastLine = whole.lastIndexOf('\n', whole.length - 2) + 1;
      for (const cut of [lastLine, lastLine + 10]) {
        await writeFile(file, whole.slice(0, cut), 'latin1');
        expect(await loadSeedContent(seedDir, file)).toEqual({ bundle: await parsed });
      }
      // A line that is not JSON.
      await writeFile(file, whole.replace('{"collection":"lessons"', '{"collection":lessons'));
      expect(await loadSeedContent(seedDir, file)).toEqual({ bundle: await parsed });
      expect(warned).toEqual(Array(3).fill(`compiled course ${file} is damaged: not used`));
      // Whole again, it is used (the same bytes: nothing else was in the way).
      await writeFile(file, whole, 'latin1');
      expect(JSON.stringify(documentsOf(await loadSeedContent(seedDir, file)))).toBe(
        JSON.stringify(documents),
      );
      expect(warned).toHaveLength(3);
    } finally {
      useLogger(previousLogger);
    }
  });
});
