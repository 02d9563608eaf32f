import { authoredTable } from '../content/compare.js';
import type { ContentIndex } from '../content/contentIndex.js';
import type { Locale } from '../domain/locale.js';
import { presentConcept } from '../present/presentConcept.js';
import { presentLesson } from '../present/presentLesson.js';
import { presentCategory, presentComparison, presentRelation } from '../present/presentOthers.js';
import type { ChangePage } from './changePage.js';

/**
 * A page of changes as JSON in one locale (the shapes of the REST resources; concepts without
 * the fields derived from other documents: the client has those documents too).
 */
export function presentChanges(index: ContentIndex, page: ChangePage, locale: Locale) {
  return {
    token: page.token,
    hasMore: page.hasMore,
    categories: page.categories.map((c) => presentCategory(c, locale, index.outdated)),
    concepts: page.concepts.map((c) => presentConcept(index, c, locale, { derived: false })),
    relations: page.relations.map((r) => presentRelation(r, locale, index.outdated)),
    comparisons: page.comparisons.map((c) =>
      presentComparison(authoredTable(index, c), locale, index.outdated),
    ),
    lessons: page.lessons.map((l) => presentLesson(l, locale, index.outdated)),
    deleted: page.deleted,
  };
}
