// `meta/content`: the store's revision counter and epoch, written by every commit.

/** Reads the content revision from `meta/content` (0 when absent or not one). */
export function revisionOf(meta: Record<string, unknown> | undefined): number {
  const rev = meta?.rev;
  return typeof rev === 'number' && Number.isInteger(rev) && rev >= 0 ? rev : 0;
}

/** Reads the store's epoch (its history's id) from `meta/content` ('' before the first commit). */
export function epochOf(meta: Record<string, unknown> | undefined): string {
  return typeof meta?.epoch === 'string' ? meta.epoch : '';
}
