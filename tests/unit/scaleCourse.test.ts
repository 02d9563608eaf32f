// The scale benchmark's course copies (bench/scaleCourse.ts): each copy must be a complete,
// valid course on its own, or the benchmark would measure content the API never serves.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copySlug, scaleCourse } from '../../bench/scaleCourse.js';
import { COLLECTIONS, contentBundleSchema, type ContentBundle } from '../../src/domain/bundle.js';
import { checkReferences } from '../../src/domain/checkReferences.js';
import { checkTranslations } from '../../src/domain/checkTranslations.js';
import { documentIdOf } from '../../src/domain/documentId.js';
import { relationId } from '../../src/domain/relation.js';
import { fieldTranslations } from '../../src/domain/translation/translationState.js';
import { defaultSeedDir } from '../../src/paths.js';
import { writeSeedDirectory } from '../../src/seed/exportBundle.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';

const FACTOR = 3;

function inIdOrder(bundle: ContentBundle): ContentBundle {
  const sorted = { ...bundle };
  for (const collection of COLLECTIONS) {
    const id = (data: unknown) => documentIdOf(collection, data);
    sorted[collection] = [...(bundle[collection] as unknown[])].sort((a, b) =>
      id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0,
    ) as never;
  }
  return sorted;
}
let course: ContentBundle;
let scaled: ContentBundle;

beforeAll(async () => {
  course = await loadSeedDirectory(defaultSeedDir());
  scaled = scaleCourse(course, FACTOR);
});

describe('scaleCourse', () => {
  it('passes the bundle schema, the reference checks and the translation checks', () => {
    expect(contentBundleSchema.parse(scaled)).toEqual(scaled);
    expect(checkReferences(scaled)).toEqual([]);
    expect(checkTranslations(scaled)).toEqual([]);
  });

  it('copies every document but the shared categories, and keeps copy 0 as the course', () => {
    expect(scaled.categories).toEqual(course.categories);
    for (const collection of ['concepts', 'relations', 'comparisons', 'lessons'] as const) {
      expect(scaled[collection]).toHaveLength(FACTOR * course[collection].length);
      expect(scaled[collection].slice(0, course[collection].length)).toEqual(course[collection]);
    }
    expect(scaled.translations).toBeDefined();
    expect(scaled.translations?.concepts?.[copySlug('gemini', 2)]).toBeDefined();
  });

  it("points every copy's relations, comparisons, lessons and citations at the copy's own documents", () => {
    for (let copy = 1; copy < FACTOR; copy++) {
      const at = (slug: string) => copySlug(slug, copy);
      const ownConcepts = new Set(course.concepts.map((c) => at(c.slug)));
      const relations = new Set(scaled.relations.map(relationId));
      for (const relation of course.relations) {
        expect(relations).toContain(
          relationId({ ...relation, from: at(relation.from), to: at(relation.to) }),
        );
      }
      const comparisons = new Map(scaled.comparisons.map((c) => [c.slug, c]));
      for (const comparison of course.comparisons) {
        expect(comparisons.get(at(comparison.slug))?.concepts).toEqual(comparison.concepts.map(at));
      }
      const lessons = new Map(scaled.lessons.map((l) => [l.slug, l]));
      for (const lesson of course.lessons) {
        const copied = lessons.get(at(lesson.slug))!;
        expect(copied.concepts).toEqual(lesson.concepts.map(at));
        expect(copied.sections.map((s) => s.concepts)).toEqual(
          lesson.sections.map((s) => s.concepts.map(at)),
        );
        for (const markdown of [copied.markdown.ko, copied.markdown.en ?? '']) {
          const links = [...markdown.matchAll(/concept:([a-z0-9-]+)/g)].map((m) => m[1]);
          expect(links.length).toBeGreaterThan(0);
          expect(links.filter((slug) => !ownConcepts.has(slug!))).toEqual([]);
        }
      }
      const concepts = new Map(scaled.concepts.map((c) => [c.slug, c]));
      for (const concept of course.concepts) {
        const copied = concepts.get(at(concept.slug))!;
        expect(copied.sources.map((s) => s.lesson)).toEqual(
          concept.sources.map((s) => at(s.lesson)),
        );
        expect(copied.analogies.flatMap((a) => a.mapping.map((p) => p.concept))).toEqual(
          concept.analogies.flatMap((a) => a.mapping.map((p) => p.concept && at(p.concept))),
        );
        expect(copied.term.ko).not.toBe(concept.term.ko);
      }
    }
  });

  it('keeps the state of every English text in every copy', () => {
    const seen = new Set<string>();
    for (const collection of COLLECTIONS) {
      const originals: unknown[] = course[collection];
      const copies: unknown[] = scaled[collection];
      const states = (data: unknown) =>
        fieldTranslations(
          collection,
          data,
          scaled.translations?.[collection]?.[documentIdOf(collection, data)],
        ).map((field) => {
          seen.add(field.state);
          return `${field.path}: ${field.state}`;
        });
      copies.forEach((copy, index) => {
        expect(states(copy)).toEqual(states(originals[index % originals.length]));
      });
    }
    expect(seen).toContain('CURRENT');
  });

  it('keeps outdated English outdated in the copies', () => {
    const [first, ...rest] = course.concepts;
    // The Korean changed after the English was made: the record no longer matches it.
    const edited = { ...first!, summary: { ...first!.summary, ko: `${first!.summary.ko} 수정` } };
    const copies = scaleCourse({ ...course, concepts: [edited, ...rest] }, 2);
    const summaryState = (slug: string) =>
      fieldTranslations(
        'concepts',
        copies.concepts.find((c) => c.slug === slug),
        copies.translations?.concepts?.[slug],
      ).find((field) => field.path === 'summary')?.state;
    expect(summaryState(first!.slug)).toBe('OUTDATED');
    expect(summaryState(copySlug(first!.slug, 1))).toBe('OUTDATED');
    expect(summaryState(copySlug(rest[0]!.slug, 1))).toBe('CURRENT');
  });

  it('writes a seed directory the loader reads back into the same bundle', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scaled-course-'));
    try {
      await writeSeedDirectory(scaled, join(dir, 'seed'));
      // The loader lists one-file-per-document collections in file-name order.
      expect(inIdOrder(await loadSeedDirectory(join(dir, 'seed')))).toEqual(inIdOrder(scaled));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a factor that is not a whole number of at least 1', () => {
    expect(() => scaleCourse(course, 0)).toThrow(RangeError);
    expect(() => scaleCourse(course, 1.5)).toThrow(RangeError);
  });
});
