// Deferred fields (src/store/deferredFields.ts): made on first read, in their place among the
// keys, frozen like the rest of a stored document, and still deferred in an entry's copy.
import {
  copyField,
  copyWithDeferredFields,
  deepFreeze,
  isDeferredField,
  deferredFieldSet,
  keptFacts,
  copyWithoutFields,
  withDeferredFields,
} from '../../src/store/deferredFields.js';

function deferred(slug = 'a') {
  let loads = 0;
  const parsed = { slug, sections: 0, status: 'PUBLISHED' };
  // Each document's one field is the course's field at its own index.
  const spans = ['span of a', 'span of b'];
  const fields = deferredFieldSet(['sections'], spans.indexOf(`span of ${slug}`), (index) => {
    loads += 1;
    return [{ title: 'one', span: spans[index] }];
  });
  const object = withDeferredFields(parsed, fields);
  return { object, loads: () => loads };
}

describe('deferred fields', () => {
  it('are made once, on first read, in their place among the keys', () => {
    const { object, loads } = deferred();
    expect(Object.keys(object)).toEqual(['slug', 'sections', 'status']);
    expect(loads()).toBe(0);
    expect(JSON.stringify(object)).toBe(
      '{"slug":"a","sections":[{"title":"one","span":"span of a"}],"status":"PUBLISHED"}',
    );
    expect(object.sections).toBe(object.sections);
    expect(loads()).toBe(1);
    // Spreads and clones see the value, not the machinery.
    expect({ ...object }).toEqual({ slug: 'a', sections: object.sections, status: 'PUBLISHED' });
    expect(Object.getOwnPropertySymbols({ ...object })).toEqual([]);
    expect(structuredClone(object)).toEqual(JSON.parse(JSON.stringify(object)));
  });

  it('are not made by freezing, and their value is frozen when it is', () => {
    const { object, loads } = deferred();
    deepFreeze(object);
    expect(loads()).toBe(0);
    expect(Object.isFrozen(object)).toBe(true);
    const sections = object.sections as { title: string }[];
    expect(Object.isFrozen(sections) && Object.isFrozen(sections[0])).toBe(true);
  });

  it('stay deferred in a copy with more fields, which shares the value once made', () => {
    const { object, loads } = deferred();
    deepFreeze(object);
    const copy = copyWithDeferredFields(object, { rev: 3 });
    expect(loads()).toBe(0);
    expect(Object.keys(copy)).toEqual(['slug', 'sections', 'status', 'rev']);
    expect(copy.sections).toBe(object.sections);
    expect(loads()).toBe(1);
    expect(copyWithDeferredFields({ a: 1 }, { b: 2 })).toEqual({ a: 1, b: 2 });
  });

  it('keep each document its own values though every document shares the getters', () => {
    const a = deferred('a');
    const b = deferred('b');
    const copyOfB = copyWithDeferredFields(b.object, { rev: 1 });
    expect(a.object.sections).toEqual([{ title: 'one', span: 'span of a' }]);
    expect(a.loads()).toBe(1);
    expect(b.loads()).toBe(0);
    expect(copyOfB.sections).not.toBe(a.object.sections);
    expect(b.loads()).toBe(1);
    // The getter is compared, never called unbound.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const getter = (object: object) => Object.getOwnPropertyDescriptor(object, 'sections')?.get;
    expect(getter(a.object)).toBe(getter(b.object));
  });

  it('are shared by a document and its data, and an entry copied from both keeps them deferred', () => {
    const made: number[] = [];
    const fields = deferredFieldSet(['sections', 'translations'], 4, (index) => {
      made.push(index);
      return index === 4 ? ['the sections'] : { title: { ko: 'f1', en: 'f2' } };
    });
    const data = withDeferredFields({ slug: 'a', sections: 0 }, fields);
    const doc = withDeferredFields({ id: 'a', data, rev: 2, translations: 0 }, fields);
    expect(isDeferredField(doc, 'translations') && isDeferredField(data, 'sections')).toBe(true);
    expect(isDeferredField(doc, 'rev') || isDeferredField(data, 'slug')).toBe(false);
    const entry = copyWithDeferredFields(data, {});
    copyField(entry, doc, 'translations');
    copyField(entry, doc, 'rev');
    copyField(entry, doc, 'updatedBy');
    expect(Object.keys(entry)).toEqual(['slug', 'sections', 'translations', 'rev']);
    expect(isDeferredField(entry, 'translations')).toBe(true);
    expect(made).toEqual([]);
    expect(entry.translations).toBe((doc as { translations: unknown }).translations);
    expect(made).toEqual([5]);
    expect(JSON.stringify(entry)).toBe(
      '{"slug":"a","sections":["the sections"],"translations":{"title":{"ko":"f1","en":"f2"}},"rev":2}',
    );
    expect(made).toEqual([5, 4]);
    // Copied into an object that does not share the set, the value itself.
    const plain: Record<string, unknown> = {};
    copyField(plain, doc, 'translations');
    expect(isDeferredField(plain, 'translations')).toBe(false);
    expect(plain.translations).toBe(entry.translations);
  });

  it('keep the facts given with them while the fields asked about are still deferred', () => {
    let loads = 0;
    const load = () => {
      loads += 1;
      return [{ lesson: 'intro' }];
    };
    const facts = ['lessons/intro'];
    const parsed = { slug: 'a', analogies: 0, sources: 0, status: 'PUBLISHED' };
    const concept = withDeferredFields(
      parsed,
      deferredFieldSet(['analogies', 'sources'], 0, load, facts),
    );
    expect(keptFacts(concept, ['analogies', 'sources'])).toBe(facts);
    // Also once made: a made field's value is the one the facts were worked out from.
    expect(concept.sources).toEqual([{ lesson: 'intro' }]);
    expect(keptFacts(concept, ['sources'])).toBe(facts);
    expect(loads).toBe(1);
    // A copy that shares the set and still has the fields keeps them; one without a field, or
    // a field the set does not defer, or a set given no facts: none.
    expect(keptFacts(copyWithDeferredFields(concept, { rev: 2 }), ['analogies'])).toBe(facts);
    expect(keptFacts(copyWithoutFields(concept, new Set(['analogies'])), ['analogies'])).toBe(
      undefined,
    );
    expect(keptFacts(concept, ['analogies', 'status'])).toBe(undefined);
    const withoutFacts = withDeferredFields(parsed, deferredFieldSet(['analogies'], 0, load));
    expect(keptFacts(withoutFacts, ['analogies'])).toBe(undefined);
    expect(loads).toBe(1);
    // A spread reads the fields into a plain object: no set, no facts.
    expect(keptFacts({ ...concept }, ['analogies'])).toBe(undefined);
  });
});
