import { createHash } from 'node:crypto';
import { authoredTable } from '../content/compare.js';
import type { ContentSnapshot, Audience } from '../content/snapshot.js';
import type { Locale } from '../domain/locale.js';
import { relationId, type Relation } from '../domain/relation.js';
import type { Comparison } from '../domain/comparison.js';
import type { Entry } from '../content/entries.js';
import { AppError, ErrorCode } from '../errors.js';
import { presentConcept } from '../present/presentConcept.js';
import { presentLesson } from '../present/presentLesson.js';
import { presentComparison, presentRelation } from '../present/presentOthers.js';
import { encodeSyncToken } from '../sync/syncToken.js';

/**
 * Everything a mobile app needs to show a lesson offline, in the requested locales: the lesson,
 * every concept it teaches, the relations among those concepts and the comparisons it uses
 * (authored tables whose concepts it all teaches). `contentHash` identifies the content in
 * those locales (not the revision: see contentHashOf); `rev` is the public revision of those
 * locales (the store's for editors) and `syncToken` continues with `changes`/`/v1/sync` from
 * it, so an edit only another locale's readers see changes none of the three.
 */
export function lessonBundle(
  snapshot: ContentSnapshot,
  audience: Audience,
  slug: string,
  locales: readonly Locale[],
) {
  const index = snapshot.index(audience);
  const lesson = index.lesson(slug);
  if (!lesson) {
    throw new AppError(ErrorCode.NOT_FOUND, `There is no lesson "${slug}".`, [
      { path: ['slug'], message: 'no such lesson' },
    ]);
  }
  const taught = new Set(lesson.concepts.filter((c) => index.concept(c)));
  const concepts = [...taught].map((c) => index.concept(c)!);
  // Found through the taught concepts' own edges and comparisons, not by scanning the course.
  const related = new Set<Entry<Relation>>();
  const compared = new Set<Entry<Comparison>>();
  for (const slug of taught) {
    for (const edge of index.edgesOf(slug)) if (taught.has(edge.other)) related.add(edge.relation);
    for (const comparison of index.comparisonsOf(slug)) compared.add(comparison);
  }
  const relations = [...related].sort((a, b) => (relationId(a) < relationId(b) ? -1 : 1));
  const comparisons = [...compared]
    .filter((c) => c.concepts.every((s) => taught.has(s)))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const content = Object.fromEntries(
    locales.map((locale) => [
      locale,
      {
        lesson: presentLesson(lesson, locale, index.outdated),
        concepts: concepts.map((concept) => presentConcept(index, concept, locale)),
        relations: relations.map((relation) => presentRelation(relation, locale, index.outdated)),
        comparisons: comparisons.map((c) =>
          presentComparison(authoredTable(index, c), locale, index.outdated),
        ),
      },
    ]),
  );
  // The revision this audience's content in these locales is as of: editing drafts, or text
  // only another locale's readers see, does not change a public bundle.
  const rev = snapshot.revisionFor(audience, locales);
  return {
    slug,
    locales,
    rev,
    contentHash: contentHashOf(content),
    syncToken: encodeSyncToken({ epoch: snapshot.epoch, since: rev }),
    content,
  };
}

type BundleContent = Record<
  string,
  {
    lesson: { version: number; updatedAt: string };
    concepts: { version: number; updatedAt: string }[];
    relations: unknown[];
    comparisons: unknown[];
  }
>;

// SHA-256 of the content without the edit stamps of its lesson and concepts (`version`,
// `updatedAt`): they move with every edit, also with one that changes nothing a reader of these
// locales sees, which must leave the hash (and the app's copy) as it was.
function contentHashOf(content: BundleContent): string {
  const unstamped = <T extends { version: number; updatedAt: string }>({
    version: _version,
    updatedAt: _updatedAt,
    ...rest
  }: T) => rest;
  const hashed = Object.entries(content).map(([locale, part]) => [
    locale,
    {
      ...part,
      lesson: unstamped(part.lesson),
      concepts: part.concepts.map(unstamped),
    },
  ]);
  return createHash('sha256').update(JSON.stringify(hashed)).digest('hex');
}
