import { authorize } from '../auth/permissions.js';
import type { Viewer } from '../auth/viewer.js';
import type { Edge } from '../content/contentIndex.js';
import { relationId, relationSchema, type Relation } from '../domain/relation.js';
import { RELATION_KIND_DEFINITIONS, type RelationKind } from '../domain/relationKinds.js';
import { AppError, ErrorCode } from '../errors.js';
import { beginEdit, commitEdit, type EditDeps } from './editor.js';
import { dropNulls, parseInput } from './inputs.js';
import { assertReferences } from './referenceIssues.js';

/**
 * Adds a relation: an editor may relate a draft to anything, only an admin two published
 * concepts. Both ends must exist (checked again inside the commit) and fit the kind's
 * categories; a relation that exists, or a symmetric one the other way round, is a CONFLICT.
 * Returns the relation seen from its `from` end.
 */
export async function addRelation(deps: EditDeps, viewer: Viewer, input: unknown): Promise<Edge> {
  const edit = await beginEdit(deps, viewer, 'addRelation');
  const relation: Relation = parseInput(
    relationSchema,
    dropNulls(input),
    ['input'],
    'The relation',
  );
  // A relation between two published concepts is published the moment it is written: that is
  // an edit of published content, for an admin. With a draft at either end it goes live only
  // when an admin publishes that draft.
  const { concepts } = edit.snapshot.documents;
  const published = (slug: string) => concepts.get(slug)?.status === 'PUBLISHED';
  if (published(relation.from) && published(relation.to)) {
    authorize(viewer, 'editPublished', deps.writable);
  }
  const id = relationId(relation);
  const mirror = relationId({ from: relation.to, kind: relation.kind, to: relation.from });
  const { relations } = edit.snapshot.documents;
  if (
    relations.has(id) ||
    (RELATION_KIND_DEFINITIONS[relation.kind].symmetric && relations.has(mirror))
  ) {
    throw new AppError(ErrorCode.CONFLICT, `The relation ${id} already exists.`, [
      { path: ['input'], message: 'already exists' },
    ]);
  }
  assertReferences(edit.snapshot, [{ collection: 'relations', id, data: relation }], ['input']);
  const snapshot = await commitEdit(
    deps,
    edit,
    [{ op: 'put', collection: 'relations', id, data: relation, expectedVersion: 0 }],
    [
      { collection: 'concepts', id: relation.from },
      { collection: 'concepts', id: relation.to },
    ],
  );
  return {
    relation: snapshot.documents.relations.get(id)!,
    direction: 'OUTGOING',
    other: relation.to,
  };
}

/** Removes a relation (admin). True when one was removed, false when there was none. */
export async function removeRelation(
  deps: EditDeps,
  viewer: Viewer,
  from: string,
  kind: RelationKind,
  to: string,
): Promise<boolean> {
  const edit = await beginEdit(deps, viewer, 'removeRelation');
  const { relations } = edit.snapshot.documents;
  // A symmetric relation is stored once, whichever way round it was added.
  const mirror = relationId({ from: to, kind, to: from });
  const id =
    relations.has(relationId({ from, kind, to })) || !RELATION_KIND_DEFINITIONS[kind].symmetric
      ? relationId({ from, kind, to })
      : mirror;
  const current = relations.get(id);
  if (!current) return false;
  await commitEdit(deps, edit, [
    { op: 'delete', collection: 'relations', id, expectedVersion: current.version },
  ]);
  return true;
}
