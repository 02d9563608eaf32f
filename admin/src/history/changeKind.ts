import { diffVersions } from './diffVersions.js';

/** A version as the history lists it. */
export interface VersionLike {
  version: number;
  deleted: boolean;
  data?: unknown;
}

/** What a version did, compared with the version before it (when that one is listed). */
export type ChangeKind =
  | { kind: 'created' }
  | { kind: 'deleted' }
  | { kind: 'published' }
  | { kind: 'unpublished' }
  | { kind: 'edited'; fields: string[] }
  | { kind: 'unchanged' }
  | { kind: 'unknown' };

function status(data: unknown): unknown {
  return data && typeof data === 'object' ? (data as { status?: unknown }).status : undefined;
}

/**
 * The kind of change a version made: created (first version, or after a deletion), deleted,
 * published or unpublished, or edited with the top-level fields it changed; `unknown` when the
 * version before it is not in the list (the history is read up to 50 versions back).
 */
export function changeKind(version: VersionLike, previous: VersionLike | undefined): ChangeKind {
  if (version.deleted) return { kind: 'deleted' };
  if (!previous) return version.version === 1 ? { kind: 'created' } : { kind: 'unknown' };
  if (previous.deleted) return { kind: 'created' };
  const changes = diffVersions(previous.data, version.data);
  const fields = [...new Set(changes.map((c) => c.path.split('.')[0]!))];
  if (fields.length === 1 && fields[0] === 'status') {
    return { kind: status(version.data) === 'PUBLISHED' ? 'published' : 'unpublished' };
  }
  return fields.length > 0 ? { kind: 'edited', fields } : { kind: 'unchanged' };
}
