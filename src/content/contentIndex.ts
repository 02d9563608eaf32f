import { z } from 'zod';
import type { Category } from '../domain/category.js';
import type { Comparison } from '../domain/comparison.js';
import type { Concept } from '../domain/concept.js';
import type { Lesson } from '../domain/lesson.js';
import type { Relation } from '../domain/relation.js';
import { RELATION_KIND_DEFINITIONS, type RelationKind } from '../domain/relationKinds.js';
import type { Locale } from '../domain/locale.js';
import { localize } from '../domain/localized.js';
import { OutdatedTranslations, type OutdatedCheck } from './outdatedTranslations.js';
import type { DocumentSet, Entry } from './entries.js';
import { buildGlossary, type GlossaryGroup } from './glossary.js';
import {
  buildIndexState,
  compareStrings,
  isVisible,
  nextIndexState,
  type Edge,
  type EdgeDirection,
  type IndexState,
} from './indexState.js';
import type { DocumentKey, VisibilityDependents } from './visibilityDependents.js';

export type { Edge, EdgeDirection } from './indexState.js';

/** Sort key of a concept in listings: its category's order, then its category, then its slug. */
export type ConceptSortKey = readonly [number, string, string];

/** How many re-viewed documents an incremental update may take before a full build is cheaper. */
const MAX_INCREMENTAL = 256;

/**
 * Immutable indexes over the visible documents of one content revision: concepts in listing
 * order and by category, relation edges both ways, lessons and the concepts they teach,
 * comparisons and the concepts they compare. Built once per revision (and per audience:
 * published-only or preview), then only read; the next revision's is made from this one by
 * `next`, in proportion to what changed.
 * Documents are held as this audience sees them (see publicView.ts): what links to something
 * the audience cannot see has the link taken out, so no face can show it.
 */
export class ContentIndex {
  readonly categories: readonly Entry<Category>[];
  readonly concepts: readonly Entry<Concept>[];
  readonly lessons: readonly Entry<Lesson>[];
  readonly comparisons: readonly Entry<Comparison>[];
  private readonly state: IndexState;
  // Derived on first use, then kept for the life of this (immutable) index.
  private readonly glossaries = new Map<Locale, GlossaryGroup<Entry<Concept>>[]>();

  /** Whether a value this index serves holds an outdated translation (see OutdatedTranslations). */
  readonly outdated: OutdatedCheck;

  /**
   * @param includeDrafts true for editors' preview; false shows PUBLISHED content only.
   * @param translations the revision's outdated translations (shared by its indexes).
   * @param state the indexes when already made (see `next`); else they are built.
   */
  constructor(
    private readonly documents: DocumentSet,
    private readonly includeDrafts: boolean,
    translations: OutdatedTranslations = new OutdatedTranslations(documents),
    state?: IndexState,
  ) {
    this.outdated = translations.has;
    this.state = state ?? buildIndexState(documents, includeDrafts);
    this.categories = this.state.categories;
    this.concepts = this.state.concepts;
    this.lessons = this.state.lessons;
    this.comparisons = this.state.comparisons;
  }

  /**
   * The index of the next revision, whose documents are `documents`: `changed` names the
   * documents written since this one. Only they, and the documents whose view depends on the
   * visibility of one that was published, unpublished, created or deleted (`dependents`), are
   * viewed again; the rest is shared. A change of categories (whose order sorts every concept)
   * or of many documents is built afresh. This index is left as it was.
   */
  next(
    documents: DocumentSet,
    changed: readonly DocumentKey[],
    dependents: () => VisibilityDependents,
    translations: OutdatedTranslations,
  ): ContentIndex {
    const fresh = () => new ContentIndex(documents, this.includeDrafts, translations);
    if (changed.length > MAX_INCREMENTAL) return fresh();
    const affected = new Set<DocumentKey>(changed);
    for (const key of changed) {
      if (key.startsWith('categories/')) return fresh();
      const flipped =
        (key.startsWith('concepts/') &&
          this.state.conceptsBySlug.has(key.slice(9)) !==
            isVisible(documents.concepts.get(key.slice(9)), this.includeDrafts)) ||
        (key.startsWith('lessons/') &&
          this.state.lessonsBySlug.has(key.slice(8)) !==
            isVisible(documents.lessons.get(key.slice(8)), this.includeDrafts));
      if (flipped)
        for (const dependent of dependents().of(key)) affected.add(dependent as DocumentKey);
    }
    if (affected.size > MAX_INCREMENTAL) return fresh();
    const state = nextIndexState(
      this.state,
      this.documents,
      documents,
      affected,
      this.includeDrafts,
    );
    return new ContentIndex(documents, this.includeDrafts, translations, state);
  }

