import type { Viewer } from '../auth/viewer.js';
import { AppError, ErrorCode } from '../errors.js';
import type { StoredDocument } from '../store/contentStore.js';
import { authorize } from '../auth/permissions.js';
import type { EditDeps } from './editor.js';

/** Most versions a history request returns. */
export const MAX_HISTORY = 50;

/** The last versions of a concept, newest first (admin); deleted concepts keep their history. */
export async function conceptHistory(
  deps: EditDeps,
  viewer: Viewer,
  slug: string,
  limit: number,
): Promise<StoredDocument<'concepts'>[]> {
  authorize(viewer, 'readHistory', deps.writable);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_HISTORY) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `"limit" must be between 1 and ${MAX_HISTORY}, got ${limit}`,
      [{ path: ['limit'], message: `must be an integer between 1 and ${MAX_HISTORY}` }],
    );
  }
  return (await deps.store.readHistory('concepts', slug, limit)) as StoredDocument<'concepts'>[];
}
