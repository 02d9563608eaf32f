// A split's reader (src/store/deferredTexts.ts) knows each deferred field by its placeholder:
// it reads back the compiled course's split and a Firestore snapshot's, which defers fewer
// fields, with the same code.
import { defaultSeedDir } from '../../src/paths.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { storedCourse } from '../../src/seed/storedCourse.js';
import { isDeferredField } from '../../src/store/deferredFields.js';
import {
  DEFERRED_FIELDS,
  restoreDeferredTexts,
  SNAPSHOT_DEFERRED_FIELDS,
  splitDeferredTexts,
  textBounds,
} from '../../src/store/deferredTexts.js';

const stored = loadSeedDirectory(defaultSeedDir()).then((bundle) =>
  storedCourse(bundle, new Date('2026-12-06T10:00:00.000Z')),
);

describe('deferred texts', () => {
  it.each([
    ['the compiled course', DEFERRED_FIELDS, true],
    ['a Firestore snapshot', SNAPSHOT_DEFERRED_FIELDS, false],
  ])('read back a split of %s byte for byte', async (_name, fields, linksDeferred) => {
    const documents = await stored;
    const split = splitDeferredTexts(documents, fields);
    // As parsed from the lines: plain objects, placeholders in place.
    const read = structuredClone(split.documents);
    const texts = split.texts;
    const restored = restoreDeferredTexts(read, textBounds(split.spans), (start, end) =>
      texts.toString('utf8', start, end),
    );
    expect(restored).toBe(true);
    const concept = read.find((doc) => doc.collection === 'concepts')!.data!;
    expect(isDeferredField(concept, 'summary')).toBe(true);
    expect(isDeferredField(concept, 'analogies')).toBe(linksDeferred);
    expect(isDeferredField(concept, 'sources')).toBe(linksDeferred);
    expect(JSON.stringify(read)).toBe(JSON.stringify(documents));
  });

  it('leave the documents they split as they were', async () => {
    const documents = await stored;
    const before = JSON.stringify(documents);
    splitDeferredTexts(documents);
    expect(JSON.stringify(documents)).toBe(before);
  });
});
