import type { CollectionName } from '../domain/bundle.js';
import { checkReferences } from '../domain/checkReferences.js';
import { ValidationError, type Issue } from '../errors.js';
import type { ContentSnapshot } from '../content/snapshot.js';
import { toBundle } from '../content/toBundle.js';
import { applyChanges } from '../content/applyChanges.js';
import type { StoredDocument } from '../store/contentStore.js';

/**
 * Checks the references of documents about to be written against the whole content as it would
 * be after the write (category known, relation ends exist and fit the kind, lesson links and
 * citations resolve, ids unique). Throws BAD_USER_INPUT with paths under `prefix`.
 */
export function assertReferences(
  snapshot: ContentSnapshot,
  changed: { collection: CollectionName; id: string; data: unknown }[],
  prefix: (string | number)[],
): void {
  const asStored = changed.map(
    (doc) =>
      ({
        ...doc,
        deleted: false,
        rev: 0,
        version: 0,
        createdAt: '',
        updatedAt: '',
      }) as StoredDocument,
  );
  const after = toBundle(applyChanges(snapshot.documents, asStored));
  const keys = new Set(changed.map((doc) => `${doc.collection}/${doc.id}`));
  const issues: Issue[] = checkReferences(after)
    .filter((issue) => keys.has(`${issue.collection}/${issue.id}`))
    .map((issue) => ({
      // A list file's issue path starts with the item index; an edited document has none.
      path: [...prefix, ...(issue.collection === 'relations' ? issue.path.slice(1) : issue.path)],
      message: issue.message,
    }));
  if (issues.length > 0)
    throw new ValidationError('The input refers to something that does not fit', issues);
}
