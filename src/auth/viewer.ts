import type { Role } from './tokens.js';

/** Who is making a request: anonymous, or a token's role and fingerprint. */
export type Viewer = { role: 'anonymous' } | { role: Role; fingerprint: string };

/** The anonymous viewer. */
export const ANONYMOUS: Viewer = { role: 'anonymous' };

/** True for editors and admins, who may read drafts (preview). */
export function canPreview(viewer: Viewer): boolean {
  return viewer.role !== 'anonymous';
}

/** What a write records as its author: the role and the token's fingerprint, never the token. */
export function actorOf(viewer: Viewer): string {
  return viewer.role === 'anonymous' ? 'anonymous' : `${viewer.role}:${viewer.fingerprint}`;
}
