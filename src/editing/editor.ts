import { authorize, type Action } from '../auth/permissions.js';
import { actorOf, type Viewer } from '../auth/viewer.js';
import type { ReadModel } from '../content/readModel.js';
import type { ContentSnapshot } from '../content/snapshot.js';
import type { CommitOptions, ContentStore, DocumentWrite } from '../store/contentStore.js';

/** What every edit needs: the store to write, the read model to read and update, and who may write. */
export interface EditDeps {
  store: ContentStore;
  readModel: ReadModel;
  /** False when no API tokens are configured: the API is read-only. */
  writable: boolean;
  /**
   * Recorded as the author of every commit instead of the viewer's token: a tool working with
   * the store directly (`npm run translations` records `xliff-import`), as the seed records
   * `importer`.
   */
  actor?: string;
}

/** One edit in progress: the viewer, checked for an action, and the latest snapshot to validate against. */
export interface Edit {
  viewer: Viewer;
  snapshot: ContentSnapshot;
}

/**
 * Starts an edit: authorizes the viewer for the action, then refreshes the read model so the
 * edit is validated against the store's latest content rather than a snapshot up to a TTL old.
 */
export async function beginEdit(deps: EditDeps, viewer: Viewer, action: Action): Promise<Edit> {
  authorize(viewer, action, deps.writable);
  return { viewer, snapshot: await deps.readModel.refresh() };
}

/**
 * Commits an edit's writes in one transaction, recording the viewer as author (role and token
 * fingerprint, or the tool named by `deps.actor`), and makes them visible on this instance at
 * once. Returns the new snapshot.
 */
export async function commitEdit(
  deps: EditDeps,
  edit: Edit,
  writes: readonly DocumentWrite[],
  requireExisting: CommitOptions['requireExisting'] = [],
): Promise<ContentSnapshot> {
  const actor = deps.actor ?? actorOf(edit.viewer);
  const batch = await deps.store.commit(writes, { actor, requireExisting });
  return deps.readModel.applyCommitted(batch);
}
