import type { CollectionName } from '../domain/bundle.js';
import type { DocumentSet } from './entries.js';
import { visibilityDependencies } from './publicView.js';
import { OverlayMap } from '../structures/overlayMap.js';

/** A document's key in the read model: `collection/id`. */
export type DocumentKey = `${CollectionName}/${string}`;

type DependentCollection = 'concepts' | 'lessons' | 'relations' | 'comparisons';
const DEPENDENT_COLLECTIONS: readonly DependentCollection[] = [
  'concepts',
  'lessons',
  'relations',
  'comparisons',
];

/**
 * The reverse of visibilityDependencies over one revision's documents: for a concept or lesson,
 * which documents' views depend on whether it is visible (its relations, the comparisons and
 * lessons naming it, the concepts linking it). Publishing or unpublishing one therefore
 * re-views only those, not the whole course. Immutable; `next` shares every set that did not
 * change.
 */
export class VisibilityDependents {
  private constructor(private readonly byTarget: ReadonlyMap<string, ReadonlySet<string>>) {}

  /** The dependents of every document of a revision (one pass over all of them). */
  static build(documents: DocumentSet): VisibilityDependents {
    const byTarget = new Map<string, Set<string>>();
    for (const collection of DEPENDENT_COLLECTIONS) {
      for (const [id, document] of documents[collection]) {
        const key = `${collection}/${id}`;
        for (const target of visibilityDependencies(collection, document)) {
          let set = byTarget.get(target);
          if (!set) byTarget.set(target, (set = new Set()));
          set.add(key);
        }
      }
    }
    return new VisibilityDependents(byTarget);
  }

  /**
   * The dependents after some documents changed (`changed`: their keys), from the documents
   * before and after the change. This one is left as it was.
   */
  next(
    before: DocumentSet,
    after: DocumentSet,
    changed: Iterable<DocumentKey>,
  ): VisibilityDependents {
    const byTarget = OverlayMap.editing(this.byTarget);
    const copied = new Set<string>();
    const editable = (target: string): Set<string> => {
      const existing = byTarget.get(target);
      if (existing && copied.has(target)) return existing as Set<string>;
      const set = new Set(existing);
      byTarget.set(target, set);
      copied.add(target);
      return set;
    };
    for (const key of changed) {
      const collection = collectionOf(key);
      if (!collection) continue;
      const id = key.slice(collection.length + 1);
      const old = before[collection].get(id);
      const now = after[collection].get(id);
      if (old)
        for (const target of visibilityDependencies(collection, old)) editable(target).delete(key);
      if (now)
        for (const target of visibilityDependencies(collection, now)) editable(target).add(key);
    }
    return new VisibilityDependents(byTarget);
  }

  /** The documents (`collection/id`) whose view depends on `target`'s visibility. */
  of(target: DocumentKey): ReadonlySet<string> {
    return this.byTarget.get(target) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function collectionOf(key: string): DependentCollection | undefined {
  const name = key.slice(0, key.indexOf('/'));
  return (DEPENDENT_COLLECTIONS as readonly string[]).includes(name)
    ? (name as DependentCollection)
    : undefined;
}
