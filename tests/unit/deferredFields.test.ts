// Deferred fields (src/store/deferredFields.ts): made on first read, in their place among the
// keys, frozen like the rest of a stored document, and still deferred in an entry's copy.
import { copyWithDeferredFields, deepFreeze, deferField } from '../../src/store/deferredFields.js';

function deferred() {
  let loads = 0;
  const object: Record<string, unknown> = { slug: 'a', sections: 0, status: 'PUBLISHED' };
  deferField(object, 'sections', () => {
    loads += 1;
    return [{ title: 'one' }];
  });
  return { object, loads: () => loads };
}

describe('deferred fields', () => {
  it('are made once, on first read, in their place among the keys', () => {
    const { object, loads } = deferred();
    expect(Object.keys(object)).toEqual(['slug', 'sections', 'status']);
    expect(loads()).toBe(0);
    expect(JSON.stringify(object)).toBe(
      '{"slug":"a","sections":[{"title":"one"}],"status":"PUBLISHED"}',
    );
    expect(object.sections).toBe(object.sections);
    expect(loads()).toBe(1);
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
});