  /**
   * Relations whose concepts are both visible, by kind, then from, then to (made when first
   * read, with the other relation indexes: see IndexState).
   */
  get relations(): readonly Entry<Relation>[] {
    return this.state.relationIndexes.value.relations;
  }

  /** A visible concept, or undefined. */
  concept(slug: string): Entry<Concept> | undefined {
    return this.state.conceptsBySlug.get(slug);
  }

  /** Visible concepts in listing order, optionally only one category's. */
  conceptsIn(category: string | undefined): readonly Entry<Concept>[] {
    return category === undefined
      ? this.concepts
      : (this.state.conceptsByCategory.get(category) ?? []);
  }

  /** A category, or undefined. */
  category(slug: string): Entry<Category> | undefined {
    return this.state.categoriesBySlug.get(slug);
  }

  /** The listing sort key of a concept. */
  sortKey(concept: Pick<Concept, 'category' | 'slug'>): ConceptSortKey {
    const order =
      this.state.categoriesBySlug.get(concept.category)?.order ?? Number.MAX_SAFE_INTEGER;
    return [order, concept.category, concept.slug];
  }

  /**
   * Edges of a concept, filtered by kinds and direction (symmetric relations match either
   * direction). Ordered by kind, then the other concept's slug.
   */
  edgesOf(
    slug: string,
    kinds?: readonly RelationKind[],
    direction?: EdgeDirection,
  ): readonly Edge[] {
    const all = this.state.relationIndexes.value.edges.get(slug) ?? [];
    if (!kinds?.length && !direction) return all;
    return all.filter(
      (edge) =>
        (!kinds?.length || kinds.includes(edge.relation.kind)) &&
        (!direction ||
          edge.direction === direction ||
          RELATION_KIND_DEFINITIONS[edge.relation.kind].symmetric),
    );
  }

  /** A visible relation (both its concepts visible) by its id, or undefined. */
  relation(id: string): Entry<Relation> | undefined {
    return this.state.relationIndexes.value.relationsById.get(id);
  }

  /** A visible lesson, or undefined. */
  lesson(slug: string): Entry<Lesson> | undefined {
    return this.state.lessonsBySlug.get(slug);
  }

  /** Visible lessons that teach (link) a concept, in lesson order. */
  lessonsTeaching(slug: string): readonly Entry<Lesson>[] {
    return this.state.lessonsByConcept.get(slug) ?? [];
  }

  /** The glossary in a locale (terms without a translation sort by their Korean term). */
  glossary(locale: Locale): readonly GlossaryGroup<Entry<Concept>>[] {
    let glossary = this.glossaries.get(locale);
    if (!glossary) {
      // Sorting only: the term a concept is filed under (its Korean one without a translation).
      // The faces record the fallback where they serve the term.
      glossary = buildGlossary(this.concepts, locale, (c) => localize(c.term, locale, () => {}));
      this.glossaries.set(locale, glossary);
    }
    return glossary;
  }

  /** Visible comparisons that compare a concept (their concepts all visible), by slug. */
  comparisonsOf(slug: string): readonly Entry<Comparison>[] {
    return this.state.comparisonsByConcept.get(slug) ?? [];
  }

  /** An authored comparison whose concepts are all visible, or undefined. */
  comparison(slug: string): Entry<Comparison> | undefined {
    return this.state.comparisonsBySlug.get(slug);
  }
}

/** Orders concept sort keys. */
export function compareKeys(a: ConceptSortKey, b: ConceptSortKey): number {
  return a[0] - b[0] || compareStrings(a[1], b[1]) || compareStrings(a[2], b[2]);
}

/** Validates a decoded concept cursor key. */
export const conceptSortKeySchema = z.tuple([z.number(), z.string(), z.string()]).readonly();
