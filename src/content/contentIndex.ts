import { z } from 'zod';
import type { Category } from '../domain/category.js';
import type { Comparison } from '../domain/comparison.js';
import type { Concept } from '../domain/concept.js';
import type { Lesson } from '../domain/lesson.js';
import { relationId, type Relation } from '../domain/relation.js';
import { RELATION_KIND_DEFINITIONS, type RelationKind } from '../domain/relationKinds.js';
import type { Locale } from '../domain/locale.js';
import { localize } from '../domain/localized.js';
import { OutdatedTranslations, type OutdatedCheck } from './outdatedTranslations.js';
import type { DocumentSet, Entry } from './entries.js';
import { buildGlossary, type GlossaryGroup } from './glossary.js';
import { citingView, conceptView, lessonView, type Visibility } from './publicView.js';

/** Which way an edge points, seen from the concept it is listed on. */
export type EdgeDirection = 'OUTGOING' | 'INCOMING';

/** A relation seen from one of its ends. Symmetric relations read OUTGOING from both ends. */
export interface Edge {
  relation: Entry<Relation>;
  direction: EdgeDirection;
  /** The concept at the other end. */
  other: string;
}

/** Sort key of a concept in listings: its category's order, then its category, then its slug. */
export type ConceptSortKey = readonly [number, string, string];

/**
 * Immutable indexes over the visible documents of one content revision: concepts in listing
 * order and by category, relation edges both ways, lessons and the concepts they teach.
 * Built once per revision (and per audience: published-only or preview), then only read.
 * Documents are held as this audience sees them (see publicView.ts): what links to something
 * the audience cannot see has the link taken out, so no face can show it.
 */
export class ContentIndex {
  readonly categories: readonly Entry<Category>[];
  readonly concepts: readonly Entry<Concept>[];
  readonly lessons: readonly Entry<Lesson>[];
  readonly comparisons: readonly Entry<Comparison>[];
  /** Relations whose concepts are both visible, by kind, then from, then to. */
  readonly relations: readonly Entry<Relation>[];
  private readonly conceptsBySlug: ReadonlyMap<string, Entry<Concept>>;
  private readonly categoriesBySlug: ReadonlyMap<string, Entry<Category>>;
  private readonly conceptsByCategory: ReadonlyMap<string, readonly Entry<Concept>[]>;
  private readonly edges: ReadonlyMap<string, readonly Edge[]>;
  private readonly relationsById: ReadonlyMap<string, Entry<Relation>>;
  private readonly lessonsBySlug: ReadonlyMap<string, Entry<Lesson>>;
  private readonly lessonsByConcept: ReadonlyMap<string, readonly Entry<Lesson>[]>;
  private readonly comparisonsBySlug: ReadonlyMap<string, Entry<Comparison>>;
  // Derived on first use, then kept for the life of this (immutable) index.
  private readonly glossaries = new Map<Locale, GlossaryGroup<Entry<Concept>>[]>();

  /** Whether a value this index serves holds an outdated translation (see OutdatedTranslations). */
  readonly outdated: OutdatedCheck;

