import type { ContentBundle } from '../domain/bundle.js';
import { withoutMeta, type DocumentSet } from './entries.js';

/** The documents of a read model as a content bundle (drafts included), for whole-content checks. */
export function toBundle(documents: DocumentSet): ContentBundle {
  return {
    categories: [...documents.categories.values()].map(withoutMeta),
    concepts: [...documents.concepts.values()].map(withoutMeta),
    relations: [...documents.relations.values()].map(withoutMeta),
    comparisons: [...documents.comparisons.values()].map(withoutMeta),
    lessons: [...documents.lessons.values()].map(withoutMeta),
  };
}
