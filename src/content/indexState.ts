import type { Category } from '../domain/category.js';
import type { Comparison } from '../domain/comparison.js';
import type { Concept } from '../domain/concept.js';
import type { Lesson } from '../domain/lesson.js';
import { relationId, type Relation } from '../domain/relation.js';
import { RELATION_KIND_DEFINITIONS } from '../domain/relationKinds.js';
import type { DocumentSet, Entry } from './entries.js';
import { citingView, conceptView, lessonView, type Visibility } from './publicView.js';
import { Lazy } from '../structures/lazy.js';
import { OverlayMap, type EditableMap } from '../structures/overlayMap.js';
import { insertSorted, removeSorted, type Comparator } from './sortedList.js';
import type { DocumentKey } from './visibilityDependents.js';

/** Which way an edge points, seen from the concept it is listed on. */
export type EdgeDirection = 'OUTGOING' | 'INCOMING';

/** A relation seen from one of its ends. Symmetric relations read OUTGOING from both ends. */
export interface Edge {
  relation: Entry<Relation>;
  direction: EdgeDirection;
  /** The concept at the other end. */
  other: string;
}

/** The relations an audience sees, and the indexes over them (see IndexState). */
export interface RelationIndexes {
  /** Relations whose concepts are both visible, by kind, then from, then to. */
  readonly relations: readonly Entry<Relation>[];
  readonly relationsById: ReadonlyMap<string, Entry<Relation>>;
  readonly edges: ReadonlyMap<string, readonly Edge[]>;
}

/**
 * The indexes of one revision for one audience (see ContentIndex): every list sorted, every map
 * by slug or id. Lists held in maps are in the order of the list they come from.
 */
export interface IndexState {
  readonly categories: readonly Entry<Category>[];
  readonly categoriesBySlug: ReadonlyMap<string, Entry<Category>>;
  readonly concepts: readonly Entry<Concept>[];
  readonly conceptsBySlug: ReadonlyMap<string, Entry<Concept>>;
  readonly conceptsByCategory: ReadonlyMap<string, readonly Entry<Concept>[]>;
  /**
   * Made when first read: half of a course's documents are relations, and their indexes were
   * about two thirds of a start's index building, which the start's first answer (a concept, a
   * lesson) seldom needs. Once made, the next revision's are made from them (see
   * nextIndexState); else the next revision's are made when first read, in their turn.
   */
  readonly relationIndexes: Lazy<RelationIndexes>;
  readonly lessons: readonly Entry<Lesson>[];
  readonly lessonsBySlug: ReadonlyMap<string, Entry<Lesson>>;
  readonly lessonsByConcept: ReadonlyMap<string, readonly Entry<Lesson>[]>;
  /** Comparisons whose concepts are all visible, by slug. */
  readonly comparisons: readonly Entry<Comparison>[];
  readonly comparisonsBySlug: ReadonlyMap<string, Entry<Comparison>>;
  readonly comparisonsByConcept: ReadonlyMap<string, readonly Entry<Comparison>[]>;
}

/** The orders of an index's lists (concepts' depends on the categories' order). */
export interface IndexOrders {
  concept: Comparator<Entry<Concept>>;
  relation: Comparator<Entry<Relation>>;
  edge: Comparator<Edge>;
  lesson: Comparator<Entry<Lesson>>;
  comparison: Comparator<Entry<Comparison>>;
}

/** Whether a document is visible to an audience (drafts only to the preview). */
export function isVisible(document: { status: string } | undefined, includeDrafts: boolean) {
  return document !== undefined && (includeDrafts || document.status === 'PUBLISHED');
}

/** What an audience may see, read from a revision's documents. */
export function visibilityIn(documents: DocumentSet, includeDrafts: boolean): Visibility {
  return {
    concept: (slug) => isVisible(documents.concepts.get(slug), includeDrafts),
    lesson: (slug) => isVisible(documents.lessons.get(slug), includeDrafts),
  };
}

