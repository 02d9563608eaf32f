// A compiled course writes each live document as its read-model entry; a start restores it as
// a stored document that holds the entry (given to the read model as it is) and makes its data
// from it on first read. Whatever reads it, it is the document the build stored.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyChanges } from '../../src/content/applyChanges.js';
import { emptyDocumentSet, entryOf, entryOfDocument } from '../../src/content/entries.js';
import type { Concept } from '../../src/domain/concept.js';
import { defaultSeedDir } from '../../src/paths.js';
import { loadSeedContent, writeCompiledSeed } from '../../src/seed/compiledSeed.js';
import { compiledLineOf } from '../../src/seed/entryLines.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { seedFileStats } from '../../src/seed/seedFileStats.js';
import { storedCourse } from '../../src/seed/storedCourse.js';
import type { StoredDocument } from '../../src/store/contentStore.js';
import { isDeferredField } from '../../src/store/deferredFields.js';
import { entryOfAdopted } from '../../src/store/entryBackedDocuments.js';
import { MemoryStore } from '../../src/store/memoryStore.js';

const NOW = new Date('2026-12-04T10:00:00.000Z');

// The shipped course compiled into a temporary file, and the documents a start reads back.
async function compiledAndRead() {
  const stored = await storedCourse(await loadSeedDirectory(defaultSeedDir()), NOW);
  const file = join(await mkdtemp(join(tmpdir(), 'entry-lines-')), 'content.json');
  await writeCompiledSeed(file, {
    fingerprint: 'unused',
    files: seedFileStats(defaultSeedDir()),
    compiledFrom: '',
    documents: stored,
  });
  const seed = await loadSeedContent(defaultSeedDir(), file);
  if (!('documents' in seed)) throw new Error('the compiled course was not used');
  return { stored, read: seed.documents, file };
}

describe('a compiled course written as entries', () => {
  it('writes each live document as its entry, and reads back the documents it stored', async () => {
    const { stored, read, file } = await compiledAndRead();
    const lines = (await readFile(file, 'latin1')).trimEnd().split('\n').slice(1);
    expect(lines).toHaveLength(stored.length);
    expect(lines.every((line) => line.includes('"entry":{'))).toBe(true);
    expect(JSON.stringify(read)).toBe(JSON.stringify(stored));
    for (const doc of read) {
      // The entry it holds is the one entryOf makes, key for key; the read model takes it.
      const entry = entryOfAdopted(doc);
      expect(entry).toBeDefined();
      expect(entryOfDocument(doc)).toBe(entry);
      expect(Object.isFrozen(doc) && Object.isFrozen(entry)).toBe(true);
      expect(JSON.stringify(entry)).toBe(JSON.stringify(entryOf(doc.data as object, doc)));
    }
  });

  it('makes a document’s data once, on first read, with its large texts still deferred', async () => {
    const { read } = await compiledAndRead();
    const lesson = read.find((doc) => doc.collection === 'lessons')!;
    const data = lesson.data as Record<string, unknown>;
    expect(lesson.data).toBe(data);
    expect(Object.isFrozen(data)).toBe(true);
    expect(Object.keys(data)).not.toContain('rev');
    expect(isDeferredField(data, 'sections')).toBe(true);
    // The data and the entry share the document's deferred fields: one value, made once.
    const entry = entryOfDocument(lesson) as unknown as Record<string, unknown>;
    expect(isDeferredField(entry, 'sections')).toBe(true);
    expect(entry.sections).toBe(data.sections);
    expect(isDeferredField(lesson, 'translations')).toBe(true);
    expect(lesson.translations).toBe(entry.translations);
  });

  it('writes a document its entry cannot stand for as it is stored', async () => {
    const { stored } = await compiledAndRead();
    const concept = stored.find((doc) => doc.collection === 'concepts')!;
    const tombstone = { ...concept, deleted: true, data: null } as StoredDocument;
    expect(compiledLineOf(tombstone)).toBe(tombstone);
    // A data field named as a metadata one: the entry's would hide it.
    const clashing = {
      ...concept,
      data: { ...concept.data, version: 'v2' },
    } as unknown as StoredDocument;
    expect(compiledLineOf(clashing)).toBe(clashing);
    // Metadata in another order than a store writes: restored, it would not be the same bytes.
    const { rev, ...rest } = concept;
    const reordered = { ...rest, rev } as StoredDocument;
    expect(compiledLineOf(reordered)).toBe(reordered);
    expect(compiledLineOf(concept)).toHaveProperty('entry');
  });

  it('serves a store that adopts the documents, and edits them as any other', async () => {
    const { read, stored } = await compiledAndRead();
    const store = new MemoryStore(() => NOW);
    store.adopt(read);
    const concept = read.find((doc) => doc.collection === 'concepts')!;
    const data = concept.data as Concept;
    const edited = { ...data, term: { ...data.term, en: `${data.term.en} (edited)` } };
    const commit = await store.commit([
      { op: 'put', collection: 'concepts', id: concept.id, data: edited },
    ]);
    const written = commit.documents[0]!;
    expect(entryOfAdopted(written)).toBeUndefined();
    expect(written.version).toBe(concept.version + 1);
    expect(entryOfDocument(written)).toMatchObject({ term: edited.term, version: 2 });
    // Its history: the edit, then the adopted version as the build stored it.
    const history = await store.readHistory('concepts', concept.id, 5);
    expect(history.map((doc) => doc.version)).toEqual([2, 1]);
    const original = stored.find((doc) => doc.collection === 'concepts' && doc.id === concept.id);
    expect(JSON.stringify(history[1])).toBe(JSON.stringify(original));
    // The read model takes every other document's entry as it is.
    const set = applyChanges(emptyDocumentSet(), (await store.readChanges(0)).documents);
    const other = read.find((doc) => doc.collection === 'relations')!;
    expect(set.relations.get(other.id)).toBe(entryOfAdopted(other));
    expect(set.concepts.get(concept.id)).toMatchObject({ term: edited.term });
  });
});
