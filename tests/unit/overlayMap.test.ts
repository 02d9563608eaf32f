// OverlayMap against the Map it stands for: a chain of revisions, each made by editing the one
// before, must read and iterate exactly as a copied Map given the same edits, and leave every
// earlier revision as it was.
import { OverlayMap, type EditableMap } from '../../src/structures/overlayMap.js';

// A small deterministic generator (the test must fail the same way every run).
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

// Everything a reader can see of a map, as text (one comparison instead of thousands).
function contents<K, V>(map: ReadonlyMap<K, V>): string {
  const forEachSeen: [K, V, boolean][] = [];
  map.forEach((value, key, itself) => forEachSeen.push([key, value, itself === map]));
  return JSON.stringify({
    entries: [...map],
    keys: [...map.keys()],
    values: [...map.values()],
    forEach: forEachSeen,
    size: map.size,
  });
}

describe('OverlayMap', () => {
  it('reads and iterates as a copied Map through a chain of revisions, leaving each as it was', () => {
    const next = random(7);
    const base = new Map<string, number>();
    for (let i = 0; i < 400; i++) base.set(`k${i}`, i);
    let overlayRevision: ReadonlyMap<string, number> = base;
    let mapRevision = new Map(base);
    const kept: [ReadonlyMap<string, number>, string][] = [];
    let overlays = 0;
    for (let revision = 0; revision < 120; revision++) {
      const edited: EditableMap<string, number> = OverlayMap.editing(overlayRevision);
      if (edited instanceof OverlayMap) overlays++;
      const copied = new Map(mapRevision);
      for (let change = 0; change < 1 + Math.floor(next() * 4); change++) {
        // Keys beyond the base's range are new ones; a deleted base key may come back.
        const key = `k${Math.floor(next() * 480)}`;
        if (next() < 0.4) {
          expect(edited.delete(key)).toBe(copied.delete(key));
        } else {
          const value = Math.floor(next() * 1000);
          edited.set(key, value);
          copied.set(key, value);
        }
      }
      expect(contents(edited)).toBe(contents(copied));
      const probes = [...Array(480).keys()].map((i) => `k${i}`);
      expect(JSON.stringify(probes.map((key) => [edited.get(key), edited.has(key)]))).toBe(
        JSON.stringify(probes.map((key) => [copied.get(key), copied.has(key)])),
      );
      kept.push([edited, contents(copied)]);
      overlayRevision = edited;
      mapRevision = copied;
    }
    // Earlier revisions are untouched by the edits made from them.
    for (const [revision, expected] of kept) expect(contents(revision)).toBe(expected);
    expect(base.size).toBe(400);
    expect([...base.values()]).toEqual([...Array(400).keys()]);
    // Most revisions were overlays; some were flattened copies (their changes had grown).
    expect(overlays).toBeGreaterThan(100);
    expect(overlays).toBeLessThan(120);
  });

  it('puts a base key deleted and set again last, and keeps a replaced one in its place', () => {
    const edited = OverlayMap.editing(
      new Map([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
    );
    edited.delete('a');
    edited.set('a', 10);
    edited.set('b', 20);
    edited.set('d', 4);
    expect([...edited]).toEqual([
      ['b', 20],
      ['c', 3],
      ['a', 10],
      ['d', 4],
    ]);
    expect(edited.size).toBe(4);
    expect(edited.delete('zz')).toBe(false);
  });

  it('is a plain copy when as many changes as the overlay would hold are coming', () => {
    const map = new Map([...Array(100).keys()].map((i) => [i, i]));
    expect(OverlayMap.editing(map, 1)).toBeInstanceOf(OverlayMap);
    expect(OverlayMap.editing(map, 1_000)).not.toBeInstanceOf(OverlayMap);
  });
});
