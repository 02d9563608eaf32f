import type { ContentBundle } from '../../src/domain/bundle.js';
import type { Category } from '../../src/domain/category.js';
import { conceptSchema, type Concept } from '../../src/domain/concept.js';
import type { Relation } from '../../src/domain/relation.js';
import type { RelationKind } from '../../src/domain/relationKinds.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { bundleToWrites } from '../../src/seed/bundleToWrites.js';

/** A category for fixtures. */
export function category(slug: string, order: number): Category {
  return { slug, order, name: { ko: `${slug} 분류`, en: `${slug} category` } };
}

/** A minimal valid concept; `term` defaults to Korean + English forms of the slug. */
export function concept(
  slug: string,
  categorySlug: string,
  overrides: Partial<Concept> = {},
): Concept {
  return conceptSchema.parse({
    slug,
    category: categorySlug,
    term: { ko: `${slug} 용어`, en: `${slug} term` },
    summary: { ko: `${slug} 요약`, en: `${slug} summary` },
    definition: { ko: `${slug} 정의`, en: `${slug} definition` },
    ...overrides,
  });
}

/** A relation. */
export function relation(from: string, kind: RelationKind, to: string): Relation {
  return { from, kind, to };
}

/** A bundle from parts (missing collections are empty). */
export function bundle(parts: Partial<ContentBundle>): ContentBundle {
  return { categories: [], concepts: [], relations: [], comparisons: [], lessons: [], ...parts };
}

/** A memory store holding a bundle (one commit). */
export async function memoryStoreWith(content: ContentBundle): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.commit(bundleToWrites(content));
  return store;
}

export { CountingStore } from '../../src/store/countingStore.js';