/** The list orders, given the categories (a concept sorts by its category's order first). */
export function indexOrders(categoriesBySlug: ReadonlyMap<string, Category>): IndexOrders {
  const orderOf = (category: string) =>
    categoriesBySlug.get(category)?.order ?? Number.MAX_SAFE_INTEGER;
  const relation = (a: Relation, b: Relation) =>
    compareStrings(`${a.kind}|${a.from}|${a.to}`, `${b.kind}|${b.from}|${b.to}`);
  return {
    concept: (a, b) =>
      orderOf(a.category) - orderOf(b.category) ||
      compareStrings(a.category, b.category) ||
      compareStrings(a.slug, b.slug),
    relation,
    edge: (a, b) => relation(a.relation, b.relation),
    lesson: (a, b) =>
      (a.number ?? Infinity) - (b.number ?? Infinity) || compareStrings(a.slug, b.slug),
    comparison: (a, b) => compareStrings(a.slug, b.slug),
  };
}

/** Builds every index of a revision for an audience, from scratch. */
export function buildIndexState(documents: DocumentSet, includeDrafts: boolean): IndexState {
  const visible = (doc: { status: string }) => includeDrafts || doc.status === 'PUBLISHED';
  const categories = [...documents.categories.values()].sort(
    (a, b) => a.order - b.order || compareStrings(a.slug, b.slug),
  );
  const categoriesBySlug = bySlug(categories);
  const orders = indexOrders(categoriesBySlug);
  const visibility = visibilityIn(documents, includeDrafts);

  // forEach over the documents: a start runs this cold, where for...of makes an iterator
  // result per document.
  const concepts: Entry<Concept>[] = [];
  documents.concepts.forEach((concept) => {
    if (visible(concept)) concepts.push(conceptView(concept, visibility));
  });
  concepts.sort(orders.concept);
  const conceptsBySlug = bySlug(concepts);

  const lessons: Entry<Lesson>[] = [];
  documents.lessons.forEach((lesson) => {
    if (visible(lesson)) lessons.push(lessonView(lesson, visibility));
  });
  lessons.sort(orders.lesson);

  const comparisons: Entry<Comparison>[] = [];
  documents.comparisons.forEach((comparison) => {
    if (comparison.concepts.every((slug) => conceptsBySlug.has(slug))) {
      comparisons.push(citingView(comparison, visibility));
    }
  });
  comparisons.sort(orders.comparison);

  const state = {
    categories,
    categoriesBySlug,
    concepts,
    conceptsBySlug,
    conceptsByCategory: new Map<string, Entry<Concept>[]>(),
    relationIndexes: new Lazy(() => buildRelationIndexes(documents, conceptsBySlug, visibility)),
    lessons,
    lessonsBySlug: bySlug(lessons),
    lessonsByConcept: new Map<string, Entry<Lesson>[]>(),
    comparisons,
    comparisonsBySlug: bySlug(comparisons),
    comparisonsByConcept: new Map<string, Entry<Comparison>[]>(),
  };
  // Appending in list order keeps every grouped list in that order.
  for (const concept of concepts) append(state.conceptsByCategory, concept.category, concept);
  for (const lesson of lessons) {
    for (const slug of lesson.concepts) append(state.lessonsByConcept, slug, lesson);
  }
  for (const comparison of comparisons) {
    for (const slug of comparison.concepts) append(state.comparisonsByConcept, slug, comparison);
  }
  return state;
}

// The relations whose concepts are both visible (`conceptsBySlug`, the audience's), and their
// indexes, from scratch.
function buildRelationIndexes(
  documents: DocumentSet,
  conceptsBySlug: ReadonlyMap<string, Entry<Concept>>,
  visibility: Visibility,
): RelationIndexes {
  const relations: Entry<Relation>[] = [];
  documents.relations.forEach((relation) => {
    if (conceptsBySlug.has(relation.from) && conceptsBySlug.has(relation.to)) {
      relations.push(citingView(relation, visibility));
    }
  });
  // Sorted by precomputed keys (the comparator would build two strings per comparison), as
  // positions: no pair or map entry made per relation.
  const relationKeys = relations.map((r) => `${r.kind}|${r.from}|${r.to}`);
  const relationOrder = relationKeys.map((_, i) => i);
  relationOrder.sort((a, b) => compareStrings(relationKeys[a]!, relationKeys[b]!));
  const sorted = relationOrder.map((i) => relations[i]!);
  const edges = new Map<string, Edge[]>();
  for (const relation of sorted) {
    const [from, to] = edgesOf(relation);
    append(edges, from[0], from[1]);
    append(edges, to[0], to[1]);
  }
  return { relations: sorted, relationsById: keyed(sorted, relationId), edges };
}

