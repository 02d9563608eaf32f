import { COLLECTIONS, type ContentBundle } from '../domain/bundle.js';
import { documentIdOf } from '../domain/documentId.js';
import type { DocumentWrite } from '../store/contentStore.js';

/** A write that stores a document. */
export type PutWrite = Extract<DocumentWrite, { op: 'put' }>;

/**
 * Every document of a bundle as a `put`, under its deterministic id (re-importing writes the
 * same ids: idempotent imports). A document the bundle has translation records for claims them
 * (`translation.claimed`): they stand in for the store's records of it.
 */
export function bundleToWrites(bundle: ContentBundle): PutWrite[] {
  return COLLECTIONS.flatMap((collection) =>
    (bundle[collection] as unknown[]).map((data) => {
      const id = documentIdOf(collection, data);
      const claimed = bundle.translations?.[collection]?.[id];
      return {
        op: 'put',
        collection,
        id,
        data,
        ...(claimed ? { translation: { claimed } } : {}),
      } as PutWrite;
    }),
  );
}
