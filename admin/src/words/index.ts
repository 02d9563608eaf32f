import { CONCEPT_WORDS } from './concepts.js';
import { HISTORY_WORDS } from './history.js';
import { LESSON_WORDS } from './lessons.js';
import { CONCEPT_EDITOR_WORDS } from './conceptEditor.js';
import { IMPORT_WORDS } from './import.js';
import { PUBLISHING_WORDS } from './publishing.js';
import { RELATION_WORDS } from './relations.js';
import { SHELL_WORDS } from './shell.js';
import { TRANSLATION_WORDS } from './translations.js';
import { CATALOG_WORDS } from './catalog.js';
import type { UiLanguage } from './table.js';

export type { UiLanguage } from './table.js';

// One table for the whole console, assembled from one file per screen (so a screen's texts
// live beside each other, and adding a screen adds a file, not lines in a shared one).
const WORDS = {
  ...SHELL_WORDS,
  ...CONCEPT_WORDS,
  ...PUBLISHING_WORDS,
  ...RELATION_WORDS,
  ...HISTORY_WORDS,
  ...LESSON_WORDS,
  ...TRANSLATION_WORDS,
  ...CATALOG_WORDS,
  ...CONCEPT_EDITOR_WORDS,
  ...IMPORT_WORDS,
};

/** A key of the console's text table. */
export type WordKey = keyof typeof WORDS;

/** A text of the console in the given language. */
export function word(language: UiLanguage, key: WordKey): string {
  return WORDS[key][language];
}

/** Whether `key` names a text (for keys built from API values, such as error codes). */
export function isWordKey(key: string): key is WordKey {
  return Object.hasOwn(WORDS, key);
}
