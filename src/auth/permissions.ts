import { AppError, ErrorCode } from '../errors.js';
import type { Role } from './tokens.js';
import type { Viewer } from './viewer.js';

/** Everything a writer can ask for, and the least role that may do it. */
export const PERMISSIONS = {
  createDraft: 'editor',
  editDraft: 'editor',
  addRelation: 'editor',
  editPublished: 'admin',
  publish: 'admin',
  delete: 'admin',
  removeRelation: 'admin',
  manageCategories: 'admin',
  import: 'admin',
  readHistory: 'admin',
  translate: 'editor',
  readEvents: 'editor',
  manageWebhooks: 'admin',
} as const satisfies Record<string, Role>;

/** An action a role may be allowed. */
export type Action = keyof typeof PERMISSIONS;

const RANK: Record<Viewer['role'], number> = { anonymous: 0, editor: 1, admin: 2 };

/**
 * Allows the action or throws: anonymous → UNAUTHENTICATED, too low a role → FORBIDDEN, and an
 * API with no tokens configured (read-only in production) → FORBIDDEN saying so.
 */
export function authorize(viewer: Viewer, action: Action, writable: boolean): void {
  if (!writable) {
    throw new AppError(ErrorCode.FORBIDDEN, 'This API is read-only: no API_TOKENS are configured.');
  }
  if (viewer.role === 'anonymous') {
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'This needs an editor or admin bearer token.');
  }
  const needed = PERMISSIONS[action];
  if (RANK[viewer.role] < RANK[needed]) {
    throw new AppError(ErrorCode.FORBIDDEN, `Only an ${needed} may ${describe(action)}.`);
  }
}

const DESCRIPTIONS: Record<Action, string> = {
  createDraft: 'create content',
  editDraft: 'edit drafts',
  addRelation: 'add relations to drafts',
  editPublished: 'edit published content (unpublish it first, or ask an admin)',
  publish: 'publish or unpublish',
  delete: 'delete content',
  removeRelation: 'remove relations',
  manageCategories: 'create or change categories',
  import: 'import content',
  readHistory: 'read the version history',
  translate: 'work on translations',
  readEvents: 'read the change events',
  manageWebhooks: 'manage webhooks',
};

/**
 * Every action the viewer may take, in the table's order: what a client (the admin console)
 * offers. Empty for anonymous viewers and on a read-only API.
 */
export function allowedActions(viewer: Viewer, writable: boolean): Action[] {
  if (!writable || viewer.role === 'anonymous') return [];
  const rank = RANK[viewer.role];
  return (Object.keys(PERMISSIONS) as Action[]).filter(
    (action) => RANK[PERMISSIONS[action]] <= rank,
  );
}

function describe(action: Action): string {
  return DESCRIPTIONS[action];
}
