// A revision's indexes made from the revision before (ContentIndex.next, OutdatedTranslations.next)
// must be exactly the indexes a full build makes: checked over hundreds of random commits to
// the real course (publishing, unpublishing, deletes, moves, new documents, category changes).
import type { ContentIndex } from '../../src/content/contentIndex.js';
import { withoutMeta, type DocumentSet } from '../../src/content/entries.js';
import { ReadModel } from '../../src/content/readModel.js';
import { ContentSnapshot } from '../../src/content/snapshot.js';
import { translationOf } from '../../src/content/documentTranslation.js';
import { COLLECTIONS } from '../../src/domain/bundle.js';
import type { DocumentWrite } from '../../src/store/contentStore.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { defaultSeedDir } from '../../src/paths.js';
import { memoryStoreWith } from '../helpers/contentFixtures.js';

// A small deterministic generator (mulberry32), so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(items: readonly T[]) => T;

// One random commit: 1–3 writes chosen among the kinds of change an editor or import makes.
function randomWrites(documents: DocumentSet, next: () => number, step: number): DocumentWrite[] {
  const pick: Pick = (items) => items[Math.floor(next() * items.length)]!;
  const concepts = [...documents.concepts.values()];
  const lessons = [...documents.lessons.values()];
  const relations = [...documents.relations.values()];
  const comparisons = [...documents.comparisons.values()];
  const categories = [...documents.categories.values()];
  const writes = new Map<string, DocumentWrite>();
  const count = 1 + Math.floor(next() * 3);
  for (let i = 0; i < count; i++) {
    const kind = Math.floor(next() * 12);
    if (kind <= 2 && concepts.length > 0) {
      // Publish or unpublish a concept (a visibility flip), or edit its Korean definition.
      const concept = withoutMeta(pick(concepts));
      const data =
        kind === 0
          ? { ...concept, status: concept.status === 'PUBLISHED' ? 'DRAFT' : 'PUBLISHED' }
          : kind === 1
            ? {
                ...concept,
                definition: { ...concept.definition, ko: `${concept.definition.ko} ${step}` },
              }
            : { ...concept, category: pick(categories).slug };
      writes.set(`concepts/${concept.slug}`, {
        op: 'put',
        collection: 'concepts',
        id: concept.slug,
        data: data as typeof concept,
      });
    } else if (kind === 3 && concepts.length > 0) {
      const concept = pick(concepts);
      writes.set(`concepts/${concept.slug}`, {
        op: 'delete',
        collection: 'concepts',
        id: concept.slug,
      });
    } else if (kind === 4 && concepts.length > 0) {
      // A new concept, copied from one, linking what that one links.
      const concept = withoutMeta(pick(concepts));
      const slug = `${concept.slug}-n${step}-${i}`;
      writes.set(`concepts/${slug}`, {
        op: 'put',
        collection: 'concepts',
        id: slug,
        data: { ...concept, slug },
      });
    } else if (kind === 5 && lessons.length > 0) {
      const lesson = withoutMeta(pick(lessons));
      const data =
        next() < 0.5
          ? { ...lesson, status: lesson.status === 'PUBLISHED' ? 'DRAFT' : 'PUBLISHED' }
          : { ...lesson, number: Math.floor(next() * 5) };
      writes.set(`lessons/${lesson.slug}`, {
        op: 'put',
        collection: 'lessons',
        id: lesson.slug,
        data: data as typeof lesson,
      });
    } else if (kind === 6 && relations.length > 0) {
      const relation = pick(relations);
      const id = `${relation.from}__${relation.kind}__${relation.to}`;
      writes.set(`relations/${id}`, { op: 'delete', collection: 'relations', id });
    } else if (kind === 7 && concepts.length > 1) {
      // A relation between two random concepts (either may be a draft).
      const from = pick(concepts).slug;
      const to = pick(concepts).slug;
      const relationKind = pick(['IS_A', 'RELATED_TO', 'CONTRASTS_WITH', 'PART_OF'] as const);
      const id = `${from}__${relationKind}__${to}`;
      writes.set(`relations/${id}`, {
        op: 'put',
        collection: 'relations',
        id,
        data: { from, kind: relationKind, to },
      });
    } else if (kind === 8 && comparisons.length > 0) {
      const comparison = withoutMeta(pick(comparisons));
      const swapped = [...comparison.concepts];
      swapped[0] = pick(concepts).slug;
      writes.set(`comparisons/${comparison.slug}`, {
        op: 'put',
        collection: 'comparisons',
        id: comparison.slug,
        data: next() < 0.5 ? comparison : { ...comparison, concepts: swapped },
      });
    } else if (kind === 9 && lessons.length > 0 && next() < 0.3) {
      const lesson = pick(lessons);
      writes.set(`lessons/${lesson.slug}`, {
        op: 'delete',
        collection: 'lessons',
        id: lesson.slug,
      });
    } else if (kind === 10 && next() < 0.3) {
      // A category's order moves: every concept's sort key with it (a full build).
      const category = withoutMeta(pick(categories));
      writes.set(`categories/${category.slug}`, {
        op: 'put',
        collection: 'categories',
        id: category.slug,
        data: { ...category, order: Math.floor(next() * 10) },
      });
    }
  }
  return [...writes.values()];
}

