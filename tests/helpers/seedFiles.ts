import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** One seed file as `importSeedFiles` takes it. */
export interface SeedFile {
  path: string;
  content: string;
}

/** The `.yaml` and `.md` files of a seed directory, paths relative to it with `/`, sorted. */
export async function readSeedFileList(dir: string): Promise<SeedFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && /\.(yaml|md)$/.test(entry.name))
      .map(async (entry) => {
        const full = join(entry.parentPath, entry.name);
        return {
          path: relative(dir, full).split(sep).join('/'),
          content: await readFile(full, 'utf8'),
        };
      }),
  );
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** The files with one file's content rewritten by `edit` (which must change it). */
export function editSeedFile(
  files: readonly SeedFile[],
  path: string,
  edit: (content: string) => string,
): SeedFile[] {
  if (!files.some((file) => file.path === path)) throw new Error(`no seed file ${path}`);
  return files.map((file) => {
    if (file.path !== path) return file;
    const content = edit(file.content);
    if (content === file.content) throw new Error(`the edit left ${path} unchanged`);
    return { path, content };
  });
}

/** A new concept's seed file: a DRAFT in the `fundamentals` category, with English. */
export function newConceptFile(slug: string): SeedFile {
  return {
    path: `concepts/${slug}.yaml`,
    content: [
      `slug: ${slug}`,
      'category: fundamentals',
      `term: { ko: ${slug} 용어, en: ${slug} term }`,
      "summary: { ko: 한 문장 요약., en: 'A one-sentence summary.' }",
      "definition: { ko: 정의., en: 'A definition.' }",
      'status: DRAFT',
      '',
    ].join('\n'),
  };
}