/**
 * The indexes after some documents changed, made from the previous revision's by re-viewing
 * only `affected` (the changed documents and those whose view depends on a changed one's
 * visibility): work in proportion to the change, not to the course. Categories must not be
 * among them (their order sorts every concept: that is a full build). The previous state is
 * left as it was; what did not change is shared.
 */
export function nextIndexState(
  previous: IndexState,
  before: DocumentSet,
  after: DocumentSet,
  affected: Iterable<DocumentKey>,
  includeDrafts: boolean,
): IndexState {
  const orders = indexOrders(previous.categoriesBySlug);
  const visibility = visibilityIn(after, includeDrafts);
  // Relation indexes nobody read are not kept up: the next revision's are made when read.
  const relationsMade = previous.relationIndexes.isMade;
  const { relationIndexes, ...rest } = previous;
  const draft = new IndexDraft(relationsMade ? { ...rest, ...relationIndexes.value } : rest);
  const keys = [...affected];
  // Every old view goes first, so the new ones see one consistent index.
  for (const key of keys) {
    const [collection, id] = splitKey(key);
    switch (collection) {
      case 'concepts': {
        const old = previous.conceptsBySlug.get(id);
        if (!old) break;
        removeSorted(draft.list('concepts'), old, orders.concept);
        draft.map('conceptsBySlug').delete(id);
        removeSorted(draft.group('conceptsByCategory', old.category), old, orders.concept);
        break;
      }
      case 'relations': {
        if (!relationsMade) break;
        const raw = before.relations.get(id);
        const old = raw && relationIndexes.value.relationsById.get(relationId(raw));
        if (!old) break;
        removeSorted(draft.list('relations'), old, orders.relation);
        draft.map('relationsById').delete(relationId(old));
        for (const slug of new Set([old.from, old.to])) {
          const edges = draft.group('edges', slug);
          for (let i = edges.length - 1; i >= 0; i--)
            if (edges[i]!.relation === old) edges.splice(i, 1);
        }
        break;
      }
      case 'lessons': {
        const old = previous.lessonsBySlug.get(id);
        if (!old) break;
        removeSorted(draft.list('lessons'), old, orders.lesson);
        draft.map('lessonsBySlug').delete(id);
        for (const slug of old.concepts) {
          removeSorted(draft.group('lessonsByConcept', slug), old, orders.lesson);
        }
        break;
      }
      case 'comparisons': {
        const raw = before.comparisons.get(id);
        const old = raw && previous.comparisonsBySlug.get(raw.slug);
        if (!old) break;
        removeSorted(draft.list('comparisons'), old, orders.comparison);
        draft.map('comparisonsBySlug').delete(old.slug);
        for (const slug of old.concepts) {
          removeSorted(draft.group('comparisonsByConcept', slug), old, orders.comparison);
        }
        break;
      }
    }
  }
  for (const key of keys) {
    const [collection, id] = splitKey(key);
    switch (collection) {
      case 'concepts': {
        const concept = after.concepts.get(id);
        if (!isVisible(concept, includeDrafts)) break;
        const view = conceptView(concept!, visibility);
        insertSorted(draft.list('concepts'), view, orders.concept);
        draft.map('conceptsBySlug').set(view.slug, view);
        insertSorted(draft.group('conceptsByCategory', view.category), view, orders.concept);
        break;
      }
      case 'relations': {
        if (!relationsMade) break;
        const relation = after.relations.get(id);
        if (!relation || !visibility.concept(relation.from) || !visibility.concept(relation.to))
          break;
        const view = citingView(relation, visibility);
        insertSorted(draft.list('relations'), view, orders.relation);
        draft.map('relationsById').set(relationId(view), view);
        for (const [slug, edge] of edgesOf(view)) {
          insertSorted(draft.group('edges', slug), edge, orders.edge);
        }
        break;
      }
      case 'lessons': {
        const lesson = after.lessons.get(id);
        if (!isVisible(lesson, includeDrafts)) break;
        const view = lessonView(lesson!, visibility);
        insertSorted(draft.list('lessons'), view, orders.lesson);
        draft.map('lessonsBySlug').set(view.slug, view);
        for (const slug of view.concepts) {
          insertSorted(draft.group('lessonsByConcept', slug), view, orders.lesson);
        }
        break;
      }
      case 'comparisons': {
        const comparison = after.comparisons.get(id);
        if (!comparison || !comparison.concepts.every((slug) => visibility.concept(slug))) break;
        const view = citingView(comparison, visibility);
        insertSorted(draft.list('comparisons'), view, orders.comparison);
        draft.map('comparisonsBySlug').set(view.slug, view);
        for (const slug of view.concepts) {
          insertSorted(draft.group('comparisonsByConcept', slug), view, orders.comparison);
        }
        break;
      }
    }
  }
  const { relations, relationsById, edges, ...next } = draft.finish();
  return {
    ...next,
    relationIndexes: relationsMade
      ? Lazy.of({ relations: relations!, relationsById: relationsById!, edges: edges! })
      : new Lazy(() => buildRelationIndexes(after, next.conceptsBySlug, visibility)),
  };
}