// Everything an index answers, in a form toEqual compares (entries by identity of content).
function answers(index: ContentIndex, documents: DocumentSet) {
  const slugs = [...documents.concepts.keys()].sort();
  return {
    categories: index.categories,
    concepts: index.concepts,
    relations: index.relations,
    lessons: index.lessons,
    comparisons: index.comparisons,
    byCategory: index.categories.map((c) => index.conceptsIn(c.slug)),
    perConcept: slugs.map((slug) => ({
      slug,
      concept: index.concept(slug),
      edges: index.edgesOf(slug),
      lessons: index.lessonsTeaching(slug),
      comparisons: index.comparisonsOf(slug),
    })),
    lessonsBySlug: [...documents.lessons.keys()].map((slug) => index.lesson(slug)),
    relationsById: [...documents.relations.keys()].map((id) => index.relation(id)),
    comparisonsBySlug: [...documents.comparisons.keys()].map((slug) => index.comparison(slug)),
  };
}

// Which texts each index reports outdated, over every document's translatable texts.
function outdatedTexts(index: ContentIndex, documents: DocumentSet): string[] {
  const found: string[] = [];
  for (const collection of COLLECTIONS) {
    for (const [id, entry] of documents[collection] as ReadonlyMap<string, object>) {
      for (const field of translationOf(collection, entry as never).fields) {
        if (field.holders.some((holder) => index.outdated(holder))) {
          found.push(`${collection}/${id}#${field.path}`);
        }
      }
    }
  }
  return found;
}

describe('indexes made from the revision before', () => {
  it.each([1, 2, 3])(
    'equal a full build after every one of 150 random commits (seed %i)',
    async (seed) => {
      const next = random(seed);
      const store = await memoryStoreWith(await loadSeedDirectory(defaultSeedDir()));
      const model = new ReadModel(store, { ttlMs: 60_000 });
      let snapshot = await model.current();
      let shared = 0;
      let outdatedSeen = 0;
      // Revisions whose indexes nobody read before the next was made from them (relation
      // indexes are made when first read: the next revision's are then made afresh).
      let madeFromUnread = 0;
      let lookedAtPrevious = true;
      for (let step = 0; step < 150; step++) {
        // The chain carries the preview index and the outdated texts once they were asked for.
        snapshot.index('preview');
        snapshot.public.outdated({});
        const writes = randomWrites(snapshot.documents, next, step);
        if (writes.length === 0) continue;
        const batch = await store.commit(writes);
        const derived = await model.applyCommitted(batch);
        expect(derived.rev).toBe(batch.rev);
        const fresh = new ContentSnapshot(derived.rev, derived.documents, new Date(), {
          tombstones: derived.tombstones,
        });
        // About one revision in three is left unread (answers() reads every index).
        const look = next() < 0.65;
        if (!look) {
          lookedAtPrevious = false;
          snapshot = derived;
          continue;
        }
        if (!lookedAtPrevious) madeFromUnread++;
        lookedAtPrevious = true;
        for (const audience of ['public', 'preview'] as const) {
          expect(answers(derived.index(audience), derived.documents)).toEqual(
            answers(fresh.index(audience), derived.documents),
          );
        }
        const outdated = outdatedTexts(derived.public, derived.documents);
        expect(outdated).toEqual(outdatedTexts(fresh.public, derived.documents));
        outdatedSeen = Math.max(outdatedSeen, outdated.length);
        // A list no write touched is the previous revision's own: proof the update was partial.
        if (derived.public.lessons === snapshot.public.lessons) shared++;
        snapshot = derived;
      }
      expect(shared).toBeGreaterThan(20);
      expect(madeFromUnread).toBeGreaterThan(10);
      expect(outdatedSeen).toBeGreaterThan(0);
    },
    60_000,
  );
});
