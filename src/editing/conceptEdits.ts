import type { Viewer } from '../auth/viewer.js';
import { withoutMeta, type Entry } from '../content/entries.js';
import { visibilityDependencies } from '../content/publicView.js';
import { authorize } from '../auth/permissions.js';
import { conceptInputSchema, conceptSchema, type Concept } from '../domain/concept.js';
import { relationId } from '../domain/relation.js';
import { AppError, ErrorCode, type Issue } from '../errors.js';
import type { DocumentWrite } from '../store/contentStore.js';
import { beginEdit, commitEdit, type EditDeps } from './editor.js';
import { applyPatch, dropNulls, parseInput, requireVersion } from './inputs.js';
import { assertReferences } from './referenceIssues.js';
import {
  guardStatusChange,
  guardTranslations,
  type TranslationChoice,
} from './translationGuard.js';

/** Creates a concept as a DRAFT (editor or admin). */
export async function createConcept(
  deps: EditDeps,
  viewer: Viewer,
  input: unknown,
): Promise<Entry<Concept>> {
  const edit = await beginEdit(deps, viewer, 'createDraft');
  const concept: Concept = {
    ...parseInput(conceptInputSchema, dropNulls(input), ['input'], 'The concept'),
    status: 'DRAFT',
  };
  if (edit.snapshot.documents.concepts.has(concept.slug)) {
    throw new AppError(ErrorCode.CONFLICT, `A concept "${concept.slug}" already exists.`, [
      { path: ['input', 'slug'], message: 'is taken' },
    ]);
  }
  assertReferences(
    edit.snapshot,
    [{ collection: 'concepts', id: concept.slug, data: concept }],
    ['input'],
  );
  const snapshot = await commitEdit(
    deps,
    edit,
    [{ op: 'put', collection: 'concepts', id: concept.slug, data: concept, expectedVersion: 0 }],
    [{ collection: 'categories', id: concept.category }],
  );
  return snapshot.documents.concepts.get(concept.slug)!;
}

/**
 * Patches a concept: editors may change drafts, admins anything. Needs the version last read.
 * A Korean change outdates its English unless `choice.needsRetranslation` is false; a published
 * concept may not be left with English this patch outdates or removes (see guardTranslations).
 */
export async function updateConcept(
  deps: EditDeps,
  viewer: Viewer,
  slug: string,
  patch: Record<string, unknown>,
  expectedVersion: number | null | undefined,
  choice: TranslationChoice = {},
): Promise<Entry<Concept>> {
  const version = requireVersion(expectedVersion);
  const edit = await beginEdit(deps, viewer, 'editDraft');
  const current = edit.snapshot.documents.concepts.get(slug);
  if (!current) throw notFound(slug);
  // Changing what readers already see is an admin's call.
  if (current.status === 'PUBLISHED') authorize(viewer, 'editPublished', deps.writable);
  const merged = applyPatch(withoutMeta(current), patch);
  const concept = parseInput(conceptSchema, merged, ['patch'], 'The patched concept');
  assertReferences(edit.snapshot, [{ collection: 'concepts', id: slug, data: concept }], ['patch']);
  const translation = guardTranslations({
    viewer,
    writable: deps.writable,
    collection: 'concepts',
    previous: current,
    next: concept,
    published: concept.status === 'PUBLISHED',
    publishing: false,
    choice,
    prefix: ['patch'],
  });
  const snapshot = await commitEdit(
    deps,
    edit,
    [
      {
        op: 'put',
        collection: 'concepts',
        id: slug,
        data: concept,
        expectedVersion: version,
        translation,
      },
    ],
    [{ collection: 'categories', id: concept.category }],
  );
  return snapshot.documents.concepts.get(slug)!;
}

/**
 * Publishes or unpublishes a concept (admin). Publishing needs current English for every text
 * field, unless the admin allows it (`choice.allowUntranslated`), which the version records.
 */