// An index state with its relation indexes as fields of their own, as the draft edits it
// (those absent when they are not kept up).
type FlatIndexState = Omit<IndexState, 'relationIndexes'> & Partial<RelationIndexes>;

type ListName = 'concepts' | 'relations' | 'lessons' | 'comparisons';
type MapName = 'conceptsBySlug' | 'relationsById' | 'lessonsBySlug' | 'comparisonsBySlug';
type GroupName = 'conceptsByCategory' | 'edges' | 'lessonsByConcept' | 'comparisonsByConcept';
type Mutable<T> =
  NonNullable<T> extends readonly (infer E)[]
    ? E[]
    : NonNullable<T> extends ReadonlyMap<infer K, infer V>
      ? EditableMap<K, V>
      : never;
type GroupItem<N extends GroupName> =
  NonNullable<FlatIndexState[N]> extends ReadonlyMap<string, readonly (infer E)[]> ? E : never;

// The next state, copying each list and group of the previous one on its first change only (an
// edit of one concept copies the concept lists, not the relations or lessons), and overlaying
// its maps (see OverlayMap: a map of every concept is not copied for one of them).
class IndexDraft {
  private readonly next: Record<string, unknown>;
  private readonly copied = new Set<string>();
  private readonly touchedGroups: [GroupName, string][] = [];

  constructor(private readonly previous: FlatIndexState) {
    this.next = { ...previous };
  }

  list<N extends ListName>(name: N): Mutable<FlatIndexState[N]> {
    if (!this.copied.has(name)) {
      this.next[name] = [...this.previous[name]!];
      this.copied.add(name);
    }
    return this.next[name] as Mutable<FlatIndexState[N]>;
  }

  map<N extends MapName>(name: N): Mutable<FlatIndexState[N]> {
    if (!this.copied.has(name)) {
      this.next[name] = OverlayMap.editing<string, unknown>(this.previous[name]!);
      this.copied.add(name);
    }
    return this.next[name] as Mutable<FlatIndexState[N]>;
  }

  group<N extends GroupName>(name: N, key: string): GroupItem<N>[] {
    if (!this.copied.has(name)) {
      this.next[name] = OverlayMap.editing<string, unknown>(this.previous[name]!);
      this.copied.add(name);
    }
    const groups = this.next[name] as EditableMap<string, GroupItem<N>[]>;
    const copyKey = `${name}\u0000${key}`;
    if (!this.copied.has(copyKey)) {
      groups.set(key, [...(groups.get(key) ?? [])]);
      this.copied.add(copyKey);
      this.touchedGroups.push([name, key]);
    }
    return groups.get(key)!;
  }

  finish(): FlatIndexState {
    // Groups emptied by the change are dropped, as a build would not have made them.
    for (const [name, key] of this.touchedGroups) {
      const groups = this.next[name] as EditableMap<string, unknown[]>;
      if (groups.get(key)?.length === 0) groups.delete(key);
    }
    return this.next as unknown as FlatIndexState;
  }
}

// The relation's edge as listed on each of its ends: its from's, then its to's.
function edgesOf(relation: Entry<Relation>): [[string, Edge], [string, Edge]] {
  const symmetric = RELATION_KIND_DEFINITIONS[relation.kind].symmetric;
  return [
    [relation.from, { relation, direction: 'OUTGOING', other: relation.to }],
    [
      relation.to,
      { relation, direction: symmetric ? 'OUTGOING' : 'INCOMING', other: relation.from },
    ],
  ];
}

// A map by key in the list's order, made without a pair per item.
function keyed<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(keyOf(item), item);
  return map;
}

function bySlug<T extends { slug: string }>(items: readonly T[]): Map<string, T> {
  return keyed(items, (item) => item.slug);
}

function append<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}

function splitKey(key: DocumentKey): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

/** Orders strings by code unit (as the listings always have). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