  /**
   * @param includeDrafts true for editors' preview; false shows PUBLISHED content only.
   * @param translations the revision's outdated translations (shared by its indexes).
   */
  constructor(
    documents: DocumentSet,
    includeDrafts: boolean,
    translations: OutdatedTranslations = new OutdatedTranslations(documents),
  ) {
    this.outdated = translations.has;
    const visible = <T extends { status: string }>(doc: T) =>
      includeDrafts || doc.status === 'PUBLISHED';

    this.categories = [...documents.categories.values()].sort(
      (a, b) => a.order - b.order || compareStrings(a.slug, b.slug),
    );
    this.categoriesBySlug = new Map(this.categories.map((c) => [c.slug, c]));

    // What this reader may see decides what the documents it sees may link to.
    const visibleConcepts = new Set(
      [...documents.concepts.values()].filter(visible).map((c) => c.slug),
    );
    const visibleLessons = new Set(
      [...documents.lessons.values()].filter(visible).map((l) => l.slug),
    );
    const visibility: Visibility = {
      concept: (slug) => visibleConcepts.has(slug),
      lesson: (slug) => visibleLessons.has(slug),
    };

    const concepts = [...documents.concepts.values()]
      .filter(visible)
      .map((concept) => conceptView(concept, visibility));
    this.concepts = concepts.sort((a, b) => compareKeys(this.sortKey(a), this.sortKey(b)));
    this.conceptsBySlug = new Map(this.concepts.map((c) => [c.slug, c]));
    this.conceptsByCategory = groupBy(this.concepts, (c) => c.category);

    const edges = new Map<string, Edge[]>();
    const addEdge = (slug: string, edge: Edge) => {
      const list = edges.get(slug);
      if (list) list.push(edge);
      else edges.set(slug, [edge]);
    };
    const relations = [...documents.relations.values()]
      .filter((r) => this.conceptsBySlug.has(r.from) && this.conceptsBySlug.has(r.to))
      .map((relation) => citingView(relation, visibility))
      .sort((a, b) => compareStrings(`${a.kind}|${a.from}|${a.to}`, `${b.kind}|${b.from}|${b.to}`));
    this.relations = relations;
    this.relationsById = new Map(relations.map((r) => [relationId(r), r]));
    for (const relation of relations) {
      const symmetric = RELATION_KIND_DEFINITIONS[relation.kind].symmetric;
      addEdge(relation.from, { relation, direction: 'OUTGOING', other: relation.to });
      addEdge(relation.to, {
        relation,
        direction: symmetric ? 'OUTGOING' : 'INCOMING',
        other: relation.from,
      });
    }
    this.edges = edges;

    this.lessons = [...documents.lessons.values()]
      .filter(visible)
      .map((lesson) => lessonView(lesson, visibility))
      .sort(
        (a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || compareStrings(a.slug, b.slug),
      );
    this.lessonsBySlug = new Map(this.lessons.map((l) => [l.slug, l]));
    const byConcept = new Map<string, Entry<Lesson>[]>();
    for (const lesson of this.lessons) {
      for (const slug of lesson.concepts)
        byConcept.set(slug, [...(byConcept.get(slug) ?? []), lesson]);
    }
    this.lessonsByConcept = byConcept;

    this.comparisons = [...documents.comparisons.values()]
      .filter((c) => c.concepts.every((slug) => this.conceptsBySlug.has(slug)))
      .map((comparison) => citingView(comparison, visibility))
      .sort((a, b) => compareStrings(a.slug, b.slug));
    this.comparisonsBySlug = new Map(this.comparisons.map((c) => [c.slug, c]));
  }

  /** A visible concept, or undefined. */
  concept(slug: string): Entry<Concept> | undefined {
    return this.conceptsBySlug.get(slug);
  }

  /** Visible concepts in listing order, optionally only one category's. */
  conceptsIn(category: string | undefined): readonly Entry<Concept>[] {
    return category === undefined ? this.concepts : (this.conceptsByCategory.get(category) ?? []);
  }

  /** A category, or undefined. */
  category(slug: string): Entry<Category> | undefined {
    return this.categoriesBySlug.get(slug);
  }

  /** The listing sort key of a concept. */
  sortKey(concept: Pick<Concept, 'category' | 'slug'>): ConceptSortKey {
    const order = this.categoriesBySlug.get(concept.category)?.order ?? Number.MAX_SAFE_INTEGER;
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
    const all = this.edges.get(slug) ?? [];
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
    return this.relationsById.get(id);
  }

  /** A visible lesson, or undefined. */
  lesson(slug: string): Entry<Lesson> | undefined {
    return this.lessonsBySlug.get(slug);
  }

  /** Visible lessons that teach (link) a concept, in lesson order. */
  lessonsTeaching(slug: string): readonly Entry<Lesson>[] {
    return this.lessonsByConcept.get(slug) ?? [];
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

  /** An authored comparison whose concepts are all visible, or undefined. */
  comparison(slug: string): Entry<Comparison> | undefined {
    return this.comparisonsBySlug.get(slug);
  }
}

/** Orders concept sort keys. */
export function compareKeys(a: ConceptSortKey, b: ConceptSortKey): number {
  return a[0] - b[0] || compareStrings(a[1], b[1]) || compareStrings(a[2], b[2]);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Validates a decoded concept cursor key. */
export const conceptSortKeySchema = z.tuple([z.number(), z.string(), z.string()]).readonly();