export async function setConceptStatus(
  deps: EditDeps,
  viewer: Viewer,
  slug: string,
  status: Concept['status'],
  expectedVersion: number | null | undefined,
  choice: TranslationChoice = {},
): Promise<Entry<Concept>> {
  const version = requireVersion(expectedVersion);
  const edit = await beginEdit(deps, viewer, 'publish');
  const current = edit.snapshot.documents.concepts.get(slug);
  if (!current) throw notFound(slug);
  const data = withoutMeta(current);
  const translation = guardStatusChange({
    viewer,
    writable: deps.writable,
    collection: 'concepts',
    current,
    next: { ...data, status },
    choice,
  });
  const snapshot = await commitEdit(deps, edit, [
    {
      op: 'put',
      collection: 'concepts',
      id: slug,
      data: { ...data, status },
      expectedVersion: version,
      translation,
    },
  ]);
  return snapshot.documents.concepts.get(slug)!;
}

/**
 * Deletes a concept (admin), leaving a tombstone. Refused while anything refers to it, listing
 * the referrers; with `cascade` the referring relations are deleted and analogy links to it
 * cleared in the same transaction. Lessons and comparisons are authored text and tables: they
 * must be edited first, cascade or not.
 */
export async function deleteConcept(
  deps: EditDeps,
  viewer: Viewer,
  slug: string,
  expectedVersion: number | null | undefined,
  cascade: boolean,
): Promise<{ type: string; slug: string }> {
  const version = requireVersion(expectedVersion);
  const edit = await beginEdit(deps, viewer, 'delete');
  const { documents } = edit.snapshot;
  if (!documents.concepts.has(slug)) throw notFound(slug);
  const relations = [...documents.relations.values()].filter(
    (r) => r.from === slug || r.to === slug,
  );
  const lessons = [...documents.lessons.values()].filter((l) => l.concepts.includes(slug));
  const comparisons = [...documents.comparisons.values()].filter((c) => c.concepts.includes(slug));
  // Found by what each concept links (see visibilityDependencies): a concept restored from a
  // compiled course answers without parsing its analogies, so only those that link it are read.
  const linked = `concepts/${slug}`;
  const analogies = [...documents.concepts.values()].filter(
    (c) => c.slug !== slug && visibilityDependencies('concepts', c).includes(linked),
  );
  const blocking: Issue[] = [
    ...lessons.map((l) => ({ path: ['lessons', l.slug], message: 'links this concept' })),
    ...comparisons.map((c) => ({
      path: ['comparisons', c.slug],
      message: 'compares this concept',
    })),
  ];
  const cascadable: Issue[] = [
    ...relations.map((r) => ({
      path: ['relations', relationId(r)],
      message: 'relates to this concept',
    })),
    ...analogies.map((c) => ({
      path: ['concepts', c.slug],
      message: 'maps an analogy to this concept',
    })),
  ];
  if (blocking.length > 0 || (!cascade && cascadable.length > 0)) {
    throw new AppError(
      ErrorCode.CONFLICT,
      blocking.length > 0
        ? `"${slug}" is still used by lessons or comparisons: edit them first.`
        : `"${slug}" is still referred to: remove the references, or delete with cascade: true.`,
      [...blocking, ...cascadable],
    );
  }
  const writes: DocumentWrite[] = [
    { op: 'delete', collection: 'concepts', id: slug, expectedVersion: version },
    ...relations.map((r): DocumentWrite => ({
      op: 'delete',
      collection: 'relations',
      id: relationId(r),
      expectedVersion: r.version,
    })),
    ...analogies.map((c): DocumentWrite => {
      const data = withoutMeta(c);
      const unlinked = data.analogies.map((a) => ({
        ...a,
        mapping: a.mapping.map(({ concept, ...pair }) =>
          concept === slug ? pair : { ...pair, concept },
        ),
      }));
      return {
        op: 'put',
        collection: 'concepts',
        id: c.slug,
        data: { ...data, analogies: unlinked },
        expectedVersion: c.version,
      };
    }),
  ];
  await commitEdit(deps, edit, writes);
  return { type: 'concept', slug };
}

function notFound(slug: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `There is no concept "${slug}".`, [
    { path: ['slug'], message: 'no such concept' },
  ]);
}
