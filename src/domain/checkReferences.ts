import type { ContentBundle, CollectionName } from './bundle.js';
import { relationId } from './relation.js';
import { RELATION_KIND_DEFINITIONS } from './relationKinds.js';
import type { SourceRef } from './source.js';

/** A broken rule between documents: which document, the path inside it, and the rule. */
export interface ReferenceIssue {
  collection: CollectionName;
  id: string;
  path: (string | number)[];
  message: string;
}

/**
 * Checks what a per-document schema cannot: ids are unique, every reference points at an
 * existing document (categories, relation endpoints, lesson links, citations), relation kinds
 * connect only the categories they allow, and a published lesson links only published
 * concepts. Returns every issue found (empty when valid).
 */
export function checkReferences(bundle: ContentBundle): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const report = (
    collection: CollectionName,
    id: string,
    path: ReferenceIssue['path'],
    message: string,
  ) => issues.push({ collection, id, path, message });

  const categories = uniqueIds('categories', bundle.categories, (c) => c.slug, report);
  const concepts = new Map(bundle.concepts.map((c) => [c.slug, c]));
  uniqueIds('concepts', bundle.concepts, (c) => c.slug, report);
  uniqueIds('comparisons', bundle.comparisons, (c) => c.slug, report);
  uniqueIds('lessons', bundle.lessons, (l) => l.slug, report);
  const anchors = new Map(
    bundle.lessons.map((lesson) => [lesson.slug, new Set(lesson.sections.map((s) => s.anchor))]),
  );
  const checkSource = (
    collection: CollectionName,
    id: string,
    path: ReferenceIssue['path'],
    source: SourceRef,
  ) => {
    const sections = anchors.get(source.lesson);
    if (!sections) report(collection, id, [...path, 'lesson'], `unknown lesson "${source.lesson}"`);
    else if (!sections.has(source.section)) {
      report(
        collection,
        id,
        [...path, 'section'],
        `lesson "${source.lesson}" has no section "${source.section}"`,
      );
    }
  };
  const checkConcept = (
    collection: CollectionName,
    id: string,
    path: ReferenceIssue['path'],
    slug: string,
  ) => {
    if (!concepts.has(slug)) report(collection, id, path, `unknown concept "${slug}"`);
  };

  for (const concept of bundle.concepts) {
    if (!categories.has(concept.category)) {
      report('concepts', concept.slug, ['category'], `unknown category "${concept.category}"`);
    }
    concept.sources.forEach((source, i) =>
      checkSource('concepts', concept.slug, ['sources', i], source),
    );
    concept.analogies.forEach((analogy, a) =>
      analogy.mapping.forEach((pair, p) => {
        if (pair.concept)
          checkConcept(
            'concepts',
            concept.slug,
            ['analogies', a, 'mapping', p, 'concept'],
            pair.concept,
          );
      }),
    );
  }

  const relationIds = new Set<string>();
  bundle.relations.forEach((relation, index) => {
    const id = relationId(relation);
    const definition = RELATION_KIND_DEFINITIONS[relation.kind];
    const mirrored = relationId({ from: relation.to, kind: relation.kind, to: relation.from });
    if (relationIds.has(id)) report('relations', id, [index], 'is listed twice');
    else if (definition.symmetric && relationIds.has(mirrored)) {
      report(
        'relations',
        id,
        [index],
        `${relation.kind} is symmetric and is already listed the other way round`,
      );
    }
    relationIds.add(id);
    for (const end of ['from', 'to'] as const) {
      const concept = concepts.get(relation[end]);
      if (!concept) {
        report('relations', id, [index, end], `unknown concept "${relation[end]}"`);
        continue;
      }
      const allowed = end === 'from' ? definition.fromCategories : definition.toCategories;
      if (allowed && !allowed.includes(concept.category)) {
        report(
          'relations',
          id,
          [index, end],
          `${relation.kind} does not allow a "${concept.category}" concept at its "${end}" end (allowed: ${allowed.join(', ')})`,
        );
      }
    }
    if (relation.source) checkSource('relations', id, [index, 'source'], relation.source);
  });

  for (const comparison of bundle.comparisons) {
    comparison.concepts.forEach((slug, i) =>
      checkConcept('comparisons', comparison.slug, ['concepts', i], slug),
    );
    if (comparison.source)
      checkSource('comparisons', comparison.slug, ['source'], comparison.source);
  }

  for (const lesson of bundle.lessons) {
    lesson.sections.forEach((section, s) =>
      section.concepts.forEach((slug) => {
        const path = ['sections', s, `link concept:${slug}`];
        checkConcept('lessons', lesson.slug, path, slug);
        // A published lesson would show its readers a link to a concept they cannot see.
        if (lesson.status === 'PUBLISHED' && concepts.get(slug)?.status === 'DRAFT') {
          report(
            'lessons',
            lesson.slug,
            path,
            `links concept "${slug}", which is not published: publish it first, or unlink it`,
          );
        }
      }),
    );
  }
  return issues;
}

function uniqueIds<T>(
  collection: CollectionName,
  items: readonly T[],
  idOf: (item: T) => string,
  report: (
    collection: CollectionName,
    id: string,
    path: ReferenceIssue['path'],
    message: string,
  ) => void,
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const id = idOf(item);
    if (seen.has(id)) report(collection, id, [index], `id "${id}" is used twice`);
    seen.add(id);
  });
  return seen;
}
