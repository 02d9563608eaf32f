import { createHash } from 'node:crypto';
import { authoredTable } from '../content/compare.js';
import type { ContentSnapshot, Audience } from '../content/snapshot.js';
import type { Locale } from '../domain/locale.js';
import { relationId } from '../domain/relation.js';
import { AppError, ErrorCode } from '../errors.js';
import { presentConcept } from '../present/presentConcept.js';
import { presentLesson } from '../present/presentLesson.js';
import { presentComparison, presentRelation } from '../present/presentOthers.js';
import { encodeSyncToken } from '../sync/syncToken.js';

/**
 * Everything a mobile app needs to show a lesson offline, in the requested locales: the lesson,
 * every concept it teaches, the relations among those concepts and the comparisons it uses
 * (authored tables whose concepts it all teaches). `contentHash` identifies the content (not
 * the revision); `syncToken` continues with `changes`/`/v1/sync` from this revision.
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
  const relations = index.relations
    .filter((r) => taught.has(r.from) && taught.has(r.to))
    .sort((a, b) => (relationId(a) < relationId(b) ? -1 : 1));
  const comparisons = index.comparisons.filter((c) => c.concepts.every((s) => taught.has(s)));
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
  // The revision this audience's content is as of: editing drafts does not change a public bundle.
  const rev = snapshot.revisionFor(audience);
  return {
    slug,
    locales,
    rev,
    contentHash: createHash('sha256').update(JSON.stringify(content)).digest('hex'),
    syncToken: encodeSyncToken({ epoch: snapshot.epoch, since: rev }),
    content,
  };
}
