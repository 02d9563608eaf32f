import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { CollectionName, ContentBundle } from '../domain/bundle.js';
import { checkReferences } from '../domain/checkReferences.js';
import type { Lesson } from '../domain/lesson.js';
import { relationId } from '../domain/relation.js';
import type { CollectionData, ContentStore } from '../store/contentStore.js';
import { SEED_LAYOUT } from './loadSeed.js';
import { storedTranslations } from './storedTranslations.js';
import { translationFiles } from './writeTranslations.js';

/** An export that cannot be made as asked; the message says why and what to do. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
}

/**
 * Reads the store's live content (tombstones and storage metadata left out) as a bundle, in a
 * deterministic order: the order `loadSeedDirectory` reads files in for one-file-per-document
 * collections, and a stable sort for the list files; with the translation records of every text
 * that has English. The same store always exports the same bytes.
 * Refuses a store holding documents its adapter rejected as invalid: an export that silently
 * dropped them would not be a faithful copy.
 */
export async function exportBundle(store: ContentStore): Promise<ContentBundle> {
  const { documents, rejected } = await store.readChanges(0);
  if (rejected && rejected.length > 0) {
    throw new ExportError(
      `the store holds ${rejected.length} invalid document(s) (${rejected
        .map((doc) => doc.path)
        .join(', ')}); fix or delete them before exporting`,
    );
  }
  const live = <C extends CollectionName>(collection: C): CollectionData[C][] =>
    documents
      .filter((doc) => doc.collection === collection && !doc.deleted)
      .map((doc) => doc.data as CollectionData[C]);
  const bySlug = compareBy<{ slug: string }>((c) => c.slug);
  const bundle: ContentBundle = {
    categories: live('categories').sort((a, b) => a.order - b.order || bySlug(a, b)),
    concepts: live('concepts').sort(compareBy((c) => fileName(c.slug))),
    relations: live('relations').sort(compareBy(relationId)),
    comparisons: live('comparisons').sort(compareBy((c) => fileName(c.slug))),
    lessons: live('lessons').sort(compareBy((l) => fileName(l.slug))),
  };
  const translations = storedTranslations(documents);
  if (translations) bundle.translations = translations;
  // An export must load again: dangling references would make the written seed invalid.
  const broken = checkReferences(bundle);
  if (broken.length > 0) {
    throw new ExportError(
      `the store's content has ${broken.length} broken reference(s): ${broken
        .map((issue) => `${issue.collection}/${issue.id} ${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  return bundle;
}

/**
 * Writes a bundle as a seed directory (the layout of `seed/`): list files for categories and
 * relations, one YAML file per concept, comparison and lesson, each lesson's markdown beside
 * its YAML, and the translation records in `translations/`. `loadSeedDirectory` reads the result back into an equal bundle. Refuses a directory
 * that exists and is not empty, so an export never mixes with or overwrites other files.
 * Returns the files written, relative to `dir`.
 */
export async function writeSeedDirectory(bundle: ContentBundle, dir: string): Promise<string[]> {
  await assertEmptyTarget(dir);
  const files = seedDirectoryFiles(bundle);
  for (const [file, text] of files) {
    const path = join(dir, file);
    await mkdir(dirname(path), { recursive: true });
    // 'wx': never overwrite, even if something appeared in the directory since the check.
    await writeFile(path, text, { flag: 'wx' });
  }
  return [...files.keys()];
}

/**
 * The files of a seed directory holding the bundle, by path relative to its root (what
 * writeSeedDirectory writes, and what a ZIP export holds).
 */
export function seedDirectoryFiles(bundle: ContentBundle): Map<string, string> {
  const files = new Map<string, string>([
    [SEED_LAYOUT.categories, toYaml(bundle.categories)],
    [SEED_LAYOUT.relations, toYaml(bundle.relations)],
  ]);
  for (const concept of bundle.concepts) {
    files.set(join(SEED_LAYOUT.concepts, fileName(concept.slug)), toYaml(concept));
  }
  for (const comparison of bundle.comparisons) {
    files.set(join(SEED_LAYOUT.comparisons, fileName(comparison.slug)), toYaml(comparison));
  }
  for (const lesson of bundle.lessons) {
    for (const [file, text] of lessonFiles(lesson)) {
      files.set(join(SEED_LAYOUT.lessons, file), text);
    }
  }
  for (const [file, text] of translationFiles(bundle)) files.set(file, text);
  return files;
}

// A lesson is authored as metadata plus markdown; sections, reading time and hash are derived
// again when the seed is loaded, so only the source is written.
function lessonFiles(lesson: Lesson): [string, string][] {
  const markdownName = (locale: 'ko' | 'en') => `${lesson.slug}.${locale}.md`;
  const source = {
    slug: lesson.slug,
    number: lesson.number,
    title: lesson.title,
    ...(lesson.summary ? { summary: lesson.summary } : {}),
    status: lesson.status,
    markdown: {
      ko: markdownName('ko'),
      ...(lesson.markdown.en === undefined ? {} : { en: markdownName('en') }),
    },
  };
  return [
    [fileName(lesson.slug), toYaml(source)],
    [markdownName('ko'), lesson.markdown.ko],
    ...(lesson.markdown.en === undefined
      ? []
      : [[markdownName('en'), lesson.markdown.en] as [string, string]]),
  ];
}

async function assertEmptyTarget(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new ExportError(`cannot export into ${dir}: it is a file`);
    throw error;
  }
  if (entries.length > 0) {
    throw new ExportError(
      `refusing to export into ${dir}: it is not empty (${entries.length} entr${
        entries.length === 1 ? 'y' : 'ies'
      }); choose a new or empty directory`,
    );
  }
}

// No line folding (diffs stay one change per line) and no anchors/aliases (the loader caps them,
// and an author editing one copy of a shared value must not change the other).
function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}

function fileName(slug: string): string {
  return `${slug}.yaml`;
}

function compareBy<T>(key: (value: T) => string): (a: T, b: T) => number {
  // Code-unit order, the same as the loader's `Array.prototype.sort` of file names.
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}
