import { COLLECTIONS, type CollectionName, type ContentBundle } from '../domain/bundle.js';
import { documentIdOf } from '../domain/documentId.js';
import {
  fieldTranslations,
  type TranslationState,
} from '../domain/translation/translationState.js';

/** One text of a bundle and the state of its English. */
export interface TextState {
  collection: CollectionName;
  id: string;
  path: string;
  state: TranslationState;
}

/**
 * The state of every translatable text of a bundle, by the bundle's own records (a text
 * without a record counts as CURRENT if it has English, as in the store), in collection, then
 * document, then text order.
 */
export function translationStates(bundle: ContentBundle): TextState[] {
  return COLLECTIONS.flatMap((collection) =>
    (bundle[collection] as unknown[]).flatMap((data) => {
      const id = documentIdOf(collection, data);
      const records = bundle.translations?.[collection]?.[id];
      return fieldTranslations(collection, data, records).map(({ path, state }) => ({
        collection,
        id,
        path,
        state,
      }));
    }),
  );
}
